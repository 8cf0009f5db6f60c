/**
 * What the consumer takes from an AMQP 1.0 message before ingesting it, as pure functions: the body's
 * bytes, the instant it was sent, and the transport metadata stored with
 * the document (AMQP properties and the application properties NHN's senders set). Values are
 * cleaned on the way: only strings, numbers and booleans, cut to a length, and anything shaped like
 * a national identity number replaced, so that neither a document row nor an intake error can hold one.
 */
import { classifyNationalId } from '@/lib/core/identifiers';

/** The parts of a received message (rhea's `Message`) the consumer reads. */
export interface AmqpMessageParts {
  body?: unknown;
  message_id?: unknown;
  correlation_id?: unknown;
  subject?: unknown;
  to?: unknown;
  reply_to?: unknown;
  content_type?: unknown;
  creation_time?: unknown;
  application_properties?: Record<string, unknown>;
}

export type MetadataValue = string | number | boolean | null;
export type TransportMetadata = Record<string, MetadataValue>;

const MAX_VALUE_LENGTH = 200;
const MAX_PROPERTIES = 40;
/** The application properties NHN's messaging library sets, recorded with every document. */
const KNOWN_PROPERTIES = ['fromHerId', 'toHerId', 'cpaId', 'applicationTimeStamp'];
const REMOVED = '[fjernet: mulig fødselsnummer]';

/** One property value as stored: scalars kept (strings cut), identity-shaped digits removed; others as text. */
export function cleanValue(value: unknown): MetadataValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint')
    return cleanText(String(value), typeof value === 'number');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string') return cleanText(value, false);
  if (value instanceof Uint8Array) return `[${value.byteLength} byte]`;
  return cleanText(String(value), false);
}

function cleanText(text: string, numeric: boolean): MetadataValue {
  const containsIdentity = (text.match(/\d{11}/g) ?? []).some((digits) => classifyNationalId(digits) !== 'INVALID');
  if (containsIdentity) return REMOVED;
  if (numeric) return Number(text);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** All application properties, cleaned (at most 40), e.g. for an intake error. */
export function cleanApplicationProperties(properties: Record<string, unknown> | undefined): TransportMetadata {
  const cleaned: TransportMetadata = {};
  for (const [key, value] of Object.entries(properties ?? {}).slice(0, MAX_PROPERTIES)) {
    cleaned[key.slice(0, 100)] = cleanValue(value);
  }
  return cleaned;
}

/** What is stored with the document: the queue, the AMQP properties, NHN's application properties and X-MessageInfo-*. */
export function transportMetadata(queue: string, message: AmqpMessageParts): TransportMetadata {
  const metadata: TransportMetadata = {
    queue,
    messageId: cleanValue(message.message_id),
    correlationId: cleanValue(message.correlation_id),
    subject: cleanValue(message.subject),
    to: cleanValue(message.to),
    replyTo: cleanValue(message.reply_to),
    contentType: cleanValue(message.content_type),
    creationTime: cleanValue(message.creation_time),
  };
  const properties = message.application_properties ?? {};
  for (const [key, value] of Object.entries(properties)) {
    if (KNOWN_PROPERTIES.includes(key) || key.startsWith('X-MessageInfo-')) metadata[key] = cleanValue(value);
  }
  for (const key of Object.keys(metadata)) if (metadata[key] === null) delete metadata[key];
  return metadata;
}

/** The body as bytes: a data section (one or several), a binary or a string value; null when there is none. */
export function bodyBytes(body: unknown): Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'object' && 'content' in body) {
    const content = (body as { content: unknown; multiple?: boolean }).content;
    if (content instanceof Uint8Array) return content;
    if (Array.isArray(content) && content.every((part) => part instanceof Uint8Array)) {
      return Buffer.concat(content as Uint8Array[]);
    }
  }
  return null;
}

/** ISO 8601 with a time (JavaScript reads "08.01.2026" as 1 August, so other text forms are not read). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * When the document was sent: the application property `applicationTimeStamp` (NHN's), else the AMQP
 * `creation-time`, else `fallback` (when the consumer took it). Text is read only as ISO 8601; a value
 * in the future by more than a day, or before 2000, is not believed.
 */
export function sentAt(message: AmqpMessageParts, fallback: Date): Date {
  const candidates = [message.application_properties?.applicationTimeStamp, message.creation_time];
  for (const candidate of candidates) {
    const instant =
      candidate instanceof Date
        ? candidate
        : typeof candidate === 'number' || (typeof candidate === 'string' && ISO_INSTANT.test(candidate))
          ? new Date(candidate)
          : null;
    if (!instant || Number.isNaN(instant.getTime())) continue;
    if (instant.getTime() > fallback.getTime() + 86_400_000 || instant.getUTCFullYear() < 2000) continue;
    return instant;
  }
  return fallback;
}
