/**
 * The story of the daily season (domain.md §9: daily automatic reporting from 1 January 2026), told
 * as coverage of days: every night a municipality's EPJ sends the days since its last accepted
 * delivery, so a missed night is caught up by the next. Early adopters start in January, others in
 * spring or autumn, some never start and some only test against KPR Validering. Some pause over
 * Easter or in the summer and catch up after; an EPJ vendor's update gets its customers rejected
 * for a week in September; a few see their volumes drop after an EPJ update, and all customers of
 * one version at once after its update in October (epj-waves.ts). Up to the clock, a
 * handful of municipalities are in trouble right now (gone quiet, rejected night after night, or
 * sending far fewer persons), so the views have something to show on any day.
 */
import { okApprec, rejectedApprec, FAGMELDING_REJECTIONS } from './apprec-plans';
import { buildContent, NO_DEFECTS } from './content';
import type { DeliveryPlan, SeasonContext } from './dataset-builder';
import { epjIn, expectedVolume, type EpjInstallation, type MunicipalityProfile } from './municipality-profile';
import {
  addWorkingDays,
  day,
  dayOfDate,
  isWorkingDay,
  osloDayOf,
  osloInstant,
  workingDayOnOrAfter,
  yearOfDay,
  type Day,
} from './oslo-time';
import { MINUTE_MS } from '@/lib/core/time';
import { DAILY_EPJ_WAVE, largestInstallation, sameInstallation } from './epj-waves';
import { Random } from './random';

/** Share of a municipality's yearly recipients whose services change on a working day. */
const DAILY_CHANGE_SHARE = 0.012;
/** How many municipalities are, at the clock, silent, rejected night after night, or sending too few persons. */
const CURRENT_TROUBLE = { silent: 5, rejecting: 3, volumeDrop: 2 } as const;

type Kind = 'EARLY' | 'SPRING' | 'AUTUMN' | 'TEST_ONLY' | 'NEVER';
const KINDS: readonly (readonly [Kind, number])[] = [
  ['EARLY', 32],
  ['SPRING', 30],
  ['AUTUMN', 22],
  ['TEST_ONLY', 7],
  ['NEVER', 9],
];

/** A stretch of working days [from, to] in which something happens. */
interface Stretch {
  from: Day;
  to: Day;
}
const within = (today: Day, stretch: Stretch | null) =>
  stretch !== null && today >= stretch.from && today <= stretch.to;

interface Plan {
  kind: Kind;
  start: Day;
  pauses: Stretch[];
  rejected: Stretch[];
  lowVolume: (Stretch & { epj: EpjInstallation }) | null;
}

export function generateDailySeason(context: SeasonContext): void {
  const { seed, season, builder } = context;
  const year = yearOfDay(dayOfDate(season.periodStart));
  const clockDay = osloDayOf(builder.clock);
  const numbers = [...context.profiles.keys()].sort();
  const plans = new Map(numbers.map((number) => [number, basePlan(context, context.profiles.get(number)!, year)]));

  // An EPJ vendor's update, the week of 14 September: its customers' deliveries are rejected until it is fixed.
  const vendors = [...new Set(numbers.map((number) => epjIn(context.profiles.get(number)!, year).system))].sort();
  const vendor = Random.stream(seed, 'daily-vendor', season.key).pick(vendors);
  for (const number of numbers) {
    if (epjIn(context.profiles.get(number)!, year).system === vendor) {
      plans.get(number)!.rejected.push({ from: day(year, 9, 14), to: day(year, 9, 18) });
    }
  }

  // An update of another vendor's most used version, installed from early October, cuts the persons in its customers' extracts until the fix.
  const waveEpj = largestInstallation(context.profiles, year, [vendor]);
  const waveRandom = Random.stream(seed, 'daily-epj-wave', season.key);
  for (const number of numbers) {
    const plan = plans.get(number)!;
    const epj = epjIn(context.profiles.get(number)!, year);
    if (!sameInstallation(epj, waveEpj) || plan.kind === 'NEVER' || plan.kind === 'TEST_ONLY') continue;
    // Those reporting for a month or more by then: the drop shows against their own earlier deliveries.
    if (plan.start >= workingDaysBefore(DAILY_EPJ_WAVE.from(year), 22)) continue;
    const from = addWorkingDays(DAILY_EPJ_WAVE.from(year), waveRandom.int(0, 3));
    plan.lowVolume = { from, to: DAILY_EPJ_WAVE.fixedOn(year), epj: bumped(epj) };
  }

  // Trouble right now, picked among those reporting at the clock.
  const reporting = Random.stream(seed, 'daily-trouble', season.key).shuffle(
    numbers.filter((number) => {
      const plan = plans.get(number)!;
      return plan.kind !== 'NEVER' && plan.kind !== 'TEST_ONLY' && plan.start < workingDaysBefore(clockDay, 30);
    }),
  );
  let index = 0;
  for (let i = 0; i < CURRENT_TROUBLE.silent && index < reporting.length; i++, index++) {
    const plan = plans.get(reporting[index]!)!;
    plan.pauses.push({ from: workingDaysBefore(clockDay, 5 + i * 2), to: clockDay + 30 });
  }
  for (let i = 0; i < CURRENT_TROUBLE.rejecting && index < reporting.length; i++, index++) {
    plans.get(reporting[index]!)!.rejected.push({ from: workingDaysBefore(clockDay, 3 + i), to: clockDay + 30 });
  }
  for (let i = 0; i < CURRENT_TROUBLE.volumeDrop && index < reporting.length; i++, index++) {
    const number = reporting[index]!;
    const epj = epjIn(context.profiles.get(number)!, year);
    plans.get(number)!.lowVolume = { from: workingDaysBefore(clockDay, 1 + i), to: clockDay + 30, epj: bumped(epj) };
  }

  for (const number of numbers) tellStory(context, context.profiles.get(number)!, plans.get(number)!, year, clockDay);
}

function bumped(epj: EpjInstallation): EpjInstallation {
  return { system: epj.system, version: `${epj.version}.1` };
}

/** When a municipality starts, and its pauses (Easter, summer, an outage) and an EPJ update that cuts its volume. */
function basePlan(context: SeasonContext, profile: MunicipalityProfile, year: number): Plan {
  const random = Random.stream(context.seed, 'daily-plan', context.season.key, profile.number);
  const drawn = random.weighted(KINDS);
  const drawnStart = workingDayOnOrAfter(
    drawn === 'EARLY'
      ? random.int(day(year, 1, 2), day(year, 2, 15))
      : drawn === 'SPRING'
        ? random.int(day(year, 3, 1), day(year, 5, 31))
        : drawn === 'AUTUMN'
          ? random.int(day(year, 8, 17), day(year, 11, 13))
          : random.int(day(year, 2, 1), day(year, 10, 30)),
  );
  // At the benchmark's scale everyone starts on 2 January (covering the 1st); the draws above are
  // made all the same, so the pauses and volume drops below are the story's.
  const kind = context.dailyEveryNight ? 'EARLY' : drawn;
  const start = context.dailyEveryNight ? day(year, 1, 2) : drawnStart;
  const pauses: Stretch[] = [];
  // Easter 2026: Maundy Thursday 2 April; some leave the job off from the Monday before to Easter Tuesday.
  if (random.chance(0.25)) pauses.push({ from: day(year, 3, 30), to: day(year, 4, 7) });
  if (random.chance(0.2)) {
    const from = random.int(day(year, 7, 1), day(year, 7, 24));
    pauses.push({ from, to: from + random.int(7, 21) });
  }
  if (random.chance(0.15)) {
    const from = random.int(day(year, 2, 1), day(year, 11, 15));
    pauses.push({ from, to: addWorkingDays(from, random.int(4, 12)) });
  }
  let lowVolume: Plan['lowVolume'] = null;
  if (random.chance(0.06)) {
    const from = workingDayOnOrAfter(random.int(day(year, 5, 1), day(year, 10, 31)));
    lowVolume = { from, to: addWorkingDays(from, random.int(8, 25)), epj: bumped(epjIn(profile, year)) };
  }
  return { kind, start, pauses, rejected: [], lowVolume };
}

function tellStory(
  context: SeasonContext,
  profile: MunicipalityProfile,
  plan: Plan,
  year: number,
  clockDay: Day,
): void {
  const { seed, season, builder, reference } = context;
  const random = Random.stream(seed, 'daily', season.key, profile.number);
  const periodStart = dayOfDate(season.periodStart);
  const periodEnd = dayOfDate(season.periodEnd);
  const expected = expectedVolume(profile, reference, seed, year);
  const epj = epjIn(profile, year);
  let runNumber = random.int(1, 900);
  let testRunNumber = 1;

  const send = (
    random: Random,
    environment: DeliveryPlan['environment'],
    sentAt: Date,
    from: Day,
    to: Day,
    options: { rejected?: boolean; factor?: number; epj?: EpjInstallation } = {},
  ) => {
    const workingDays = Math.max(1, countWorkingDays(from, to));
    const content = buildContent(
      expected,
      NO_DEFECTS,
      context.welfareCodes,
      random,
      DAILY_CHANGE_SHARE * workingDays * (options.factor ?? 1),
    );
    return builder.send(random, profile, season.id, {
      environment,
      sentAt,
      ideDelayMs: environment === 'PRODUCTION' && random.chance(0.004) ? null : random.int(1_000, 20_000),
      iplApprec: options.rejected
        ? rejectedApprec(random, FAGMELDING_REJECTIONS, year)
        : random.chance(0.002)
          ? null
          : { delayMs: random.int(MINUTE_MS, 20 * MINUTE_MS), status: 'OK', errors: [] },
      ideApprec: okApprec(random, environment),
      municipalityNumberAsSent: profile.number,
      municipalityNumber: profile.number,
      epj: options.epj ?? epj,
      periodFrom: from,
      periodTo: to,
      runNumber: environment === 'VALIDATION' ? `T${testRunNumber++}` : String(runNumber++),
      content,
    });
  };

  // Test traffic: a few tests in the weeks before the start, or now and then for those who only test.
  if (plan.kind !== 'NEVER') {
    // A stream of its own, so the nightly story is the same whichever clock cuts the tests.
    const testRandom = Random.stream(seed, 'daily-tests', season.key, profile.number);
    const tests = plan.kind === 'TEST_ONLY' ? testRandom.int(3, 12) : testRandom.int(1, 4);
    let testDay =
      plan.kind === 'TEST_ONLY' ? plan.start : Math.max(periodStart + 1, plan.start - testRandom.int(10, 25));
    for (let i = 0; i < tests && testDay <= clockDay && testDay <= periodEnd; i++) {
      testDay = workingDayOnOrAfter(testDay);
      send(testRandom, 'VALIDATION', osloInstant(testDay, testRandom.int(540, 900)), testDay - 1, testDay - 1);
      testDay += plan.kind === 'TEST_ONLY' ? testRandom.int(7, 30) : testRandom.int(2, 6);
    }
  }
  if (plan.kind === 'NEVER' || plan.kind === 'TEST_ONLY') return;

  // The nightly run on working days, covering every day since the last accepted delivery.
  let coveredUntil = plan.start - 2;
  for (let today = plan.start; today <= Math.min(clockDay, periodEnd + 1) && coveredUntil < periodEnd; today++) {
    const night = context.dailyEveryNight || isWorkingDay(today);
    if (!night || random.chance(0.025) || plan.pauses.some((pause) => within(today, pause))) continue;
    const from = coveredUntil + 1;
    const to = Math.min(today - 1, periodEnd);
    if (to < from) continue;
    const low = plan.lowVolume && within(today, plan.lowVolume) ? plan.lowVolume : null;
    const options = {
      factor: low ? random.between(0.25, 0.4) : 1,
      epj: low?.epj ?? (plan.lowVolume && today > plan.lowVolume.to ? plan.lowVolume.epj : epj),
    };
    const sentAt = osloInstant(today, random.int(60, 240));
    if (plan.rejected.some((stretch) => within(today, stretch))) {
      send(random, 'PRODUCTION', sentAt, from, to, { ...options, rejected: true });
      continue;
    }
    // Now and then a run is rejected and fixed the same working day.
    if (random.chance(0.01)) {
      send(random, 'PRODUCTION', sentAt, from, to, { ...options, rejected: true });
      send(random, 'PRODUCTION', osloInstant(today, random.int(540, 840)), from, to, options);
    } else send(random, 'PRODUCTION', sentAt, from, to, options);
    coveredUntil = to;
  }
}

function countWorkingDays(from: Day, to: Day): number {
  let count = 0;
  for (let value = from; value <= to; value++) if (isWorkingDay(value)) count++;
  return count;
}

/** The day `count` working days before the day. */
function workingDaysBefore(value: Day, count: number): Day {
  let result = value;
  for (let left = count; left > 0;) {
    result--;
    if (isWorkingDay(result)) left--;
  }
  return result;
}
