/**
 * The demo data generator: a believable history of KPR reporting for every municipality, as the
 * rows the ingest API and the follow-up screens write. Pure and deterministic: the same reference,
 * seed and options give the same rows, ids included. No I/O, no clock, no Math.random.
 */
import type { MunicipalityReference } from '@/lib/ingest/rules/checks';
import { generateAnnualSeason } from './annual-season';
import { DatasetBuilder, type SeasonContext } from './dataset-builder';
import { generateDailySeason } from './daily-season';
import type { DemoDataset, DemoOptions, DemoReference, DemoSeason, ReferenceSeason } from './model';
import { buildProfiles, EPJ_HISTORY_START } from './municipality-profile';
import { dateOfDay, day, dayOfDate, endOfDay, isoOfDay, osloInstant } from './oslo-time';
import { Random } from './random';

/** The story clock unless told otherwise: noon in Oslo on this day of January after the last season's period. */
const DEFAULT_CLOCK = { dayOfJanuary: 20, minutes: 12 * 60 } as const;
/** Deadline of the generated earlier annual seasons: 15 January of the next year, end of day in Oslo. */
const ANNUAL_DEADLINE_DAY_OF_JANUARY = 15;

export type { DemoDataset, DemoOptions, DemoReference } from './model';

export function generateDemoData(reference: DemoReference, options: DemoOptions): DemoDataset {
  const extraAnnualSeasons = options.extraAnnualSeasons ?? 0;
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(extraAnnualSeasons) || extraAnnualSeasons < 0) {
    throw new RangeError('extraAnnualSeasons must be a whole number, 0 or more');
  }
  const annualYears = reference.seasons.filter((season) => season.kind === 'ANNUAL').map(dataYear);
  if (annualYears.length === 0) throw new Error('the reference data has no annual season to build on');

  const earliestYear = Math.min(...annualYears);
  if (earliestYear - extraAnnualSeasons <= EPJ_HISTORY_START) {
    throw new RangeError(`extraAnnualSeasons reaches back before ${EPJ_HISTORY_START + 1}`);
  }
  const known = new Set(reference.seasons.map((season) => season.key));
  const added: DemoSeason[] = [];
  for (let year = earliestYear - extraAnnualSeasons; year < earliestYear; year++) {
    if (!known.has(String(year))) added.push(annualSeason(options.seed, year));
  }
  if (options.dailyYear && !reference.seasons.some((season) => season.kind === 'DAILY')) {
    added.push(dailySeason(options.seed, Math.max(...annualYears) + 1));
  }
  const seasons = [...reference.seasons, ...added].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
  const lastYear = Math.max(...seasons.map((season) => season.periodEnd.getUTCFullYear()));
  // The annual stories' clock counts from the last annual season, so a daily season after it does not move it.
  const lastAnnualYear = Math.max(
    ...seasons.filter((season) => season.kind === 'ANNUAL').map((season) => season.periodEnd.getUTCFullYear()),
  );
  const now = options.now ?? osloInstant(day(lastAnnualYear + 1, 1, DEFAULT_CLOCK.dayOfJanuary), DEFAULT_CLOCK.minutes);
  const dailyNow = options.dailyNow ?? now;

  const builder = new DatasetBuilder(reference, now);
  builder.dataset.seasons.push(...added);
  const profiles = buildProfiles(reference, options.seed, lastYear);
  const welfareCodes = new Set(
    reference.serviceCodes.filter((code) => code.welfareTechnology).map((code) => code.code),
  );
  for (const season of seasons) {
    const context: SeasonContext = {
      seed: options.seed,
      reference,
      builder,
      season,
      profiles,
      welfareCodes,
      seasonPeriod: {
        periodStart: isoOfDay(dayOfDate(season.periodStart)),
        periodEnd: isoOfDay(dayOfDate(season.periodEnd)),
      },
      municipalityReference: municipalityNumbersFor(reference, season),
      dailyEveryNight: options.dailyEveryNight ?? false,
      latestAnnual: season.kind === 'ANNUAL' && season.periodEnd.getUTCFullYear() === lastAnnualYear,
    };
    builder.clock = season.kind === 'ANNUAL' ? now : dailyNow;
    if (season.kind === 'ANNUAL') generateAnnualSeason(context);
    else generateDailySeason(context);
  }
  builder.clock = now;
  return builder.dataset;
}

/**
 * The municipality numbers valid for a season's data: before the 2024 renumbering took effect the
 * former numbers were the valid ones (a municipality that did not exist then is not told apart).
 */
function municipalityNumbersFor(reference: DemoReference, season: ReferenceSeason): MunicipalityReference {
  const inForce = reference.renumbering.filter((row) => row.validFrom.getTime() <= season.periodEnd.getTime());
  const replaced = reference.renumbering.filter((row) => row.validFrom.getTime() > season.periodEnd.getTime());
  const replacedNew = new Set(replaced.map((row) => row.newNumber));
  return {
    validNumbers: new Set([
      ...reference.municipalities
        .map((municipality) => municipality.number)
        .filter((number) => !replacedNew.has(number)),
      ...replaced.map((row) => row.oldNumber),
    ]),
    renumbering: new Map(inForce.map((row) => [row.oldNumber, row.newNumber])),
  };
}

function dataYear(season: ReferenceSeason): number {
  return season.periodStart.getUTCFullYear();
}

function annualSeason(seed: number, year: number): DemoSeason {
  const opensAt = osloInstant(day(year + 1, 1, 1), 0);
  return {
    id: Random.stream(seed, 'season', year).uuidV7(opensAt),
    key: String(year),
    name: `KPR ${year} (årsrapportering)`,
    kind: 'ANNUAL',
    periodStart: dateOfDay(day(year, 1, 1)),
    periodEnd: dateOfDay(day(year, 12, 31)),
    opensAt,
    deadline: endOfDay(day(year + 1, 1, ANNUAL_DEADLINE_DAY_OF_JANUARY)),
  };
}

/**
 * A daily-reporting season. The daily regime's deadline rule is not public; the demo takes the
 * end of the day after the period, when the last day's data is due.
 */
function dailySeason(seed: number, year: number): DemoSeason {
  const opensAt = osloInstant(day(year, 1, 1), 0);
  return {
    id: Random.stream(seed, 'season', `${year}-daily`).uuidV7(opensAt),
    key: `${year}-daglig`,
    name: `KPR ${year} (daglig rapportering)`,
    kind: 'DAILY',
    periodStart: dateOfDay(day(year, 1, 1)),
    periodEnd: dateOfDay(day(year, 12, 31)),
    opensAt,
    deadline: endOfDay(day(year + 1, 1, 1)),
  };
}
