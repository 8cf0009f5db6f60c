/**
 * How long deriving every municipality's daily state takes at full scale: 357 municipalities × a
 * year of nightly deliveries (KPR_IPL, KPR_IDE and their Apprecs, about 1 000 events each). Run with
 * `npx vitest bench --run lib/daily/rules`. The target: all 357 in ≤ 50 ms.
 */
import { bench, describe } from 'vitest';
import type { DailyRules } from './config';
import { dayNumber, isoOfDay, isWorkingDay, osloWallInstant } from './days';
import { deriveDailyState } from './derive';
import type { DailyEvents, DailySeasonInput } from './types';

const RULES: DailyRules = {
  expectedDays: 'WORKING',
  graceDays: 1,
  graceTime: '12:00',
  silenceWorkingDays: 3,
  rejectionRun: 3,
  volumeDropPercent: 60,
  volumeBaselineDeliveries: 10,
  ideRequired: true,
  lagWindowDays: 7,
};
const SEASON: DailySeasonInput = {
  key: '2026-daglig',
  name: 'KPR 2026 (daglig)',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  rules: RULES,
};

function municipality(n: number): DailyEvents {
  const messages: DailyEvents['messages'][number][] = [];
  const apprecs: DailyEvents['apprecs'][number][] = [];
  let coveredUntil = dayNumber('2026-01-01') - 1 + (n % 30);
  for (let today = coveredUntil + 2; today <= dayNumber('2026-12-31'); today++) {
    if (!isWorkingDay(today) || (n + today) % 37 === 0) continue;
    const at = osloWallInstant(today, 60 + (n % 180));
    const run = `${n}-${today}`;
    const rejected = (n * today) % 97 === 0;
    messages.push(
      {
        msgId: `ipl-${run}`,
        type: 'KPR_IPL',
        environment: 'PRODUCTION',
        receivedAt: at,
        periodFrom: isoOfDay(coveredUntil + 1),
        periodTo: isoOfDay(today - 1),
        runNumber: run,
        persons: 40 + (today % 7),
      },
      {
        msgId: `ide-${run}`,
        type: 'KPR_IDE',
        environment: 'PRODUCTION',
        receivedAt: new Date(at.getTime() + 5_000),
        periodFrom: null,
        periodTo: null,
        runNumber: run,
        persons: null,
      },
    );
    apprecs.push(
      {
        originalMsgId: `ipl-${run}`,
        status: rejected ? 'REJECTED' : 'OK',
        receivedAt: new Date(at.getTime() + 60_000),
      },
      { originalMsgId: `ide-${run}`, status: 'OK', receivedAt: new Date(at.getTime() + 65_000) },
    );
    if (!rejected) coveredUntil = today - 1;
  }
  return { messages, apprecs };
}

const ALL = Array.from({ length: 357 }, (_, n) => municipality(n));
const END = new Date('2026-12-31T12:00:00+01:00');
const SUMMER = new Date('2026-07-01T12:00:00+02:00');

describe('deriveDailyState: all 357 municipalities, a year of nightly deliveries', () => {
  bench('at the end of the year', () => {
    for (const events of ALL) deriveDailyState(SEASON, events, END);
  });
  bench('on 1 July (replay; the loader would have left out later events)', () => {
    for (const events of ALL) deriveDailyState(SEASON, events, SUMMER);
  });
});
