/**
 * Required/optional field reading shared by the MsgHead, AppRec and IPLOS readers. Errors name the
 * element path and what was expected, never the value found.
 */
import { isValidHerId } from '../../core/identifiers';
import { containsIdentityNumber } from '../../core/identity-masking';
import { parseMessageDateTime } from './dates';
import { type XmlElement, firstChild, trimmedText } from './element';
import { XmlReadError, type XmlReadErrorCode } from './errors';

export type DocumentPart = 'MSGHEAD' | 'APPREC' | 'IPLOS';

const FIELD_ERROR_CODES = {
  MSGHEAD: { missing: 'MSGHEAD_MISSING_ELEMENT', invalid: 'MSGHEAD_INVALID_VALUE', date: 'MSGHEAD_INVALID_DATE' },
  APPREC: { missing: 'APPREC_MISSING_ELEMENT', invalid: 'APPREC_INVALID_VALUE', date: 'APPREC_INVALID_DATE' },
  IPLOS: { missing: 'IPLOS_MISSING_ELEMENT', invalid: 'IPLOS_INVALID_VALUE', date: 'IPLOS_INVALID_DATE' },
} as const satisfies Record<DocumentPart, Record<'missing' | 'invalid' | 'date', XmlReadErrorCode>>;

/** Longest accepted message id (MsgId, AppRec Id, OriginalMsgId/Id); they need not be UUIDs. */
export const MAX_MESSAGE_ID_LENGTH = 256;
/** Longest accepted organisation or software name. */
export const MAX_NAME_LENGTH = 512;

export function missingElement(part: DocumentPart, path: string): XmlReadError {
  return new XmlReadError(FIELD_ERROR_CODES[part].missing, `${path} is missing.`, path);
}

/** `expectation` completes "<path> …", e.g. "must be a HER-id (a positive integer)". */
export function invalidValue(part: DocumentPart, path: string, expectation: string): XmlReadError {
  return new XmlReadError(FIELD_ERROR_CODES[part].invalid, `${path} ${expectation}.`, path);
}

export function requireChild(
  parent: XmlElement,
  local: string,
  uri: string | undefined,
  part: DocumentPart,
  path: string,
): XmlElement {
  const child = firstChild(parent, local, uri);
  if (child === undefined) throw missingElement(part, path);
  return child;
}

/** The element's trimmed text: present, non-empty and at most `maxLength` characters. */
export function requireText(element: XmlElement, part: DocumentPart, path: string, maxLength: number): string {
  const text = trimmedText(element);
  if (text === '') throw invalidValue(part, path, 'must not be empty');
  if (text.length > maxLength) throw invalidValue(part, path, `must be at most ${maxLength} characters`);
  return text;
}

/** The trimmed text of the required child `${parentPath}/${local}` (see `requireText`). */
export function requireChildText(
  parent: XmlElement,
  local: string,
  uri: string,
  part: DocumentPart,
  parentPath: string,
  maxLength: number,
): string {
  const path = `${parentPath}/${local}`;
  return requireText(requireChild(parent, local, uri, part, path), part, path, maxLength);
}

/** The instant of the required xs:dateTime child `${parentPath}/${local}`. */
export function requireChildDateTime(
  parent: XmlElement,
  local: string,
  uri: string,
  part: DocumentPart,
  parentPath: string,
): Date {
  const path = `${parentPath}/${local}`;
  return requireDateTime(requireChild(parent, local, uri, part, path), part, path);
}

/** Like `requireText`, but an absent or empty element gives null. */
export function optionalText(
  element: XmlElement | undefined,
  part: DocumentPart,
  path: string,
  maxLength: number,
): string | null {
  if (element === undefined || trimmedText(element) === '') return null;
  return requireText(element, part, path, maxLength);
}

/** An xs:dateTime element's instant (see dates.ts for values without an offset). */
export function requireDateTime(element: XmlElement, part: DocumentPart, path: string): Date {
  const instant = parseMessageDateTime(trimmedText(element));
  if (instant === null) {
    throw new XmlReadError(
      FIELD_ERROR_CODES[part].date,
      `${path} must be an xs:dateTime such as 2026-01-10T10:15:00 or 2026-01-10T10:15:00+01:00.`,
      path,
    );
  }
  return instant;
}

export function herId(value: string, part: DocumentPart, path: string): number {
  if (!isValidHerId(value)) throw invalidValue(part, path, 'must be a HER-id (a positive integer)');
  return Number(value);
}

/**
 * An id (MsgId, AppRec Id, OriginalMsgId/Id) as read, refused when it holds a national identity
 * number: an id cannot be masked (two ids would become one), so it must not be stored at all.
 */
export function noIdentityNumber(value: string, part: DocumentPart, path: string): string {
  if (containsIdentityNumber(value)) throw invalidValue(part, path, 'must not contain a national identity number');
  return value;
}
