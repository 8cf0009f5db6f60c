import { describe, expect, it, vi } from 'vitest';
import { remembered } from './remembered';

describe('remembered', () => {
  it('computes an answer once per key', () => {
    const compute = vi.fn((key: number) => key * 2);
    const double = remembered(compute);
    expect([double(1), double(2), double(1), double(2)]).toEqual([2, 4, 2, 4]);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps undefined answers too', () => {
    const compute = vi.fn((): undefined => undefined);
    const nothing = remembered(compute);
    nothing('a');
    nothing('a');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('drops every answer when the bound is reached, and computes them again', () => {
    const compute = vi.fn((key: string) => key.toUpperCase());
    const upper = remembered(compute, 2);
    upper('a');
    upper('b');
    upper('c'); // the bound: 'a' and 'b' are dropped
    expect(upper('c')).toBe('C');
    expect(compute).toHaveBeenCalledTimes(3);
    expect(upper('a')).toBe('A');
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
