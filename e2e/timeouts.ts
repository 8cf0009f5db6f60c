/**
 * The time budgets of the browser tests, in one place (playwright.config.ts, the global setup and
 * the helpers read them).
 *
 * They are sized for the machine the suite has to pass on: 2 cores shared by the Next.js server,
 * its PostgreSQL, Chromium, the report process and whatever else runs there; other work has kept
 * the load at 8 to 14 during a run, which makes every step several times slower than on a quiet
 * machine. A budget is a bound for when something is broken, never an estimate of how long a step
 * takes: every wait in the tests waits for a condition (a URL, an element, a response, a mail) and
 * goes on as soon as it holds, so a generous budget costs nothing on a quick machine.
 */
export const TIMEOUTS = {
  /** One test with its hooks. Tests that do much more than one flow say so with `test.slow()` (three times this). */
  test: 120_000,
  /** A web-first assertion (`expect(locator)…`, `expect.poll`) waiting for the page or the server to get there. */
  expect: 30_000,
  /** A click, fill or check waiting for its element; also a request through `page.request`. */
  action: 30_000,
  /** A page load or navigation, the server rendering it (FHI's overview derives all 357 municipalities). */
  navigation: 60_000,
  /** Work the server does in the background or in a process of its own: a weekly report built, a mail sent. */
  serverWork: 90_000,
} as const;
