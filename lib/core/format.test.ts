import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatIsoDate,
  formatList,
  formatNumber,
  formatPercent,
} from './format';

/** nb-NO separators, spelled out so the expectations stay readable. */
const NBSP = '\u00a0';
const MINUS = '\u2212';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDateTime', () => {
  it.each([
    ['2026-01-15T22:59:00Z', '15.01.2026 kl. 23:59', 'the deadline minute, winter time'],
    ['2026-01-15T23:01:00Z', '16.01.2026 kl. 00:01', 'after midnight in Oslo, before in UTC'],
    ['2025-07-01T10:05:00Z', '01.07.2025 kl. 12:05', 'summer time'],
    ['2026-03-29T00:59:00Z', '29.03.2026 kl. 01:59', 'just before spring-forward'],
    ['2026-03-29T01:00:00Z', '29.03.2026 kl. 03:00', 'spring-forward skips 02:00–03:00'],
    ['2026-10-25T00:30:00Z', '25.10.2026 kl. 02:30', 'fall-back, first 02:30'],
    ['2026-10-25T01:30:00Z', '25.10.2026 kl. 02:30', 'fall-back, second 02:30'],
    ['2025-12-31T23:00:00Z', '01.01.2026 kl. 00:00', 'New Year in Oslo'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(formatDateTime(new Date(instant))).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-01-15T22:59:59.999Z', '15.01.2026'],
    ['2026-01-15T23:00:00.000Z', '16.01.2026'],
    ['2025-06-30T22:30:00.000Z', '01.07.2025'],
  ])('%s → %s', (instant, expected) => {
    expect(formatDate(new Date(instant))).toBe(expected);
  });
});

describe('formatIsoDate', () => {
  it.each([
    ['2025-01-01', '01.01.2025'],
    ['2025-12-31', '31.12.2025'],
    ['2026-03-29', '29.03.2026'],
  ])('%s → %s', (isoDate, expected) => {
    expect(formatIsoDate(isoDate)).toBe(expected);
  });

  it.each(['2025-02-29', '2025-1-1', '31.12.2025', ''])('rejects %j', (value) => {
    expect(() => formatIsoDate(value)).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [357, '357'],
    [1234, `1${NBSP}234`],
    [1234567.5, `1${NBSP}234${NBSP}567,5`],
    [-5, `${MINUS}5`],
    [-0, '0'],
  ])('%d → %j', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.5, undefined, `50${NBSP}%`],
    [0.1234, 1, `12,3${NBSP}%`],
    [0.1, 1, `10,0${NBSP}%`],
    [1, undefined, `100${NBSP}%`],
    [0.99999, 2, `100,00${NBSP}%`],
    [12.5, undefined, `1${NBSP}250${NBSP}%`],
    [-0, 1, `0,0${NBSP}%`],
  ])('%d with %s digits → %j', (ratio, digits, expected) => {
    expect(formatPercent(ratio, digits)).toBe(expected);
  });
});

describe('formatList', () => {
  it.each([
    [['6'], '6'],
    [['6', '26'], '6 og 26'],
    [['6', '26', '27', '28'], '6, 26, 27 og 28'],
    [[], ''],
    [[''], ''],
    // Items are kept whole, whatever they hold (answers are kept by the items joined).
    [['6, 26'], '6, 26'],
    [['Nore og Uvdal', 'Bø'], 'Nore og Uvdal og Bø'],
  ])('%j → %j', (items, expected) => {
    expect(formatList(items)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [3 * DAY + 4 * HOUR + 12 * MINUTE, '3 dager 4 timer'],
    [96 * HOUR, '4 dager'],
    [DAY + HOUR, 'en dag en time'],
    [5 * HOUR + 12 * MINUTE + 59_999, '5 timer 12 minutter'],
    [2 * HOUR, '2 timer'],
    [MINUTE, 'ett minutt'],
    [59_999, '0 minutter'],
    [0, '0 minutter'],
    [-(2 * DAY + 3 * HOUR), '2 dager 3 timer'],
  ])('%d ms → %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});
