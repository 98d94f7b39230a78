// The action's release build: the CLI bundled with its dependencies into action-dist/, so that
// `uses: <owner>/oradmin@v1` runs with node alone — no `npm ci`, no dev dependencies, no compiling
// on every run. esbuild (already the bundler of our dev tooling) because it bundles ESM with code
// splitting: the commands' lazy imports stay separate chunks, so `--help` still loads little, and
// the config worker (src/config/load-worker.ts, started by URL) is an entry point of its own next
// to the chunk that starts it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(root, process.argv[2] ?? 'action-dist');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'scripts/action/entry.ts', out: 'oradmin' },
    { in: 'src/config/load-worker.ts', out: 'load-worker' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Beside the entry points: the worker is found by a URL relative to the chunk that starts it.
  chunkNames: '[name]-[hash]',
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __oradminRequire } from 'node:module'; const require = __oradminRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});
process.stdout.write(`action build written to ${path.relative(root, outdir)}/\n`);
