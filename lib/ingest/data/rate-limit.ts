/**
 * The ingest rate limit: a token bucket per API key, `ratePerSecond` sustained and `burst` at once,
 * kept in PostgreSQL (`ingest_rate_bucket`) so that every server process (WEB_CONCURRENCY, several
 * hosts) takes from the same bucket: the limit holds in total, not per process.
 */
import 'server-only';
import type { Viewer } from '@/lib/access';
import { sql } from '@/lib/db/sql';

export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/**
 * One statement refills the key's bucket for the time since it was last refilled, takes a token if
 * one is there, and says whether it did. Concurrent requests for one key queue on its row's lock,
 * so each sees the tokens the one before left. The clock is the database server's (one clock for
 * every process); a statement that waited for the lock may start before the row's last refill, so
 * the elapsed time is never taken as negative.
 */
const NOW = `(statement_timestamp() AT TIME ZONE 'UTC')`;
/** The bucket's tokens now: what it had, plus the rate times the seconds since, at most the burst. */
const REFILLED = `LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM ${NOW} - b.refilled_at)) * $2::float8)`;
const TAKE_TOKEN_SQL = `
  INSERT INTO ingest_rate_bucket AS b (api_key_id, tokens, refilled_at, admitted)
  VALUES ($1::uuid, $3::float8 - 1, ${NOW}, true)
  ON CONFLICT (api_key_id) DO UPDATE SET
    tokens = CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END,
    refilled_at = GREATEST(b.refilled_at, ${NOW}),
    admitted = ${REFILLED} >= 1
  RETURNING b.tokens, b.admitted`;

/**
 * Takes one token from the bucket of the viewer's API key. Returns 0 when the request is admitted,
 * else the whole seconds until a token will be there (at least 1), for Retry-After.
 */
export async function takeIngestToken(viewer: Viewer & { apiKeyId: string }, limit: RateLimit): Promise<number> {
  const [bucket] = await sql(viewer).query<{ tokens: number; admitted: boolean }>(TAKE_TOKEN_SQL, [
    viewer.apiKeyId,
    limit.ratePerSecond,
    limit.burst,
  ]);
  if (!bucket) throw new Error('the rate limit statement returned no row');
  if (bucket.admitted) return 0;
  return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.ratePerSecond));
}
