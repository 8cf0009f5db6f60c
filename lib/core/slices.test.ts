import { describe, expect, it } from 'vitest';
import { mapInSlices } from './slices';

describe('mapInSlices', () => {
  it('maps every item in order, and lets what is waiting run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('another request'));
    const doubled = await mapInSlices(
      [1, 2, 3, 4, 5],
      (item, index) => {
        order.push(`item ${item} at ${index}`);
        return item * 2;
      },
      2,
    );
    expect(doubled).toEqual([2, 4, 6, 8, 10]);
    expect(order).toEqual([
      'item 1 at 0',
      'item 2 at 1',
      'another request',
      'item 3 at 2',
      'item 4 at 3',
      'item 5 at 4',
    ]);
  });

  it('runs a list no longer than a slice in one go, and an empty one to nothing', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('another request'));
    await mapInSlices([1, 2, 3], (item) => order.push(`item ${item}`), 3);
    expect(order).toEqual(['item 1', 'item 2', 'item 3']);
    expect(await mapInSlices([], () => 1)).toEqual([]);
  });
});
