/**
 * What the ingest API (POST /api/v1/messages, POST /api/v1/findings) decides about a caller once
 * the route has authenticated it: only a machine client's API key may send, and each key within its
 * rate. The routes turn a refusal into the API's error answer (app/api/v1/ingest-request.ts).
 */
import 'server-only';
import type { Viewer } from '@/lib/access';
import { env } from '@/lib/core/env';
import { createRateLimiter } from './rate-limit';

const limiter = createRateLimiter(env.INGEST_RATE_PER_SECOND, env.INGEST_RATE_BURST);

export type IngestAdmission =
  | { admitted: true }
  | { admitted: false; reason: 'NOT_AN_API_KEY' }
  | { admitted: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

/** Whether this authenticated caller may send now: an API key (never a session) with a token left in its bucket. */
export function admitIngestCaller(viewer: Viewer): IngestAdmission {
  if (!viewer.apiKeyId) return { admitted: false, reason: 'NOT_AN_API_KEY' };
  const wait = limiter.take(viewer.apiKeyId);
  return wait > 0 ? { admitted: false, reason: 'RATE_LIMITED', retryAfterSeconds: wait } : { admitted: true };
}
