import { describe, expect, it } from 'vitest';
import type { DailyFlag, DailyFlagCode } from './types';
import { byDailyUrgency, DAILY_FLAGS_BY_URGENCY, dailyFlagsByUrgency } from './urgency';

const flags = (...codes: DailyFlagCode[]): DailyFlag[] => codes.map((code) => ({ code, evidence: {} }));
const row = (name: string, daysSinceLastAccepted: number | null, ...codes: DailyFlagCode[]) => ({
  name,
  daysSinceLastAccepted,
  flags: flags(...codes),
});

describe('daily urgency', () => {
  it('orders the codes as the daily states rank them, a missing KPR_IDE before lagging days', () => {
    expect(DAILY_FLAGS_BY_URGENCY).toEqual(['REJECTING', 'SILENT', 'VOLUME_DROP', 'NO_IDE', 'LAGGING']);
    expect(dailyFlagsByUrgency(flags('LAGGING', 'SILENT', 'NO_IDE')).map((flag) => flag.code)).toEqual([
      'SILENT',
      'NO_IDE',
      'LAGGING',
    ]);
  });

  it.each([
    [
      'the most urgent flag first',
      [row('lagging', 30, 'LAGGING'), row('rejecting', 1, 'REJECTING')],
      ['rejecting', 'lagging'],
    ],
    ['then more flags', [row('one', 5, 'SILENT'), row('two', 5, 'SILENT', 'LAGGING')], ['two', 'one']],
    [
      'then the longest since an accepted delivery, never first',
      [row('short', 5, 'SILENT'), row('never', null, 'SILENT'), row('long', 12, 'SILENT')],
      ['never', 'long', 'short'],
    ],
    ['rows without flags are left out', [row('fine', 0), row('silent', 9, 'SILENT')], ['silent']],
  ])('%s', (_, rows, expected) => {
    expect(byDailyUrgency(rows).map((r) => r.name)).toEqual(expected);
  });
});
