import { describe, expect, it } from 'vitest';
import { DAILY_STATE_LABELS, RATE_BAND_LABELS } from '@/lib/daily/labels';
import type { DailyOverviewRow } from '@/lib/daily/rules/overview';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { DeliveryState } from '@/lib/status/rules';
import { RATE_BAND_MAP_CLASSES, STATE_MAP_CLASSES, dailyMapAreas, stateMapAreas } from './map-classes';

describe('map classes', () => {
  it.each([
    ['annual', STATE_MAP_CLASSES, Object.values(DELIVERY_STATE_LABELS)],
    ['daily', RATE_BAND_MAP_CLASSES, Object.values(RATE_BAND_LABELS)],
  ] as const)('%s: one class per label, each told apart by colour and pattern together', (_, classes, labels) => {
    expect(classes.map((mapClass) => mapClass.label)).toEqual(labels);
    const looks = new Set(classes.map((mapClass) => `${mapClass.color}/${mapClass.pattern}`));
    expect(looks.size).toBe(classes.length);
    // Two classes of one colour never share a pattern, so none relies on colour alone within its colour.
  });

  it('gives each annual area its state as class, and says the state on its link', () => {
    const states = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];
    const rows = states.map((state, index) => ({ number: String(1101 + index), name: `Kommune ${index}`, state }));
    const areas = stateMapAreas(rows, true);
    expect(areas.size).toBe(states.length);
    for (const row of rows) {
      expect(areas.get(row.number)).toEqual({
        number: row.number,
        name: row.name,
        classKey: row.state,
        label: `${row.name}: ${DELIVERY_STATE_LABELS[row.state]}`,
        href: `/kommuner/${row.number}`,
        highlighted: true,
      });
    }
  });

  it('gives each daily area the band of its 7-day rate, and says its state and rate on its link', () => {
    const window = (expected: number, covered: number) => ({
      fromRequirement: { expected, covered, onTime: covered },
      fromFirstDelivery: { expected, covered, onTime: covered },
    });
    const row = (number: string, state: DailyOverviewRow['state'], expected: number, covered: number) =>
      ({
        number,
        name: `Kommune ${number}`,
        state,
        rates: { last7: window(expected, covered), last30: window(0, 0), season: window(0, 0) },
      }) as unknown as DailyOverviewRow;
    const areas = dailyMapAreas(
      [row('0301', 'ACTIVE', 5, 5), row('4601', 'LAGGING', 5, 3), row('5501', 'NOT_STARTED', 0, 0)],
      false,
    );
    expect(areas.get('0301')).toMatchObject({
      classKey: 'HIGH',
      href: '/kommuner/0301/daglig',
      label: `Kommune 0301: ${DAILY_STATE_LABELS.ACTIVE}, rapporteringsgrad 7 dager 100\u00a0%`,
      highlighted: false,
    });
    expect(areas.get('4601')?.classKey).toBe('LOW');
    expect(areas.get('5501')).toMatchObject({
      classKey: 'NO_DAYS',
      label: `Kommune 5501: ${DAILY_STATE_LABELS.NOT_STARTED}, rapporteringsgrad 7 dager –`,
    });
  });
});
