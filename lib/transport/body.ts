/**
 * A message body from the queue, as the consumer hands it over: plain XML is taken as it is; NHN's
 * CMS packaging (`application/pkcs7-mime; smime-type=signed-and-enveloped-data`) is decrypted and its
 * signer verified (cms.ts). The result is the document's bytes for ingest and the verified signer,
 * or a typed refusal with a Norwegian reason and whether it suggests spoofing.
 */
import { BODY_REFUSAL_LABELS, CMS_REFUSAL_LABELS } from './labels';
import { openCms, type CmsKeys, type CmsRefusalKind, type CmsSigner } from './cms';

export type BodyRefusalKind = CmsRefusalKind | 'cms-off' | keyof typeof BODY_REFUSAL_LABELS;

export type UnwrappedBody = {
  ok: true;
  /** The document (XML bytes) for ingest. */
  xml: Uint8Array;
  packaging: 'plain' | 'cms';
  /** The verified signer of a CMS body; null for plain XML. */
  signer: CmsSigner | null;
};

export type BodyRefusal = {
  ok: false;
  kind: BodyRefusalKind;
  /** Norwegian, for the intake-errors list. */
  reason: string;
  /** Tampered, unsigned or untrusted signature: record as a spoofing suspicion. */
  spoofing: boolean;
  /** English, technical, for the log: never the content. */
  detail: string;
};

export type BodyInput = { body: Uint8Array | string | null | undefined; contentType?: string | null };

const CMS_MEDIA_TYPES = new Set(['application/pkcs7-mime', 'application/x-pkcs7-mime']);

/** What the body is: by its content type, else by its first byte ('<' XML, 0x30 a DER SEQUENCE). */
export function bodyPackaging(input: BodyInput): 'plain' | 'cms' | 'unknown' {
  const mediaType = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (CMS_MEDIA_TYPES.has(mediaType)) return 'cms';
  const bytes = toBytes(input.body);
  const first = firstSignificantByte(bytes);
  if (first === 0x3c) return 'plain';
  if (first === 0x30 && (mediaType === '' || mediaType === 'application/octet-stream')) return 'cms';
  return 'unknown';
}

/** `keys` null: CMS is not configured, and a CMS body is refused with a reason saying so. */
export async function unwrapBody(
  input: BodyInput,
  keys: CmsKeys | null,
  options: { now?: Date } = {},
): Promise<UnwrappedBody | BodyRefusal> {
  const bytes = toBytes(input.body);
  if (bytes.length === 0) return refusal('empty', BODY_REFUSAL_LABELS.empty, 'empty body');
  const packaging = bodyPackaging(input);
  if (packaging === 'plain') return { ok: true, xml: bytes, packaging, signer: null };
  if (packaging === 'unknown') {
    return refusal(
      'unsupported-content-type',
      BODY_REFUSAL_LABELS['unsupported-content-type'],
      `content type ${JSON.stringify(input.contentType ?? null)}, neither XML nor CMS`,
    );
  }
  if (!keys) return refusal('cms-off', CMS_REFUSAL_LABELS['cms-off'], 'CMS body, but AMQP_CMS_* is not configured');
  const opened = await openCms(bytes, keys, options);
  if (!opened.ok) return opened;
  return { ok: true, xml: opened.content, packaging, signer: opened.signer };
}

function refusal(kind: BodyRefusalKind, reason: string, detail: string): BodyRefusal {
  return { ok: false, kind, reason, spoofing: false, detail };
}

function toBytes(body: BodyInput['body']): Uint8Array {
  if (body == null) return new Uint8Array();
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** The first byte after a byte-order mark and white space (UTF-16 XML shows its '<' as 0x3c too). */
function firstSignificantByte(bytes: Uint8Array): number | undefined {
  let index = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) index = 2;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x00) return byte;
    index++;
  }
  return undefined;
}
