/**
 * Expected ingestion failures, each with the HTTP status and the stable code the API answers with
 * (`{ error: { code, message } }`). Messages are plain English for the sender and never quote
 * document content (a KPR_IDE carries national identity numbers).
 */
import { XmlReadError, type XmlReadErrorCode } from '@/lib/ingest/readers/errors';

export type IngestErrorCode =
  | XmlReadErrorCode
  | 'MUNICIPALITY_UNKNOWN'
  | 'SEASON_UNKNOWN'
  | 'MESSAGE_ID_CONFLICT'
  | 'APPREC_ID_CONFLICT'
  | 'APPREC_NOT_FOR_KPR'
  | 'APPREC_SENDER_NOT_KPR';

export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly status: 400 | 409 | 413 | 415 | 422,
    readonly code: IngestErrorCode,
    message: string,
    /** The element the error concerns, when a reader named one (never a value from the document). */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Parse-level problems are a malformed request (400); a well-formed document we cannot accept is 422. */
export function ingestErrorFromReader(error: XmlReadError): IngestError {
  if (error.code === 'XML_TOO_LARGE') return new IngestError(413, error.code, error.message);
  if (error.code === 'XML_UNSUPPORTED_ENCODING') return new IngestError(415, error.code, error.message);
  const status = error.code.startsWith('XML_') ? 400 : 422;
  return new IngestError(status, error.code, error.message, error.path);
}
