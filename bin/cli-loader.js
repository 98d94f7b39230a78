// Which build of the CLI a command line runs, and loading it (bin/oradmin.js, bench/rss-wrapper.mjs,
// scripts/bundle/code-cache.mjs). `npm run build` leaves three:
// - dist/bundle/oradmin.cjs with its code cache (CACHE): the whole CLI as one script, run with V8's code
//   cache, so that it is not compiled again on every run. Node 20 caches no compiled code for ES
//   modules; a plan compiles some 1 MB of JavaScript (zod, undici, the planner) before its first
//   answer is read, a fifth of a 4-key plan. Every command but the few below runs this.
// - dist/bundle/main.js and its chunks (ES modules): `--help`, `--version`, `completion` and a bare
//   `oradmin` load a tenth of the CLI, which compiles faster than the cache of all of it reads.
// - dist/cli/main.js: what tsc alone builds (no bundle).
// Both bundles are built from the same sources, so the choice changes speed only: a command line
// this guesses wrong still runs, and without a cache for this Node the chunks run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const bundle = (name) => fileURLToPath(new URL(`../dist/bundle/${name}`, import.meta.url));
export const SCRIPT = bundle('oradmin.cjs');
/**
 * The code cache for this Node: V8 accepts a cache only from its own version, so one made by another
 * Node (an installed package, a runner with another Node) would be read for nothing. Without one
 * for this Node, the chunks run.
 */
export const CACHE = bundle(`oradmin.cjs.${process.version}-${process.arch}.cache`);

/** Command lines that load little of the CLI: the chunks start them faster than the script. */
export function loadsLittle(args) {
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined) return true; // `oradmin`, `oradmin --help`, `oradmin --version`
  return first === 'help' || first === 'completion';
}

/**
 * The CLI's module (`run`, `main`) for these arguments (process.argv without node and the script),
 * and which build it came from.
 */
export async function loadCli(args) {
  if (!loadsLittle(args) && existsSync(CACHE) && process.env.ORADMIN_CODE_CACHE !== 'off') {
    const { exports, cacheRejected } = runScript({ cachedData: readFileSync(CACHE) });
    return { cli: exports, build: 'cached-script', cacheRejected };
  }
  if (existsSync(bundle('main.js'))) return { cli: await import(pathToFileURL(bundle('main.js')).href), build: 'chunks' };
  return { cli: await import('../dist/cli/main.js'), build: 'tsc' };
}

/**
 * Compiles dist/bundle/oradmin.cjs (with `cachedData`, the code cache, when given) and evaluates it:
 * its exports, the vm.Script (for createCachedData) and whether V8 turned the cache down (another
 * Node version or other V8 flags: then it compiled the source, as without a cache).
 */
export function runScript({ cachedData } = {}) {
  // The V8 flags are part of a code cache's identity: set the one main.ts sets before compiling, in
  // the run that writes the cache and in every run that reads it.
  v8.setFlagsFromString('--liftoff-only');
  // The bundle is ASCII (scripts/bundle.mjs), and a one-byte string is V8's cheapest source.
  const source = readFileSync(SCRIPT, 'latin1');
  const script = new vm.Script(`(function (exports, require, module, __oradminModuleUrl) {\n${source}\n})`, {
    filename: SCRIPT,
    lineOffset: -1, // stack traces give the bundle's own line numbers
    cachedData,
    // `import()` of Node's own modules, should a dependency use one, as in any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(SCRIPT), module, pathToFileURL(SCRIPT).href);
  return { exports: module.exports, script, cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}
