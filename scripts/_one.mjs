import { build } from 'esbuild';
import path from 'node:path';
const root = '/work/main';
await build({ absWorkingDir: root, entryPoints: [{ in: 'src/cli/bundle-entry.ts', out: 'oradmin' }], outdir: '/tmp/var/one/dist/bundle', bundle: true, splitting: process.env.SPLIT === '1', format: 'esm', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, chunkNames: '[name]-[hash]',
  banner: { js: "import { createRequire as __oradminRequire } from 'node:module'; const require = __oradminRequire(import.meta.url);" },
  plugins: [{ name: 'undici-pool', setup(b) { b.onResolve({ filter: /^undici$/ }, () => ({ path: path.join(root, 'scripts/bundle/undici-pool.cjs') })); b.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) => args.importer.endsWith(path.join('undici', 'lib', 'dispatcher', 'client.js')) ? { path: path.join(root, 'scripts/bundle/undici-no-h2.cjs') } : undefined); } }] });
