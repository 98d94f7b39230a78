// Entry point of the bundle (scripts/bundle.mjs): what bin/oradmin.js does with dist/cli/main.js.
// The bundle's main.js (main.ts as an entry of its own) exports `run` without running anything,
// for the bench's in-process measurements.
import { main } from './main.js';

await main(process.argv);
