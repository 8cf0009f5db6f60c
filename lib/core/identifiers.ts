/**
 * Identifier checks (domain.md §7). Pure functions; nothing here logs or keeps what it is given.
 */

const ORG_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The mod-11 check digit for the first eight digits of an organisation number, or null when none exists (r = 1). */
export function organisationNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) throw new RangeError('expected eight digits');
  const sum = ORG_NUMBER_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

/** A Norwegian organisation number: nine digits, the first 8 or 9, with a valid mod-11 check digit. */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^[89]\d{8}$/.test(value)) return false;
  return organisationNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}

/** A HER-id from NHN's address register: a positive integer (seen from 2 to 7 digits); it has no check digit. */
export function isValidHerId(value: string | number): boolean {
  const text = String(value);
  return /^[1-9]\d{1,8}$/.test(text);
}

const NATIONAL_ID_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const NATIONAL_ID_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function mod11CheckDigit(digits: string, weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * Both mod-11 check digits of an 11-digit national identity number hold (fødselsnummer, D-number,
 * H-number, FH-number and synthetic test numbers all use them). The date part is not looked at.
 */
export function hasNationalIdCheckDigits(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  return (
    mod11CheckDigit(value, NATIONAL_ID_WEIGHTS_1) === Number(value[9]) &&
    mod11CheckDigit(value, NATIONAL_ID_WEIGHTS_2) === Number(value[10])
  );
}

export type NationalIdKind =
  /** fødselsnummer */
  | 'FNR'
  /** D-number: first digit + 4 (day + 40) */
  | 'DNR'
  /**
   * H-number: third digit + 4 (month + 40). NAV's synthetic test numbers have the same shape and
   * cannot be told apart from H-numbers by the number alone.
   */
  | 'HNR'
  /** Skatteetaten's synthetic test numbers (Tenor): month + 80 */
  | 'SYNTHETIC'
  | 'INVALID';

/**
 * Classifies an 11-digit national identity number without keeping it. Used only to count test
 * persons in a KPR_IDE that is read on the user's own machine; the number itself must never be
 * stored, logged or exported.
 */
export function classifyNationalId(value: string): NationalIdKind {
  if (!/^\d{11}$/.test(value)) return 'INVALID';
  if (mod11CheckDigit(value, NATIONAL_ID_WEIGHTS_1) !== Number(value[9])) return 'INVALID';
  if (mod11CheckDigit(value, NATIONAL_ID_WEIGHTS_2) !== Number(value[10])) return 'INVALID';

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let kind: NationalIdKind = 'FNR';
  if (month > 80) {
    month -= 80;
    kind = 'SYNTHETIC';
  } else if (month > 40) {
    month -= 40;
    kind = 'HNR';
  }
  if (day > 40) {
    day -= 40;
    if (kind === 'FNR') kind = 'DNR';
    else if (kind === 'HNR') return 'INVALID';
  }
  if (day < 1 || day > 31 || month < 1 || month > 12) return 'INVALID';
  return kind;
}
