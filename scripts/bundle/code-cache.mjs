// `npm run build`, after scripts/bundle.mjs: writes the V8 code cache that bin/cli-loader.js gives
// dist/bundle/oradmin.cjs, for this Node (CACHE names its version). A cache holds the compiled code
// of every function that had run when it was made, so it is made after real work: plans of the demo
// organization against the sandbox, in text and JSON, as a user and the bench run them. What a later
// command needs and this did not run is compiled from the source then, as without a cache.
// V8 also turns a cache down under other V8 flags (NODE_OPTIONS): the script is then compiled as
// usual, slower, never wrong.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { CACHE, runScript } from '../../bin/cli-loader.js';

const root = path.resolve(import.meta.dirname, '../..');
const { startSandbox } = await import(path.join(root, 'dist/sandbox/index.js'));
const sandbox = await startSandbox({ seed: path.join(root, 'examples/seeds/demo.yaml') });
try {
  const { exports: cli, script } = runScript();
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const env = { ...process.env, OPENROUTER_API_URL: sandbox.url, OPENROUTER_MANAGEMENT_KEY: sandbox.managementKey, NO_COLOR: '1' };
  const codes = [];
  for (const output of ['text', 'json']) {
    const io = { stdout: discard(), stderr: discard(), stdin: process.stdin, env };
    codes.push(await cli.run(['node', 'oradmin', 'plan', '-f', path.join(root, 'openrouter.admin.yaml'), '-o', output], io));
  }
  const data = script.createCachedData();
  writeFileSync(CACHE, data);
  process.stdout.write(`code cache written to ${path.relative(root, CACHE)} (${Math.round(data.length / 1024)} KB, after plans that exited ${codes.join(', ')})\n`);
} finally {
  await sandbox.close();
}
