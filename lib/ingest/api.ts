/**
 * What the ingest routes (POST /api/v1/messages, POST /api/v1/findings) share: the caller must
 * present an API key with the INGEST scope and stay within its rate; errors in the API's shape.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { type AuditAction, recordAudit } from '@/lib/access/data/audit';
import { type ApiErrorBody, apiError, authenticateApiRequest } from '@/lib/access/api-auth';
import { auditActor, type Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { env } from '@/lib/core/env';
import { logUnexpectedError } from '@/lib/core/log';
import { createRateLimiter } from './rate-limit';

const limiter = createRateLimiter(env.INGEST_RATE_PER_SECOND, env.INGEST_RATE_BURST);

/**
 * The API-key viewer, or the 401/403/429 response to send. The ingest routes are left out of
 * proxy.ts (session redirect, CSP nonce: nothing a machine client's JSON needs), which cost them
 * about a millisecond of CPU per request, a quarter of the total; so the request id is made here,
 * and one a client sends is never used.
 */
export async function authenticateIngestRequest(request: Request): Promise<Viewer | NextResponse<ApiErrorBody>> {
  const viewer = await authenticateApiRequest(request, 'INGEST', randomUUID());
  if (viewer instanceof Response) return viewer;
  if (!viewer.apiKeyId)
    return apiError(401, 'UNAUTHENTICATED', 'Send "Authorization: Bearer <api key>" with the INGEST scope.');
  const wait = limiter.take(viewer.apiKeyId);
  if (wait > 0) {
    return apiError(429, 'RATE_LIMITED', `Too many requests for this API key; retry after ${wait} s.`, {
      'Retry-After': String(wait),
    });
  }
  return viewer;
}

/**
 * An accepted document's answer: small JSON, never to be cached. `no-transform` also keeps Next's
 * gzip off it: compressing about a kilobyte per request cost the ingest route more CPU (some 10 %
 * of it under load) than the bytes it saves, and the sender is a machine on FHI's network.
 */
export function ingestAnswer<T>(body: T, status: 200 | 201): NextResponse<T> {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store, no-transform' } });
}

/** The answer to a request whose content type is not one of `accepted`, or null when it is. */
export function unsupportedContentType(
  request: Request,
  accepted: readonly string[],
): NextResponse<ApiErrorBody> | null {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (accepted.includes(type)) return null;
  return apiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body with Content-Type ${accepted.join(' or ')}.`);
}

/** Logs an unexpected failure with the request id and answers generically (never a stack trace or SQL). */
export function unexpectedError(requestId: string, where: string, error: unknown): NextResponse<ApiErrorBody> {
  logUnexpectedError(requestId, where, error);
  return apiError(
    500,
    'INTERNAL_ERROR',
    `Something went wrong on our side. Retry later; quote request id ${requestId} if it persists.`,
  );
}

/** Answers a request refused before ingestion started (content type, headers, size) and audits the refusal. */
export async function refuseIngest(
  viewer: Viewer,
  action: Extract<AuditAction, 'ingest.message' | 'ingest.findings'>,
  response: NextResponse<ApiErrorBody>,
): Promise<NextResponse<ApiErrorBody>> {
  const { error } = (await response.clone().json()) as ApiErrorBody;
  await recordAudit(db(), {
    action,
    outcome: 'FAILURE',
    actor: auditActor(viewer),
    requestId: viewer.requestId,
    details: { code: error.code },
  });
  return response;
}
