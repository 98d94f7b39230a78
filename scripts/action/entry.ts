// Entry point of the action's release build (scripts/build-action.mjs): what bin/oradmin.js does
// for an installed package, without a dist/ to import from.
import { main } from '../../src/cli/main.js';

await main(process.argv);
