/**
 * The one mask for national identity numbers in free text (fødselsnummer, D-number, H-number,
 * FH-number, synthetic test numbers). Every capability calls it at its write boundary (and the log
 * functions before they print), so a number typed into an organisation name, an AppRec's free text,
 * a finding, a note or a log line is never stored, logged or shown. Pure: no I/O; safe in the browser.
 *
 * What counts as a number: 11 digits whose two mod-11 check digits hold, standing alone (no digit
 * right before or after), written
 *   - as one run: 01019012345
 *   - as 6 + 5 with one separator: a space (also no-break or thin space), a dot or a hyphen:
 *     010190 12345, 010190.12345, 010190-12345
 *   - as a dotted date and 5 digits: 01.01.90 12345
 * The date part is not checked: FH-numbers have none, and masking an order number that happens to
 * pass both checks (about one 11-digit number in a hundred) costs less than leaking a person's.
 * Eleven digits that fail a check digit (order numbers, phone numbers with a prefix, …) are kept.
 * Other spellings (digits split 3 + 3 + 5, zero-width characters, full-width digits) are not caught.
 */
import { hasNationalIdCheckDigits } from './identifiers';

/** What replaces a masked number. */
export const MASKED_IDENTITY_NUMBER = '[fødselsnummer fjernet]';

const SEPARATOR = '[ \\u00a0\\u2009\\u202f.\\-]';
/**
 * A UUID is matched whole (group 1) and kept: its random hex may hold 11 digits in a row that pass
 * both checks (about one UUIDv7 in ten thousand), and masking it would break an id or a MsgId.
 */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CANDIDATE = new RegExp(
  `(${UUID})|(?<!\\d)(?:\\d{11}|\\d{6}${SEPARATOR}\\d{5}|\\d{2}\\.\\d{2}\\.\\d{2}${SEPARATOR}\\d{5})(?!\\d)`,
  'g',
);

function isIdentityNumber(candidate: string): boolean {
  return hasNationalIdCheckDigits(candidate.replace(/\D/g, ''));
}

/** The text with every identity number replaced by MASKED_IDENTITY_NUMBER, and how many there were. */
export function maskIdentityNumbersCounted(text: string): { text: string; masked: number } {
  let masked = 0;
  const result = text.replace(CANDIDATE, (candidate, uuid?: string) => {
    if (uuid || !isIdentityNumber(candidate)) return candidate;
    masked++;
    return MASKED_IDENTITY_NUMBER;
  });
  return { text: masked === 0 ? text : result, masked };
}

/** The text with every identity number replaced by MASKED_IDENTITY_NUMBER. */
export function maskIdentityNumbers(text: string): string {
  return maskIdentityNumbersCounted(text).text;
}

/** Like maskIdentityNumbers, passing null and undefined through. */
export function maskOptionalText<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? maskIdentityNumbers(text) : text) as T;
}

/** True when the text holds an identity number. */
export function containsIdentityNumber(text: string): boolean {
  return maskIdentityNumbersCounted(text).masked > 0;
}

/** Every identity number found in the text, as digits only (for tests and checks; never log the result). */
export function findIdentityNumbers(text: string): string[] {
  return [...text.matchAll(CANDIDATE)]
    .filter(([, uuid]) => !uuid)
    .map(([candidate]) => candidate.replace(/\D/g, ''))
    .filter(hasNationalIdCheckDigits);
}

export interface DeepMaskOptions {
  /**
   * Object keys whose string values are left as they are: values this product computes that are
   * not text, such as SHA-256 digests in hex (which may by chance hold 11 digits in a row).
   */
  keep?: ReadonlySet<string>;
}

/**
 * A copy of a JSON-like value (strings, numbers, booleans, null, arrays, plain objects; keys too)
 * with every string masked, and the paths of the values that changed ("free_text", "details.msgId",
 * "0.name"). Values of other types (Date, Buffer, …) are kept as they are.
 */
export function maskIdentityNumbersDeep<T>(
  value: T,
  options: DeepMaskOptions = {},
): { value: T; maskedPaths: string[] } {
  const maskedPaths: string[] = [];
  const walk = (current: unknown, path: string): unknown => {
    if (typeof current === 'string') {
      const { text, masked } = maskIdentityNumbersCounted(current);
      if (masked > 0) maskedPaths.push(path);
      return text;
    }
    if (Array.isArray(current)) return current.map((item, index) => walk(item, join(path, String(index))));
    if (current !== null && typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(current).map(([key, item]) => {
          const maskedKey = maskIdentityNumbersCounted(key);
          if (maskedKey.masked > 0) maskedPaths.push(join(path, maskedKey.text));
          if (options.keep?.has(key)) return [maskedKey.text, item];
          return [maskedKey.text, walk(item, join(path, maskedKey.text))];
        }),
      );
    }
    return current;
  };
  return { value: walk(value, '') as T, maskedPaths };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
