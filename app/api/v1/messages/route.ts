/**
 * POST /api/v1/messages — one KPR document (MsgHead with KPR_IPL or KPR_IDE, or an AppRec) as XML.
 * 201 with a summary; 200 with `"duplicate": true` for the same document again; 409 for the same id
 * with other content; 400/413/415/422 with `{ error: { code, message } }`; 401/403/429 for the key.
 */
import type { NextResponse } from 'next/server';
import { z } from 'zod';
import { type ApiErrorBody, apiError } from '@/lib/access/request';
import { env } from '@/lib/core/env';
import { IngestError, ingestDocument, readBodyWithLimit } from '@/lib/ingest';
import {
  authenticateIngestRequest,
  ingestAnswer,
  refuseIngest,
  unexpectedError,
  unsupportedContentType,
} from '../ingest-request';

const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];
const receivedAtHeader = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const transportHeader = z.enum(['AMQP', 'EDI']);

export async function POST(request: Request): Promise<NextResponse> {
  const viewer = await authenticateIngestRequest(request);
  if (viewer instanceof Response) return viewer;
  const refuse = (response: NextResponse<ApiErrorBody>) => refuseIngest(viewer, 'ingest.message', response);
  const unsupported = unsupportedContentType(request, XML_CONTENT_TYPES);
  if (unsupported) return refuse(unsupported);

  const receivedAtValue = request.headers.get('x-received-at');
  const receivedAt =
    receivedAtValue === null
      ? { success: true as const, data: new Date() }
      : receivedAtHeader.safeParse(receivedAtValue);
  if (!receivedAt.success) {
    return refuse(
      apiError(
        400,
        'INVALID_HEADER',
        'X-Received-At must be an ISO 8601 instant with a time-zone offset, e.g. 2026-01-08T14:05:31+01:00.',
      ),
    );
  }
  const transportValue = request.headers.get('x-transport');
  const transport =
    transportValue === null
      ? { success: true as const, data: 'API' as const }
      : transportHeader.safeParse(transportValue.toUpperCase());
  if (!transport.success) return refuse(apiError(400, 'INVALID_HEADER', 'X-Transport must be AMQP or EDI.'));

  const body = await readBodyWithLimit(request, env.INGEST_MAX_BYTES);
  if (!body.ok)
    return refuse(
      apiError(413, 'XML_TOO_LARGE', `The document is larger than the limit of ${env.INGEST_MAX_BYTES} bytes.`),
    );

  try {
    const result = await ingestDocument(viewer, body.bytes, {
      receivedAt: receivedAt.data,
      transport: transport.data,
      maxBytes: env.INGEST_MAX_BYTES,
    });
    return ingestAnswer(result, result.duplicate ? 200 : 201);
  } catch (error) {
    if (error instanceof IngestError) return apiError(error.status, error.code, error.message);
    return unexpectedError(viewer.requestId, 'POST /api/v1/messages', error);
  }
}
