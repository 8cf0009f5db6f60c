import { describe, expect, it } from 'vitest';
import { isDailySeasonKey } from './seasons';

const SEASONS = [
  { key: '2025', kind: 'ANNUAL' as const },
  { key: '2026-daglig', kind: 'DAILY' as const },
];

describe('isDailySeasonKey', () => {
  it.each<[string | undefined, boolean]>([
    ['2026-daglig', true],
    ['2025', false],
    ['2027-daglig', false],
    [undefined, false],
  ])('%s → %s', (key, expected) => {
    expect(isDailySeasonKey(SEASONS, key)).toBe(expected);
  });
});
