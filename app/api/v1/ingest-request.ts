/**
 * What the ingest routes (POST /api/v1/messages, POST /api/v1/findings) share as HTTP: the caller
 * must present an API key with the INGEST scope and stay within its rate (lib/ingest decides);
 * refusals are audited; answers and errors are in the API's shape.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { Viewer } from '@/lib/access';
import { type ApiErrorBody, apiError, authenticateApiRequest, getViewer } from '@/lib/access/request';
import { logUnexpectedError } from '@/lib/core/log';
import { admitIngestCaller, recordIngestRefusal } from '@/lib/ingest';

/**
 * The API-key viewer, or the 401/403/429 response to send. The ingest routes are left out of
 * proxy.ts (session redirect, CSP nonce: nothing a machine client's JSON needs), which cost them
 * about a millisecond of CPU per request, a quarter of the total; so the request id is made here,
 * and one a client sends is never used.
 */
export async function authenticateIngestRequest(request: Request): Promise<Viewer | NextResponse<ApiErrorBody>> {
  if (!request.headers.has('authorization')) return (await getViewer()) ? signedInPersonAnswer() : noKeyAnswer();
  const viewer = await authenticateApiRequest(request, 'INGEST', randomUUID());
  if (viewer instanceof Response) return viewer;
  const admission = await admitIngestCaller(viewer);
  if (admission.admitted) return viewer;
  if (admission.reason === 'NOT_AN_API_KEY')
    return apiError(401, 'UNAUTHENTICATED', 'Send "Authorization: Bearer <api key>" with the INGEST scope.');
  return apiError(
    429,
    'RATE_LIMITED',
    `Too many requests for this API key; retry after ${admission.retryAfterSeconds} s.`,
    { 'Retry-After': String(admission.retryAfterSeconds) },
  );
}

/** No key and nobody signed in. */
function noKeyAnswer(): NextResponse<ApiErrorBody> {
  return apiError(
    401,
    'UNAUTHENTICATED',
    'Send "Authorization: Bearer <api key>" with an API key with the INGEST scope.',
    {
      'WWW-Authenticate': 'Bearer',
    },
  );
}

/**
 * A person signed in (a session cookie) but no key: the API is for sending systems, people send
 * files on the upload page. Said in Norwegian and English, since a person may read it.
 */
function signedInPersonAnswer(): NextResponse<ApiErrorBody> {
  return apiError(
    401,
    'API_KEY_REQUIRED',
    'API-et tar bare imot API-nøkler (Authorization: Bearer <API-nøkkel>). Som innlogget bruker laster du opp filer på Opplasting: /opplasting. ' +
      'The API takes API keys only (Authorization: Bearer <api key> with the INGEST scope); a signed-in person uploads files at Opplasting: /opplasting.',
    { 'WWW-Authenticate': 'Bearer' },
  );
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
  action: 'ingest.message' | 'ingest.findings',
  response: NextResponse<ApiErrorBody>,
): Promise<NextResponse<ApiErrorBody>> {
  const { error } = (await response.clone().json()) as ApiErrorBody;
  await recordIngestRefusal(viewer, action, error.code);
  return response;
}
