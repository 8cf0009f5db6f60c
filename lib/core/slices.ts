/**
 * Long loops on the server, cut into slices. A Node.js process serves every request on one thread:
 * deriving all 357 municipalities (and last season's) takes about 100 ms of CPU, and done in one go
 * it holds up every other request the process is serving, which then all finish that much later.
 * Between slices the event loop runs, so other requests' I/O and timers go on meanwhile.
 */
import { setImmediate } from 'node:timers/promises';

/** `items.map(map)`, letting the event loop run after every `size` items. */
export async function mapInSlices<T, R>(
  items: readonly T[],
  map: (item: T, index: number) => R,
  size = 16,
): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % size === 0) await setImmediate();
    results.push(map(items[index]!, index));
  }
  return results;
}
