/**
 * Preloaded into a CLI child process (NODE_OPTIONS=--import) to pin "today": the clock starts at
 * CSP_TEST_NOW and then runs with real time, like the e2e harness's runningClockFrom. The CLI has
 * no --now outside `init --demo`, and the plan cycle's date rules (a report submitted from the
 * last two weeks of its quarter on) need a known day.
 */
const start = process.env.CSP_TEST_NOW;
if (start) {
  const RealDate = globalThis.Date;
  const offset = RealDate.parse(start) - RealDate.now();
  class PinnedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = PinnedDate;
}
