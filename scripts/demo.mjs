#!/usr/bin/env node
// `npm run demo`: the whole oradmin lifecycle in a few seconds, without an OpenRouter account.
// Starts the built-in sandbox seeded with examples/seeds/demo.yaml (an organization that has
// drifted from openrouter.admin.yaml), then runs validate, plan, apply and plan again with the
// real CLI, exactly as a user would in a shell. New keys' secrets go to a temporary file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'oradmin.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Build when dist/ is missing or older than the sources.
const built = path.join(root, 'dist', 'cli', 'main.js');
if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(path.join(root, 'src'))) {
  process.stderr.write('Building oradmin (npm run build)…\n');
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(1);
}

const { startSandbox } = await import(path.join(root, 'dist', 'sandbox', 'index.js'));
const sandbox = await startSandbox({ seed: path.join(root, 'examples', 'seeds', 'demo.yaml') });
const secretsDir = mkdtempSync(path.join(tmpdir(), 'oradmin-demo-'));
const secretsFile = path.join(secretsDir, 'secrets.json');
const env = { ...process.env, OPENROUTER_API_URL: sandbox.url, OPENROUTER_MANAGEMENT_KEY: sandbox.managementKey };

const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${s}\x1b[22m` : s);
let step = 0;
let failed = false;

async function run(title, args, expected) {
  step++;
  process.stdout.write(`\n${bold(`── ${step}. ${title} ──`)}\n$ oradmin ${args.join(' ')}\n\n`);
  // The child writes straight to this terminal, so colours and progress look as they do for a user.
  // Asynchronously: the sandbox answers from this very process.
  const status = await new Promise((resolve) => {
    spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] }).on('close', resolve);
  });
  process.stdout.write(`\n(exit code ${status})\n`);
  if (status !== expected) {
    process.stderr.write(`demo: expected exit code ${expected} from \`oradmin ${args.join(' ')}\`, got ${status}\n`);
    failed = true;
  }
}

try {
  process.stdout.write(
    `${bold('oradmin demo')} — a local OpenRouter management API is running at ${sandbox.url}\n` +
      'Its organization has drifted from openrouter.admin.yaml: a key limit raised in the dashboard, a guardrail\n' +
      'that lost a provider, a member bound out of band, and a workspace that does not exist yet.\n',
  );
  await run('validate the file (offline, no credentials needed)', ['validate'], 0);
  // plan gets the flags apply will get, so that what it says about apply holds.
  await run('plan: what would change, and why', ['plan', '--secrets-out', secretsFile], 0);
  await run('apply: converge the organization (new secrets go to a temporary file)', ['apply', '--auto-approve', '--secrets-out', secretsFile], 0);
  // The key created in the dashboard stays reported: it is drift until the file declares it, deletes
  // it (absent: true) or ignores it, so a drift cron would exit 2 and open an issue for it.
  await run('plan again: nothing left to change, one live key still not in the file (a drift cron exits 2)', ['plan', '--detailed-exitcode'], 2);
  if (existsSync(secretsFile)) {
    const names = Object.keys(JSON.parse(readFileSync(secretsFile, 'utf8')));
    const mode = (statSync(secretsFile).mode & 0o777).toString(8);
    process.stdout.write(`\nThe secrets of the ${names.length} new key(s) (${names.join(', ')}) are in ${secretsFile} (mode ${mode}), and nowhere else.\n`);
  }
} finally {
  await sandbox.close();
}
process.stdout.write(failed ? '\nThe demo did not go as expected (see above).\n' : '\nDone. Try `oradmin sandbox --seed examples/seeds/demo.yaml` to explore on your own.\n');
process.exit(failed ? 1 : 0);
