// The yaml library, for source.ts: loaded the first time a file needs it. Most files take the fast
// parser (fast-yaml.ts) and never ask for a position, and loading the library cost every command
// that reads a file ~10 ms (a 1k-key plan: 507 -> 493 ms median without it). It must load
// synchronously — positions are asked for in synchronous code, the planner's errors among them —
// so it is required as CommonJS: in the bundle, from the single-file copy that scripts/bundle.mjs
// writes beside the chunks (the bundle needs no node_modules); in a tsc build, from the package.
import { createRequire } from 'node:module';

/** Set by the bundler to the bundled copy's path, relative to the chunk that holds this module. */
declare const __ORADMIN_YAML_CJS__: string | undefined;

type YamlLibrary = typeof import('yaml');

let loaded: YamlLibrary | undefined;

export function yamlLibrary(): YamlLibrary {
  loaded ??= createRequire(import.meta.url)(typeof __ORADMIN_YAML_CJS__ === 'string' ? __ORADMIN_YAML_CJS__ : 'yaml') as YamlLibrary;
  return loaded;
}
