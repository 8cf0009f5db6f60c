import { describe, expect, it } from 'vitest';
import {
  classifyNationalId,
  isValidHerId,
  isValidOrganisationNumber,
  organisationNumberCheckDigit,
} from './identifiers';

/** A valid-checksum number for a six-digit date part: the first individual number that has both check digits. */
function nationalId(datePart: string): string {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const check = (digits: string, weights: number[]) =>
    (11 - (weights.reduce((a, w, i) => a + w * Number(digits[i]), 0) % 11)) % 11;
  for (let individual = 100; individual < 1000; individual++) {
    const nine = datePart + String(individual);
    const k1 = check(nine, w1);
    if (k1 === 10) continue;
    const k2 = check(nine + k1, w2);
    if (k2 === 10) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error('no valid individual number');
}

describe('isValidOrganisationNumber', () => {
  it.each([
    ['123456785', false, 'valid checksum but starts with 1: not an organisation number'],
    ['974760673', true, 'valid'],
    ['974683520', true, 'valid, r = 0 gives check digit 0'],
    ['923609016', true, 'valid'],
    ['974760674', false, 'wrong check digit'],
    ['123456786', false, 'wrong check digit'],
    ['012345678', false, 'leading zero'],
    ['97476067', false, 'eight digits'],
    ['9747606731', false, 'ten digits'],
    ['97476067a', false, 'not a digit'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (value, expected) => {
    expect(isValidOrganisationNumber(value)).toBe(expected);
  });

  it('computes check digits, with none where r = 1', () => {
    expect(organisationNumberCheckDigit('97476067')).toBe(3);
    expect(organisationNumberCheckDigit('12345678')).toBe(5);
    expect(organisationNumberCheckDigit('97468352')).toBe(0);
    const stem = Array.from({ length: 100 }, (_, i) => `974760${String(i).padStart(2, '0')}`).find(
      (s) => organisationNumberCheckDigit(s) === null,
    );
    expect(stem).toBeDefined();
    expect(() => organisationNumberCheckDigit('1234')).toThrow(RangeError);
  });
});

describe('isValidHerId', () => {
  it.each([
    [85217, true],
    ['122612', true],
    ['171479', true],
    ['8133973', true],
    ['12', true],
    ['1', false],
    ['0', false],
    ['-5', false],
    ['12a', false],
    ['0123', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidHerId(value)).toBe(expected);
  });
});

describe('classifyNationalId', () => {
  it.each([
    [nationalId('010190'), 'FNR'],
    [nationalId('410190'), 'DNR'],
    [nationalId('015190'), 'HNR'],
    [nationalId('018190'), 'SYNTHETIC'],
    [nationalId('418190'), 'SYNTHETIC'],
    [nationalId('320190'), 'INVALID'],
    [nationalId('011390'), 'INVALID'],
    [nationalId('000190'), 'INVALID'],
    ['0101901234', 'INVALID'],
    ['abcdefghijk', 'INVALID'],
  ])('%s → %s', (value, expected) => {
    expect(classifyNationalId(value)).toBe(expected);
  });

  it('refuses a wrong check digit', () => {
    const good = nationalId('010190');
    const bad = good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
    expect(classifyNationalId(bad)).toBe('INVALID');
  });
});
