// zod's one global setting, imported for its effect by every module that defines schemas (before
// they parse anything). zod compiles each object schema into a function the first time it parses
// with it; a command parses each schema a handful of times, so compiling costs more than it saves:
// jitless, a 4-key plan is ~12 ms faster, a 1k-key plan ~20 ms, a 10k-key plan the same.
import * as z from 'zod';

z.config({ jitless: true });
