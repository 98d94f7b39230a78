// `npm run build`, after scripts/bundle.mjs: writes the V8 code cache that bin/cli-loader.js gives
// dist/bundle/oradmin.cjs, named for this build of the script and this Node (cachePathFor). A cache
// holds the compiled code of every function that had run when it was made, so it is made after real
// work: plans of the demo organization against the sandbox, in text and JSON, as a user and the bench
// run them. What a later command needs and this did not run is compiled from the source then, as
// without a cache.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { SCRIPT, buildIdOf, cachePathFor, probeCachedData, probePathFor, runScript } from '../../bin/cli-loader.js';

const root = path.resolve(import.meta.dirname, '../..');
// V8 flags are part of a cache's identity: made under NODE_OPTIONS (--max-old-space-size, say), the
// cache would fit no plain run, and the loader would never use it (bin/cli-loader.js). So make it in
// a plain Node.
if (process.execArgv.length > 0 || (process.env.NODE_OPTIONS ?? '').trim() !== '') {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env, stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const source = readFileSync(SCRIPT, 'latin1');
const buildId = buildIdOf(source);
if (buildId === undefined) throw new Error(`${SCRIPT} has no build id on its first line: build it with scripts/bundle.mjs --cached-script`);
const { startSandbox } = await import(path.join(root, 'dist/sandbox/index.js'));
const sandbox = await startSandbox({ seed: path.join(root, 'examples/seeds/demo.yaml') });
try {
  const { exports: cli, script } = runScript({ source });
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const env = { ...process.env, OPENROUTER_API_URL: sandbox.url, OPENROUTER_MANAGEMENT_KEY: sandbox.managementKey, NO_COLOR: '1' };
  const codes = [];
  for (const output of ['text', 'json']) {
    const io = { stdout: discard(), stderr: discard(), stdin: process.stdin, env };
    codes.push(await cli.run(['node', 'oradmin', 'plan', '-f', path.join(root, 'openrouter.admin.yaml'), '-o', output], io));
  }
  const data = script.createCachedData();
  const cache = cachePathFor(buildId);
  // Whole or not at all: a reader never sees half a cache. The probe first: the loader looks for it
  // only once it has found the cache.
  for (const [file, bytes] of [[probePathFor(buildId), probeCachedData()], [cache, data]]) {
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  }
  process.stdout.write(`code cache written to ${path.relative(root, cache)} (${Math.round(data.length / 1024)} KB, after plans that exited ${codes.join(', ')})\n`);
} finally {
  await sandbox.close();
}
