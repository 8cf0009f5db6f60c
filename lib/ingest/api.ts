/**
 * What the ingest API (POST /api/v1/messages, POST /api/v1/findings) decides about a caller once
 * the route has authenticated it: only a machine client's API key may send, and each key within its
 * rate. The routes turn a refusal into the API's error answer (app/api/v1/ingest-request.ts).
 */
import 'server-only';
import type { Viewer } from '@/lib/access';
import { env } from '@/lib/core/env';
import { takeIngestToken } from './data/rate-limit';

export type IngestAdmission =
  | { admitted: true }
  | { admitted: false; reason: 'NOT_AN_API_KEY' }
  | { admitted: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

/**
 * Whether this authenticated caller may send now: an API key (never a session) with a token left in
 * its bucket, which every server process shares (lib/ingest/data/rate-limit.ts).
 */
export async function admitIngestCaller(viewer: Viewer): Promise<IngestAdmission> {
  const { apiKeyId } = viewer;
  if (!apiKeyId) return { admitted: false, reason: 'NOT_AN_API_KEY' };
  const wait = await takeIngestToken(
    { ...viewer, apiKeyId },
    { ratePerSecond: env.INGEST_RATE_PER_SECOND, burst: env.INGEST_RATE_BURST },
  );
  return wait > 0 ? { admitted: false, reason: 'RATE_LIMITED', retryAfterSeconds: wait } : { admitted: true };
}
