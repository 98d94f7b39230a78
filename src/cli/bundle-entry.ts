// Entry point of the bundle (scripts/bundle.mjs): what bin/oradmin.js does with dist/cli/main.js.
// `run` is exported too, for the bench's in-process measurements.
import { main } from './main.js';

export { run } from './main.js';

if (process.env.ORADMIN_BUNDLE_NO_MAIN !== '1') await main(process.argv);
