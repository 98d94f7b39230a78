// Which build of the CLI a command line runs, and loading it (bin/oradmin.js, bench/rss-wrapper.mjs,
// scripts/bundle/code-cache.mjs). `npm run build` leaves three:
// - dist/bundle/oradmin.cjs with its code cache (cachePathFor): the whole CLI as one script, run with
//   V8's code cache, so that it is not compiled again on every run. Node 20 caches no compiled code
//   for ES modules; a plan compiles some 1 MB of JavaScript (zod, undici, the planner) before its
//   first answer is read, a fifth of a 4-key plan. Every command but the few below runs this.
// - dist/bundle/main.js and its chunks (ES modules): `--help`, `--version`, `completion` and a bare
//   `oradmin` load a tenth of the CLI, which compiles faster than the cache of all of it reads.
// - dist/cli/main.js: what tsc alone builds (no bundle).
// Both bundles are built from the same sources, so the choice changes speed only: a command line
// this guesses wrong still runs, and whenever the script cannot be used as built (no cache for
// this Node or this build of the script, other V8 flags than the build's, anything failing) the
// chunks run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const bundle = (name) => fileURLToPath(new URL(`../dist/bundle/${name}`, import.meta.url));
export const SCRIPT = bundle('oradmin.cjs');

/**
 * The code cache of one build of the script for this Node. V8 checks a cache against its script's
 * length only, not its text, so the name carries the build (the digest scripts/bundle.mjs writes on
 * the script's first line): a cache never serves another build. And V8 accepts a cache only from its
 * own version, so the name carries that too: one made by another Node (an installed package, a
 * runner with another Node) is not read at all.
 */
export function cachePathFor(buildId) {
  return bundle(`oradmin.cjs.${buildId}.${cacheSuffix()}`);
}
const cacheSuffix = () => `${process.version}-${process.arch}.cache`;

/** The build id on the script's first line (`// oradmin build <digest>`); undefined without one. */
export function buildIdOf(source) {
  return /^\/\/ oradmin build ([0-9a-f]{16})\n/.exec(source)?.[1];
}

/**
 * Command lines the chunks run: those that load little of the CLI, which the chunks start faster
 * than the script; and the sandbox and the MCP server, which the script leaves out
 * (scripts/bundle.mjs). Those two are matched anywhere on the line, since an option's value may come
 * before the command (`-f x.yaml mcp`): a word taken for them by mistake only runs slower.
 */
export function runsFromChunks(args) {
  if (args.includes('sandbox') || args.includes('mcp')) return true;
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined) return true; // `oradmin`, `oradmin --help`, `oradmin --version`
  return first === 'help' || first === 'completion';
}

/**
 * A one-line script whose code cache the build writes beside the script's (probePathFor), made under
 * the same V8 flags. V8 turns a cache down when this process's flags differ from the build's (node's
 * own arguments, NODE_OPTIONS such as --max-old-space-size) and then compiles the whole script, which
 * is slower than the chunks; the probe's cache tells beforehand, in well under a millisecond.
 */
const PROBE = "'does a code cache made by oradmin\\'s build fit this process?'";
export function probeCachedData() {
  return new vm.Script(PROBE).createCachedData();
}
export function probePathFor(buildId) {
  return bundle(`oradmin.cjs.${buildId}.${process.version}-${process.arch}.probe`);
}

/**
 * The CLI's module (`run`, `main`) for these arguments (process.argv without node and the script),
 * and which build it came from.
 */
export async function loadCli(args) {
  if (!runsFromChunks(args) && process.env.ORADMIN_CODE_CACHE !== 'off') {
    const script = tryCachedScript();
    if (script) return { cli: script.exports, build: 'cached-script', cacheRejected: script.cacheRejected };
  }
  if (existsSync(bundle('main.js'))) return { cli: await import(pathToFileURL(bundle('main.js')).href), build: 'chunks' };
  return { cli: await import('../dist/cli/main.js'), build: 'tsc' };
}

/** The script run with its cache, or undefined when there is none for this Node and build, or it fails to load. */
function tryCachedScript() {
  try {
    // Most installs have no cache for the running Node: know that before reading 1.7 MB of script.
    if (!readdirSync(bundle('.')).some((f) => f.startsWith('oradmin.cjs.') && f.endsWith(cacheSuffix()))) return undefined;
    const source = readFileSync(SCRIPT, 'latin1');
    const id = buildIdOf(source);
    const cache = id === undefined ? undefined : cachePathFor(id);
    if (cache === undefined || !existsSync(cache)) return undefined;
    setFlags();
    if (new vm.Script(PROBE, { cachedData: readFileSync(probePathFor(id)) }).cachedDataRejected) return undefined;
    return runScript({ source, cachedData: readFileSync(cache) });
  } catch {
    // Its top level only defines things (main.ts runs nothing when loaded): the chunks can start
    // afresh, and run the same CLI.
    return undefined;
  }
}

/**
 * The V8 flags are part of a code cache's identity: the one main.ts sets, set before compiling, in
 * the run that writes the cache and in every run that reads it.
 */
function setFlags() {
  v8.setFlagsFromString('--liftoff-only');
}

/**
 * Compiles dist/bundle/oradmin.cjs (`source`: its text, when already read; `cachedData`: the code
 * cache) and evaluates it: its exports, the vm.Script (for createCachedData) and whether V8 turned the
 * cache down (then it compiled the source, as without a cache).
 */
export function runScript({ source = readFileSync(SCRIPT, 'latin1'), cachedData } = {}) {
  setFlags();
  // The bundle is ASCII (scripts/bundle.mjs), and a one-byte string is V8's cheapest source.
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
