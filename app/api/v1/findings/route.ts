/**
 * POST /api/v1/findings — findings from FHI's validation as JSON (`{ "findings": [...] }`) or CSV
 * (header municipality,season,msgId,code,severity,message,count). All or nothing per request;
 * idempotent on the `Idempotency-Key` header.
 */
import type { NextResponse } from 'next/server';
import { type ApiErrorBody, apiError } from '@/lib/access/request';
import { env } from '@/lib/core/env';
import { idempotencyKeySchema, importFindings, readBodyWithLimit } from '@/lib/ingest';
import {
  authenticateIngestRequest,
  ingestAnswer,
  refuseIngest,
  unexpectedError,
  unsupportedContentType,
} from '../ingest-request';

export async function POST(request: Request): Promise<NextResponse> {
  const viewer = await authenticateIngestRequest(request);
  if (viewer instanceof Response) return viewer;
  const refuse = (response: NextResponse<ApiErrorBody>) => refuseIngest(viewer, 'ingest.findings', response);
  const unsupported = unsupportedContentType(request, ['application/json', 'text/csv']);
  if (unsupported) return refuse(unsupported);
  const key = idempotencyKeySchema.safeParse(request.headers.get('idempotency-key') ?? '');
  if (!key.success) {
    return refuse(
      apiError(
        400,
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header (8–200 visible ASCII characters, e.g. a UUID) so that a retried request is not imported twice.',
      ),
    );
  }
  const body = await readBodyWithLimit(request, env.INGEST_MAX_BYTES);
  if (!body.ok)
    return refuse(
      apiError(413, 'BODY_TOO_LARGE', `The body is larger than the limit of ${env.INGEST_MAX_BYTES} bytes.`),
    );
  try {
    const format = request.headers.get('content-type')?.toLowerCase().includes('csv') ? 'csv' : 'json';
    const result = await importFindings(viewer, body.bytes, { format, key: key.data });
    if (!result.ok) return apiError(result.status, result.code, result.message);
    return ingestAnswer({ duplicate: result.duplicate, summary: result.summary }, result.duplicate ? 200 : 201);
  } catch (error) {
    return unexpectedError(viewer.requestId, 'POST /api/v1/findings', error);
  }
}
