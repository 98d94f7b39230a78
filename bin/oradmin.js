#!/usr/bin/env node
// Thin launcher: `npm run build` compiles the CLI to dist/ and bundles it into dist/bundle/, which
// starts faster (one folder of chunks instead of some 400 modules to resolve); dist/cli/main.js
// is the fallback for a build made by tsc alone.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/oradmin.js', import.meta.url);
const start = existsSync(bundle)
  ? import(bundle.href)
  : import('../dist/cli/main.js').then((m) => m.main(process.argv));
start.catch((err) => {
  process.stderr.write(`oradmin: cannot start (${err && err.message ? err.message : err}). Did you run \`npm run build\`?\n`);
  process.exit(1);
});
