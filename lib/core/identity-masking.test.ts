/**
 * The identity-number mask: which spellings are caught, that numbers failing a check digit are
 * kept, and the deep mask of rows and JSON. Numbers are computed here, never committed.
 */
import { describe, expect, it } from 'vitest';
import { classifyNationalId, hasNationalIdCheckDigits } from './identifiers';
import {
  MASKED_IDENTITY_NUMBER as M,
  containsIdentityNumber,
  findIdentityNumbers,
  maskIdentityNumbers,
  maskIdentityNumbersCounted,
  maskIdentityNumbersDeep,
  maskOptionalText,
} from './identity-masking';

/** The first checksum-valid number for a six-digit date part from an individual number on. */
function validNumber(datePart: string, from = 100): string {
  for (let individual = from; individual < 1000; individual++) {
    for (let checks = 0; checks < 100; checks++) {
      const candidate = `${datePart}${individual}${String(checks).padStart(2, '0')}`;
      if (hasNationalIdCheckDigits(candidate)) return candidate;
    }
  }
  throw new Error('none');
}
/** The same number with its last check digit wrong. */
const failing = (valid: string) => `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;

const FNR = validNumber('010190');
const DNR = validNumber('410190');
const HNR = validNumber('015190');
const SYNTHETIC = validNumber('018190');
/** An FH-number shape: first digit 8 or 9, no date. */
const FH = validNumber('912345');
const ORDER = failing(FNR);
const spaced = (n: string, separator: string) => `${n.slice(0, 6)}${separator}${n.slice(6)}`;
const dotted = (n: string) => `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)} ${n.slice(6)}`;

describe('the numbers used here', () => {
  it('are of the kinds they claim', () => {
    expect([FNR, DNR, HNR, SYNTHETIC].map(classifyNationalId)).toEqual(['FNR', 'DNR', 'HNR', 'SYNTHETIC']);
    expect(hasNationalIdCheckDigits(FH)).toBe(true);
    expect(hasNationalIdCheckDigits(ORDER)).toBe(false);
    expect(hasNationalIdCheckDigits(`${FNR.slice(0, 9)}${(Number(FNR[9]) + 1) % 10}${FNR[10]}`)).toBe(false);
    expect(hasNationalIdCheckDigits('0101901234')).toBe(false);
    expect(hasNationalIdCheckDigits('0101901234a')).toBe(false);
  });
});

describe('maskIdentityNumbers', () => {
  it.each([
    ['a fødselsnummer alone', FNR, M],
    ['a D-number in a name', `Bergen kommune ${DNR}`, `Bergen kommune ${M}`],
    ['an H-number glued to letters', `pasient${HNR}x`, `pasient${M}x`],
    ['a synthetic test number', `Test ${SYNTHETIC}.`, `Test ${M}.`],
    ['an FH-number (no date part)', `FH ${FH}`, `FH ${M}`],
    ['6 + 5 with a space', `nr ${spaced(FNR, ' ')} ok`, `nr ${M} ok`],
    ['6 + 5 with a no-break space', spaced(FNR, '\u00a0'), M],
    ['6 + 5 with a thin space', spaced(FNR, '\u2009'), M],
    ['6 + 5 with a dot', spaced(FNR, '.'), M],
    ['6 + 5 with a hyphen', spaced(DNR, '-'), M],
    ['a dotted date and five digits', `født ${dotted(FNR)}`, `født ${M}`],
    ['two numbers', `${FNR} og ${DNR}`, `${M} og ${M}`],
    ['in quotes and brackets', `«${FNR}» (${HNR})`, `«${M}» (${M})`],
    ['a number failing its check digit (an order number)', `Ordre ${ORDER}`, `Ordre ${ORDER}`],
    ['an order number written 6 + 5', spaced(ORDER, ' '), spaced(ORDER, ' ')],
    ['ten digits', FNR.slice(0, 10), FNR.slice(0, 10)],
    ['twelve digits holding a valid number', `${FNR}0`, `${FNR}0`],
    ['a valid number preceded by a digit', `9${FNR}`, `9${FNR}`],
    ['6 + 6 digits', `${spaced(FNR, ' ')}1`, `${spaced(FNR, ' ')}1`],
    ['two separators', `${FNR.slice(0, 6)}  ${FNR.slice(6)}`, `${FNR.slice(0, 6)}  ${FNR.slice(6)}`],
    ['a UUID', '0190a1b2-0101-7901-8234-501019012345', '0190a1b2-0101-7901-8234-501019012345'],
    ['an empty string', '', ''],
    ['Norwegian letters around', `æøå${FNR}ÆØÅ`, `æøå${M}ÆØÅ`],
  ])('%s', (_, input, expected) => {
    expect(maskIdentityNumbers(input)).toBe(expected);
    expect(containsIdentityNumber(input)).toBe(input !== expected);
    expect(findIdentityNumbers(maskIdentityNumbers(input))).toEqual([]);
  });

  it('counts what it masked and leaves the marker alone when run again', () => {
    const once = maskIdentityNumbersCounted(`${FNR}, ${spaced(DNR, ' ')} og ${ORDER}`);
    expect(once).toEqual({ text: `${M}, ${M} og ${ORDER}`, masked: 2 });
    expect(maskIdentityNumbersCounted(once.text)).toEqual({ text: once.text, masked: 0 });
  });

  it('finds numbers as digits, whatever their spelling', () => {
    expect(findIdentityNumbers(`${dotted(FNR)} / ${spaced(HNR, '-')} / ${ORDER}`)).toEqual([FNR, HNR]);
  });

  it('passes null and undefined through', () => {
    expect(maskOptionalText(null)).toBeNull();
    expect(maskOptionalText(undefined)).toBeUndefined();
    expect(maskOptionalText(FNR)).toBe(M);
  });
});

describe('maskIdentityNumbersDeep', () => {
  it('masks strings and keys at any depth, and names what changed', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const { value, maskedPaths } = maskIdentityNumbersDeep({
      sender_name: `Kommune ${FNR}`,
      count: 3,
      ok: true,
      none: null,
      when,
      details: { msgId: `x-${DNR}`, list: ['a', `b ${HNR}`], [FNR]: 1, order: ORDER },
    });
    expect(value).toEqual({
      sender_name: `Kommune ${M}`,
      count: 3,
      ok: true,
      none: null,
      when,
      details: { msgId: `x-${M}`, list: ['a', `b ${M}`], [M]: 1, order: ORDER },
    });
    expect(value.when).toBe(when);
    expect(maskedPaths).toEqual(['sender_name', 'details.msgId', 'details.list.1', `details.${M}`]);
  });

  it('keeps the values of the keys it is told to keep', () => {
    const digest = `${FNR}${'a'.repeat(53)}`;
    expect(maskIdentityNumbersDeep({ sha256: digest, name: FNR }, { keep: new Set(['sha256']) })).toEqual({
      value: { sha256: digest, name: M },
      maskedPaths: ['name'],
    });
  });
});

describe('UUIDs are ids, not text', () => {
  // A UUIDv7 whose random tail happens to hold 11 digits that pass both checks (seen in a test run).
  const uuid = `01a23b09-eb07-7150-b452-f${FNR}`;

  it('keeps a UUID whole, alone, in text and in a row, and still masks a number beside it', () => {
    expect(maskIdentityNumbers(uuid)).toBe(uuid);
    expect(containsIdentityNumber(`MsgId ${uuid}`)).toBe(false);
    expect(findIdentityNumbers(`${uuid} og ${FNR}`)).toEqual([FNR]);
    expect(maskIdentityNumbers(`${uuid} gjelder ${FNR}`)).toBe(`${uuid} gjelder ${M}`);
    expect(maskIdentityNumbersDeep({ id: uuid, note: FNR }).value).toEqual({ id: uuid, note: M });
  });
});
