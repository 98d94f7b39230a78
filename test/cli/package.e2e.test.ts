// The package as npm publishes it: `npm pack`, installed globally into a temporary prefix (its
// dependencies from npm's cache, which `npm ci` filled), then used as a user would: --help, the
// schema its files point at, a sandbox and a plan against it, init in a new repository.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

// Only what npm needs: no CI markers, no credentials; npm's own cache settings are kept.
const npmEnv: Record<string, string> = Object.fromEntries(
  Object.entries({
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? tmpdir(),
    npm_config_cache: process.env.npm_config_cache,
  }).filter((e): e is [string, string] => e[1] !== undefined),
);

function installPackage(): { prefix: string; bin: (name: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-pack-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: REPO, env: npmEnv, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => /^oradmin-.*\.tgz$/.test(f));
  expect(tarball).toBeDefined();
  const prefix = path.join(dir, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(dir, tarball!)], {
    cwd: dir,
    env: npmEnv,
    stdio: 'pipe',
    timeout: 150_000,
  });
  return { prefix, bin: (name) => path.join(prefix, 'bin', name) };
}

function run(bin: string, args: string[], opts: { cwd: string; env?: Record<string, string> }) {
  try {
    const stdout = execFileSync(bin, args, { cwd: opts.cwd, env: { PATH: npmEnv.PATH!, HOME: npmEnv.HOME!, NO_COLOR: '1', ...opts.env }, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `oradmin sandbox` from the installed package; resolves with the two lines it prints to paste. */
function sandbox(bin: string, cwd: string): Promise<{ env: Record<string, string>; stop: () => void }> {
  const child = spawn(bin, ['sandbox'], { cwd, env: { PATH: npmEnv.PATH!, HOME: npmEnv.HOME!, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const env = Object.fromEntries([...out.matchAll(/^export (OPENROUTER_[A-Z_]+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
      if (env.OPENROUTER_API_URL && env.OPENROUTER_MANAGEMENT_KEY) {
        child.removeAllListeners('exit');
        resolve({ env, stop: () => child.kill() });
      }
    });
  });
}

describe('the published package', () => {
  it('installs from its tarball and works: help, schema, sandbox and plan, init', { timeout: 240_000 }, async () => {
    const { prefix, bin } = installPackage();
    const oradmin = bin('oradmin');
    const work = mkdtempSync(path.join(tmpdir(), 'oradmin-user-'));

    const help = run(oradmin, ['--help'], { cwd: work });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: oradmin /);
    expect(run(oradmin, ['-V'], { cwd: work }).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(existsSync(bin('oradmin-github-secret'))).toBe(true);

    // The schema the files reference ships with the package, as `oradmin schema` prints it.
    const shipped = path.join(prefix, 'lib/node_modules/oradmin/schemas/openrouter.admin.schema.json');
    expect(JSON.parse(run(oradmin, ['schema'], { cwd: work }).stdout)).toEqual(JSON.parse(readFileSync(shipped, 'utf8')));

    // init in a new repository: a file that validates, the workflows, the secrets path ignored.
    execFileSync('git', ['init', '-q'], { cwd: work });
    const init = run(oradmin, ['init'], { cwd: work });
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(path.join(work, '.github/workflows')).sort()).toEqual(['oradmin-apply.yml', 'oradmin-drift.yml', 'oradmin-plan.yml']);
    expect(run(oradmin, ['validate'], { cwd: work }).code).toBe(0);

    // The sandbox runs from the installed package (it needs its copy of the API reference) and a
    // plan of the starter file reads it.
    const sb = await sandbox(oradmin, work);
    try {
      const plan = run(oradmin, ['plan', '--detailed-exitcode'], { cwd: work, env: sb.env });
      expect([0, 2], `${plan.stdout}${plan.stderr ?? ''}`).toContain(plan.code);
      expect(plan.stdout).toMatch(/Plan: \d+ to create/);
    } finally {
      sb.stop();
    }
  });
});
