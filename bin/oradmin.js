#!/usr/bin/env node
// Thin launcher: `npm run build` compiles the CLI to dist/ and bundles it into dist/bundle/, which
// starts faster than some 400 modules resolved one by one; bin/cli-loader.js says which build a
// command line runs. dist/cli/main.js is the fallback for a build made by tsc alone.
import { loadCli } from './cli-loader.js';

loadCli(process.argv.slice(2))
  .then(({ cli }) => cli.main(process.argv))
  .catch((err) => {
    process.stderr.write(`oradmin: cannot start (${err && err.message ? err.message : err}). Did you run \`npm run build\`?\n`);
    process.exit(1);
  });
