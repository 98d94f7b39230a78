#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build`.
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`oradmin: cannot start (${err && err.message ? err.message : err}). Did you run \`npm run build\`?\n`);
  process.exit(1);
});
