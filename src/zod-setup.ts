// zod's one global setting, imported for its effect by every module that defines schemas (before
// they parse anything). zod compiles each object schema into a function the first time it parses
// with it; a command parses most schemas a handful of times, so compiling costs more than it saves:
// jitless, a 4-key plan is ~12 ms faster, a 1k-key plan ~20 ms, a 10k-key plan the same. The few
// objects a command parses by the thousand (a page of keys, the key assignments) are the exception:
// `compiled` builds those with compilation on (zod decides per object schema, when it is built).
import * as z from 'zod';

z.config({ jitless: true });

/** A schema built by `make` with zod's compilation on: for objects parsed thousands of times per command. */
export function compiled<T>(make: () => T): T {
  z.config({ jitless: false });
  try {
    return make();
  } finally {
    z.config({ jitless: true });
  }
}
