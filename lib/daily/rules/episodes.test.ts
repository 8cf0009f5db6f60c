import { describe, expect, it } from 'vitest';
import { osloDate } from '../../core/calendar';
import type { DailyDelivery } from './coverage';
import { dayNumber, seasonDays } from './days';
import { silenceEpisodes, volumeDrops } from './episodes';

const RULES = { expectedDays: 'WORKING', graceDays: 1, graceTime: '12:00' } as const;
const TABLE = seasonDays({ periodStart: '2026-01-01', periodEnd: '2026-12-31' }, RULES);

/** A delivery received at 02:00 Oslo on `day` covering the working day before, with `persons`. */
function delivery(day: string, accepted: boolean, persons = 10): DailyDelivery {
  const at = new Date(`${day}T02:00:00+01:00`);
  const covered = dayNumber(day) - 1;
  return {
    ipl: {
      msgId: day,
      type: 'KPR_IPL',
      environment: 'PRODUCTION',
      receivedAt: at,
      periodFrom: null,
      periodTo: null,
      runNumber: null,
      persons,
    },
    ide: null,
    iplApprec: accepted ? 'OK' : 'REJECTED',
    ideApprec: null,
    from: covered,
    to: covered,
    accepted,
    rejected: !accepted,
    completeAt: at,
  };
}

describe('silence episodes', () => {
  it.each([
    {
      name: 'none while deliveries come every working day',
      deliveries: ['2026-02-02', '2026-02-03', '2026-02-04'],
      asOf: '2026-02-05T12:00:00+01:00',
      episodes: [],
    },
    {
      name: 'from the day the third working day passed until the next accepted delivery',
      deliveries: ['2026-02-02', '2026-02-12'],
      asOf: '2026-02-13T12:00:00+01:00',
      episodes: [['2026-02-05', '2026-02-12']],
    },
    {
      name: 'still silent at asOf (a weekend does not count)',
      deliveries: ['2026-02-06'],
      asOf: '2026-02-12T12:00:00+01:00',
      episodes: [['2026-02-11', null]],
    },
  ])('$name', ({ deliveries, asOf, episodes }) => {
    const found = silenceEpisodes(
      deliveries.map((day) => delivery(day, true)),
      { silenceWorkingDays: 3 },
      new Date(asOf),
    );
    expect(found.map((episode) => [osloDate(episode.from), episode.until && osloDate(episode.until)])).toEqual(
      episodes,
    );
  });

  it('counts from the first delivery sent while none is accepted', () => {
    const found = silenceEpisodes(
      [delivery('2026-02-02', false)],
      { silenceWorkingDays: 3 },
      new Date('2026-02-06T12:00:00+01:00'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.reference.ipl.msgId).toBe('2026-02-02');
  });
});

describe('volume drops', () => {
  const days = ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10'];
  it.each([
    {
      name: 'a delivery below the share of the median before it',
      persons: [10, 10, 10, 10, 10, 5, 10],
      drops: ['2026-02-09'],
    },
    { name: 'none at the share or above', persons: [10, 10, 10, 10, 10, 6, 10], drops: [] },
    { name: 'none before the baseline has enough deliveries', persons: [10, 10, 1, 10, 10, 10, 10], drops: [] },
  ])('$name', ({ persons, drops }) => {
    const accepted = days.map((day, index) => delivery(day, true, persons[index]));
    const found = volumeDrops(accepted, { volumeDropPercent: 60, volumeBaselineDeliveries: 5 }, TABLE);
    expect(found.map((drop) => drop.delivery.ipl.msgId)).toEqual(drops);
  });
});
