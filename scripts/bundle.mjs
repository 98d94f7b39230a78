// The CLI bundled with its dependencies into one folder: `node scripts/bundle.mjs <outdir> [--cached-script]`.
// - dist/bundle/ (`npm run build`): what bin/oradmin.js runs. Resolving and loading some 400 ESM and
//   CommonJS files one by one is a fixed cost of every command; a bundle cuts it (issue 19). With
//   --cached-script, also the CLI as one script for V8's code cache (bin/cli-loader.js says which
//   of the two a command runs).
// - action-dist/ (`npm run build:action`): the action's release build, so that
//   `uses: <owner>/oradmin@v1` runs with node alone — no `npm ci`, no dev dependencies, no compiling.
// esbuild (a dev dependency) because it bundles ESM with code splitting, which tsc cannot: the
// commands' lazy imports stay separate chunks, so `--help` still loads little.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(root, process.argv[2] ?? 'action-dist');
rmSync(outdir, { recursive: true, force: true });
// What both builds of the CLI share: the same code, the same stand-ins, the same compactness.
const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'linked',
  logLevel: 'warning',
  // Without comments and layout the chunks are a quarter smaller and pure ASCII (a comment with an
  // em dash made a whole chunk a two-byte string), which V8 reads and scans faster: ~15 ms of a
  // 4-key plan. Names are kept, so stack traces (--verbose) still say which function.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  plugins: [
    {
      // undici's index loads all of undici; the client needs its Pool only (scripts/bundle/undici-pool.cjs):
      // about 90 ms less of every command that talks to the API, measured on a 4-key plan.
      name: 'undici-pool',
      setup(b) {
        b.onResolve({ filter: /^undici$/ }, () => ({ path: path.join(root, 'scripts/bundle/undici-pool.cjs') }));
        // undici's HTTP/2 client loads node:http2 and with it tls, crypto and perf_hooks (33 of Node's
        // own modules, ~10 ms). The pool never negotiates HTTP/2 (allowH2 is off), so the bundle
        // takes a stand-in that says so if it were ever reached.
        b.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
          args.importer.endsWith(path.join('undici', 'lib', 'dispatcher', 'client.js')) ? { path: path.join(root, 'scripts/bundle/undici-no-h2.cjs') } : undefined,
        );
        // node:assert and node:http, for the two or three things undici takes from them
        // (scripts/bundle/undici-assert.cjs, undici-http.cjs): eleven of Node's own modules less,
        // ~5 ms of a 4-key plan. Only undici's: the sandbox and the MCP server keep the real ones.
        const standIn = { 'node:assert': 'undici-assert.cjs', 'node:http': 'undici-http.cjs' };
        b.onResolve({ filter: /^node:(assert|http)$/ }, (args) =>
          args.importer.includes(`${path.sep}node_modules${path.sep}undici${path.sep}`) ? { path: path.join(root, 'scripts/bundle', standIn[args.path]) } : undefined,
        );
      },
    },
  ],
};
await build({
  ...shared,
  entryPoints: [
    { in: 'src/cli/bundle-entry.ts', out: 'oradmin' },
    // `run` and `main` without side effects (bench/rss-wrapper.mjs), sharing the chunks.
    { in: 'src/cli/main.ts', out: 'main' },
    // Started by URL (src/config/load-in-worker.ts), so an entry point of its own beside the chunks.
    { in: 'src/config/load-worker.ts', out: 'load-worker' },
  ],
  outdir,
  splitting: true,
  format: 'esm',
  // Beside the entry points: files found relative to a chunk's URL (src/package-files.ts) are found
  // from any of them.
  chunkNames: '[name]-[hash]',
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __oradminRequire } from 'node:module'; const require = __oradminRequire(import.meta.url);" },
  // src/config/yaml-library.ts requires the yaml library only when a file needs it, synchronously:
  // from a CommonJS copy of its own (below), not a chunk, which only an import could load.
  define: { __ORADMIN_YAML_CJS__: JSON.stringify('./yaml.cjs') },
});
if (process.argv.includes('--cached-script')) {
  // The whole CLI as one script for bin/cli-loader.js, which runs it with V8's code cache
  // (scripts/bundle/code-cache.mjs writes the cache). Node 20 keeps no code cache for ES modules,
  // so a command that loads the planner compiles ~1 MB of JavaScript on every run; a script with a
  // cache skips most of that (issue 19). One file, no chunks: its lazy imports become functions
  // that are compiled, from the cache, only when called. Names are those of the ESM bundle, so the
  // two run the same code.
  await build({
    ...shared,
    entryPoints: ['src/cli/main.ts'],
    outfile: path.join(outdir, 'oradmin.cjs'),
    // `oradmin sandbox` and `oradmin mcp` run from the chunks (bin/cli-loader.js, runsFromChunks):
    // long-running servers, whose start-up does not count. Left out of the script, the sandbox (with
    // ajv) and the MCP server (with its SDK) are a third less for every other command to read.
    plugins: [
      ...shared.plugins,
      {
        name: 'chunks-only',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/\.\.\/sandbox\/index\.js$|^\.\.\/run-mcp\.js$/ }, (args) =>
            /commands[\\/](sandbox|mcp)\.ts$/.test(args.importer) ? { path: path.join(root, 'scripts/bundle/chunks-only.cjs') } : undefined,
          );
        },
      },
    ],
    format: 'cjs',
    // The loader wraps the script in a function whose parameters give it what a module would have.
    define: { __ORADMIN_YAML_CJS__: JSON.stringify('./yaml.cjs'), 'import.meta.url': '__oradminModuleUrl' },
  });
  // Its build id on the first line, a digest of the rest, which names its code cache
  // (bin/cli-loader.js): V8 checks a cache against the script's length only.
  const script = path.join(outdir, 'oradmin.cjs');
  const text = readFileSync(script, 'latin1');
  writeFileSync(script, `// oradmin build ${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n${text}`, 'latin1');
}
// The yaml library as one CommonJS file beside the chunks, for src/config/yaml-library.ts.
await build({
  ...shared,
  plugins: [],
  entryPoints: ['node_modules/yaml/dist/index.js'],
  outfile: path.join(outdir, 'yaml.cjs'),
  format: 'cjs',
});
process.stdout.write(`bundle written to ${path.relative(root, outdir)}/\n`);
