import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the burst, then the sustained rate, per key', () => {
    const limiter = createRateLimiter(2, 3);
    expect([0, 0, 0].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 500)).toBe(0);
    expect(limiter.take('a', 600)).toBeGreaterThan(0);
    expect(limiter.take('a', 10_000)).toBe(0);
  });
});
