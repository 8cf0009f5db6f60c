/**
 * The one error type of the XML readers. Its `code` is stable API (POST /api/v1/messages answers
 * `{ error: { code, message } }`); its `message` is plain English for the sender and NEVER quotes
 * document content — a KPR_IDE carries national identity numbers, so a message may name element
 * paths, limits and expected values, but no value taken from the document.
 */

export const XML_READ_ERROR_CODES = [
  // parse.ts: the bytes and the XML itself
  'XML_TOO_LARGE',
  'XML_UNSUPPORTED_ENCODING',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_MALFORMED',
  'XML_NO_ROOT',
  'XML_MULTIPLE_ROOTS',
  'XML_TOO_DEEP',
  'XML_TOO_MANY_ELEMENTS',
  'XML_TOO_MANY_ATTRIBUTES',
  'XML_ATTRIBUTE_TOO_LONG',
  'XML_TEXT_TOO_LONG',
  // read-document.ts: the root is neither a MsgHead nor an AppRec we read
  'DOCUMENT_UNSUPPORTED',
  // msghead.ts
  'MSGHEAD_WRONG_ROOT',
  'MSGHEAD_MISSING_ELEMENT',
  'MSGHEAD_INVALID_VALUE',
  'MSGHEAD_INVALID_DATE',
  'MSGHEAD_UNSUPPORTED_TYPE',
  'MSGHEAD_UNKNOWN_RECEIVER',
  'MSGHEAD_CONTENT_INVALID',
  // apprec.ts
  'APPREC_WRONG_ROOT',
  'APPREC_MISSING_ELEMENT',
  'APPREC_INVALID_VALUE',
  'APPREC_INVALID_DATE',
  'APPREC_UNKNOWN_STATUS',
  'APPREC_REJECTED_WITHOUT_ERRORS',
  // iplos.ts: the KPR_IPL / KPR_IDE payload
  'IPLOS_MISSING_ELEMENT',
  'IPLOS_INVALID_VALUE',
  'IPLOS_INVALID_DATE',
] as const;

export type XmlReadErrorCode = (typeof XML_READ_ERROR_CODES)[number];

export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';

  constructor(
    readonly code: XmlReadErrorCode,
    message: string,
    /** The element the error concerns (a path such as INNHINFO/iiKomnr), for the Norwegian text on screens. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A non-fatal remark a reader makes about a document it accepted (English, never quoting content). */
export interface ReaderWarning {
  code: 'MIGVERSION_MISMATCH' | 'APPREC_OK_WITH_ERRORS' | 'APPREC_STATUS_3_WITHOUT_ERRORS' | 'IDENTITY_NUMBER_MASKED';
  message: string;
  /** IDENTITY_NUMBER_MASKED: the fields (element paths) in which a number was masked. */
  fields?: string[];
}
