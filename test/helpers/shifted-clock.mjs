// Preloaded into the CLI under test (NODE_OPTIONS=--import) to move its clock: `new Date()` and
// Date.now() run ORADMIN_TEST_CLOCK_OFFSET_MS milliseconds ahead of the real clock (the sandbox's
// `now` is given the same offset), so that a key's age, a rotation's due time and a predecessor's
// overlap can be crossed without sleeping. Durations measured between two readings are unchanged,
// so retries, timeouts and lease renewals behave as usual. Test-only: oradmin reads no such variable.
const offset = Number(process.env.ORADMIN_TEST_CLOCK_OFFSET_MS ?? '');
if (!Number.isFinite(offset)) throw new Error('shifted-clock.mjs: set ORADMIN_TEST_CLOCK_OFFSET_MS to a number of milliseconds');
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate;
