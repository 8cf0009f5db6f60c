/**
 * How long a test waits for background work (a job queue, a cache rebuilt in the background) before
 * it fails: generous for a busy machine, and below vitest's test timeout (vitest.config.mts) so
 * that the failure says what it waited for.
 */
export const WAIT_TIMEOUT_MS = 90_000;

/** For tests of background work: read until the value is what the test waits for, or fail saying what it last was. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
