// Preloaded into the CLI under test (NODE_OPTIONS=--import) so that a run happens at
// ORADMIN_TEST_NOW, the instant the sandbox's clock is fixed at: the report's days, the counters'
// periods and the forecasts' rates are then the same on every run, and golden files stay stable.
// `new Date()` — what commands take as "now" — is that instant exactly; Date.now() — what the retry
// layer and the rate limiter measure time with — is shifted to it but keeps running, so that
// backoffs, timeouts and Retry-After pauses behave as usual. Test-only: oradmin reads no such variable.
const target = Date.parse(process.env.ORADMIN_TEST_NOW ?? '');
if (Number.isNaN(target)) throw new Error('fixed-clock.mjs: set ORADMIN_TEST_NOW to an ISO instant');
const RealDate = Date;
const offset = target - RealDate.now();

class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(target);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = FixedDate;
