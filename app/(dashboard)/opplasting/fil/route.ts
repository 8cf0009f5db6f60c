/**
 * POST /opplasting/fil — one uploaded file from the staff upload page: XML through the same
 * ingestion as POST /api/v1/messages, CSV through the same findings import as POST /api/v1/findings
 * (idempotent on the file's content). FHI staff only (signed in, same origin); others get 404.
 */
import { NextResponse } from 'next/server';
import { isFhi } from '@/lib/access';
import { getViewer } from '@/lib/access/request';
import { env } from '@/lib/core/env';
import { logUnexpectedError } from '@/lib/core/log';
import { IngestError, importFindings, ingestDocument, readBodyWithLimit, sha256Hex } from '@/lib/ingest';
import {
  APPREC_STATUS_LABELS,
  FINDINGS_IMPORT_ERROR_LABELS,
  MESSAGE_TYPE_LABELS,
  ingestErrorText,
} from '@/lib/ingest/labels';
import type { UploadResult } from '../upload-result';

function answer(result: UploadResult, status = 200): NextResponse<UploadResult> {
  return NextResponse.json(result, { status });
}

export async function POST(request: Request): Promise<NextResponse> {
  const viewer = await getViewer();
  // A session cookie alone is not enough: the request must come from this site's own page.
  if (!viewer || !isFhi(viewer) || request.headers.get('sec-fetch-site') !== 'same-origin') {
    return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Fant ikke siden.' } }, { status: 404 });
  }
  const body = await readBodyWithLimit(request, env.INGEST_MAX_BYTES);
  if (!body.ok)
    return answer({
      outcome: 'rejected',
      message: `Filen er større enn grensen på ${env.INGEST_MAX_BYTES} byte.`,
      code: 'XML_TOO_LARGE',
    });
  const isCsv = request.headers.get('content-type')?.toLowerCase().startsWith('text/csv') ?? false;
  try {
    if (isCsv) {
      const result = await importFindings(viewer, body.bytes, {
        format: 'csv',
        key: `upload:${sha256Hex(body.bytes)}`,
      });
      if (!result.ok)
        return answer({
          outcome: 'rejected',
          code: result.code,
          message: `Ingen funn ble importert. ${FINDINGS_IMPORT_ERROR_LABELS[result.code]}`,
        });
      const { findings, municipalities } = result.summary;
      return answer({
        outcome: result.duplicate ? 'duplicate' : 'created',
        message: `${result.duplicate ? 'Allerede importert' : 'Importert'}: ${findings} funn for ${municipalities.length} kommuner.`,
      });
    }
    const result = await ingestDocument(viewer, body.bytes, {
      receivedAt: new Date(),
      transport: 'UPLOAD',
      maxBytes: env.INGEST_MAX_BYTES,
    });
    const { summary } = result;
    const what =
      summary.kind === 'APPREC'
        ? `Apprec ${summary.apprecId} (${APPREC_STATUS_LABELS[summary.status].toLowerCase()}) for melding ${summary.originalMsgId}`
        : summary.municipalityNumber === null
          ? `${MESSAGE_TYPE_LABELS[summary.kind]} ${summary.msgId} uten kommune (se «Uten kommune»)`
          : `${MESSAGE_TYPE_LABELS[summary.kind]} ${summary.msgId} fra kommune ${summary.municipalityNumber}, ${summary.findings.length} funn`;
    return answer({
      outcome: result.duplicate ? 'duplicate' : 'created',
      message: `${result.duplicate ? 'Allerede mottatt' : 'Lagret'}: ${what}.`,
    });
  } catch (error) {
    if (error instanceof IngestError) {
      return answer({
        outcome: 'rejected',
        code: error.code,
        message: `Filen ble avvist og ingenting er lagret. ${ingestErrorText(error.code, error.path)}`,
      });
    }
    logUnexpectedError(viewer.requestId, 'POST /opplasting/fil', error);
    return answer(
      { outcome: 'failed', message: `Noe gikk galt hos oss. Prøv igjen senere (forespørsel ${viewer.requestId}).` },
      500,
    );
  }
}
