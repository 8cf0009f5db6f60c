/**
 * A token bucket per API key: `ratePerSecond` sustained, `burst` at once. The buckets live in the
 * server process, so with several processes each enforces its own limit (documented in README).
 */
export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, now?: number): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A bound on the keys tracked; clearing refills every bucket, which can only allow more, never refuse wrongly. */
const MAX_TRACKED_KEYS = 10_000;

export function createRateLimiter(ratePerSecond: number, burst: number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take(key, now = performance.now()) {
      const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
      bucket.updatedAt = now;
      if (!buckets.has(key)) {
        if (buckets.size >= MAX_TRACKED_KEYS) buckets.clear();
        buckets.set(key, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / ratePerSecond);
    },
  };
}
