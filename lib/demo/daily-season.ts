/**
 * The story of a daily-reporting season (domain.md §1: daily automatic reporting from 2026).
 * Municipalities come on board during the year, most of them by the end of August; from then on their EPJ sends a
 * delivery every weekday night with the data since the last one. Now and then a run is missed
 * (the next one covers the gap), a delivery is rejected and resent the same day, an identmelding
 * or an Apprec goes missing. FHI's validation of every delivery produces most of the findings.
 */
import {
  checkMunicipalityNumber,
  checkOrganisationNumbers,
  checkServiceCodes,
  checkTestPersons,
} from '@/lib/ingest/rules/checks';
import { FAGMELDING_REJECTIONS, okApprec, rejectedApprec } from './apprec-plans';
import {
  buildContent,
  type DeliveryContent,
  type Defects,
  expiredCodes,
  fhiValidationFindings,
  type FindingSpec,
  ingestFinding,
  NO_DEFECTS,
  unlistedCodes,
} from './content';
import type { DeliveryPlan, SeasonContext, SentDelivery } from './dataset-builder';
import { epjIn, expectedVolume, type MunicipalityProfile } from './municipality-profile';
import {
  addMilliseconds,
  day,
  dayOfDate,
  isWorkingDay,
  osloDayOf,
  osloInstant,
  workingDayOnOrAfter,
  yearOfDay,
} from './oslo-time';
import { MINUTE_MS } from '@/lib/core/time';
import { Random } from './random';

/** Share of a municipality's yearly recipients whose services change on a given day. */
const DAILY_CHANGE_SHARE = 0.012;
/** Findings per delivery, per municipality: most are tidy, a few produce many. */
const FINDING_RATES: readonly (readonly [number, number])[] = [
  [0.5, 3],
  [2.5, 3],
  [5, 2],
  [11, 1.5],
  [18, 0.5],
];
/** Share of a delivery's findings that come from the ingest checks rather than FHI's validation. */
const INGEST_CHECK_SHARE = 0.1;

interface DailyDelivery {
  sent: SentDelivery;
  /** When the same day's resend replaced a rejected run. */
  supersededAt: Date | null;
  checks: FindingSpec[];
  fhi: FindingSpec[];
  fhiAt: Date;
}

export function generateDailySeason(context: SeasonContext): void {
  for (const profile of context.profiles.values()) dailyStory(context, profile);
}

function dailyStory(context: SeasonContext, profile: MunicipalityProfile): void {
  const { seed, season, reference, builder } = context;
  const random = Random.stream(seed, 'daily', season.key, profile.number);
  const periodStart = dayOfDate(season.periodStart);
  const periodEnd = dayOfDate(season.periodEnd);
  const year = yearOfDay(periodStart);
  const firstDay = workingDayOnOrAfter(Math.max(osloDayOf(season.opensAt), periodStart) + 1);
  const epj = epjIn(profile, year);
  const expected = expectedVolume(profile, reference, seed, year);
  const startDay = random.weighted([
    [firstDay, 40],
    [workingDayOnOrAfter(random.int(firstDay, day(year, 8, 31))), 58.5],
    [workingDayOnOrAfter(random.int(day(year, 9, 1), day(year, 11, 30))), 1.5],
  ]);
  const findingRate = random.weighted(FINDING_RATES);
  const codes = { expired: expiredCodes(reference, year), unlisted: unlistedCodes(reference) };
  let runNumber = random.int(1, 900);
  let coveredUntil = startDay - 2;

  const deliveries: DailyDelivery[] = [];
  // Days after the story clock are left out (their rows would be); the findings draw from a stream
  // of their own, so the story up to the clock is the same whenever the clock stands.
  for (let today = startDay; coveredUntil < periodEnd && osloInstant(today, 0) <= builder.clock; today++) {
    if (!isWorkingDay(today) || random.chance(0.03)) continue;
    const periodFrom = coveredUntil + 1;
    const periodTo = Math.min(today - 1, periodEnd);
    coveredUntil = periodTo;
    const defects = dailyDefects(random, findingRate, codes);
    const content = buildContent(
      expected,
      defects.defects,
      context.welfareCodes,
      random,
      DAILY_CHANGE_SHARE * (periodTo - periodFrom + 1),
    );
    const checks = dailyChecks(context, profile, content, year);
    const send = (sentAt: Date, rejected: boolean): SentDelivery => {
      const plan: DeliveryPlan = {
        environment: 'PRODUCTION',
        sentAt,
        ideDelayMs: random.chance(0.005) ? null : random.int(1_000, 20_000),
        iplApprec: rejected
          ? rejectedApprec(random, FAGMELDING_REJECTIONS, year)
          : random.chance(0.003)
            ? null
            : { delayMs: random.int(MINUTE_MS, 20 * MINUTE_MS), status: 'OK', errors: [] },
        ideApprec: random.chance(0.003) ? null : okApprec(random, 'PRODUCTION'),
        municipalityNumberAsSent: profile.number,
        municipalityNumber: profile.number,
        epj,
        periodFrom,
        periodTo,
        runNumber: String(runNumber++),
        content,
      };
      return builder.send(random, profile, season.id, plan);
    };

    // The nightly run; a rejected one is fixed and resent during the working day.
    const rejected = random.chance(0.012);
    const nightly = send(osloInstant(today, random.int(120, 330)), rejected);
    const accepted = rejected ? send(osloInstant(today, random.int(540, 840)), false) : nightly;
    if (rejected) {
      deliveries.push({
        sent: nightly,
        supersededAt: accepted.ipl.receivedAt,
        checks,
        fhi: [],
        fhiAt: nightly.ipl.receivedAt,
      });
    }
    // FHI's validation runs every morning at seven.
    const runDay =
      osloDayOf(accepted.ipl.receivedAt) +
      (accepted.ipl.receivedAt.getTime() < osloInstant(today, 420).getTime() ? 0 : 1);
    const fhiAt = osloInstant(runDay, random.int(420, 450));
    deliveries.push({
      sent: accepted,
      supersededAt: null,
      checks,
      fhi: fhiValidationFindings(random, defects.fhi, content.ipl.persons),
      fhiAt,
    });
  }
  recordDailyFindings(context, profile, Random.stream(seed, 'daily-findings', season.key, profile.number), deliveries);
}

/**
 * The ingest checks that apply to one day's increment; period, EPJ and year-on-year checks are for
 * annual deliveries. (The daily regime's own rules are not public yet.)
 */
function dailyChecks(
  context: SeasonContext,
  profile: MunicipalityProfile,
  content: DeliveryContent,
  year: number,
): FindingSpec[] {
  return [
    ...checkMunicipalityNumber(profile.number, context.municipalityReference, year),
    ...checkOrganisationNumbers(content.ipl.organisationNumbers),
    ...checkServiceCodes(content.ipl.servicesByCode, context.reference.serviceCodes, year),
  ]
    .map((finding) => ingestFinding(finding, 'KPR_IPL'))
    .concat(checkTestPersons(content.ide).map((finding) => ingestFinding(finding, 'KPR_IDE')));
}

/** The ingest-check errors of one delivery (shown in its content) and how many findings FHI adds. */
function dailyDefects(
  random: Random,
  findingRate: number,
  codes: { expired: readonly number[]; unlisted: readonly number[] },
): { defects: Defects; fhi: number } {
  const total = random.poisson(findingRate);
  let fhi = 0;
  const defects = { ...NO_DEFECTS };
  for (let i = 0; i < total; i++) {
    if (!random.chance(INGEST_CHECK_SHARE)) {
      fhi++;
      continue;
    }
    switch (
      random.weighted([
        ['TEST_PERSONS', 1],
        ['ORGANISATION_NUMBER', 2],
        ['UNLISTED_CODE', 1],
        ['EXPIRED_CODE', 1],
      ] as const)
    ) {
      case 'TEST_PERSONS':
        defects.testPersons = 1;
        break;
      case 'ORGANISATION_NUMBER':
        defects.invalidOrganisationNumbers = random.int(1, 2);
        break;
      case 'UNLISTED_CODE':
        if (codes.unlisted.length > 0) defects.unknownCodes = new Map([[random.pick(codes.unlisted), 1]]);
        break;
      case 'EXPIRED_CODE':
        if (codes.expired.length > 0) defects.expiredCodes = new Map([[random.pick(codes.expired), 1]]);
        break;
    }
  }
  return { defects, fhi };
}

/** Findings stay open until a later delivery corrects them, which most do within a fortnight. */
function recordDailyFindings(
  context: SeasonContext,
  profile: MunicipalityProfile,
  random: Random,
  deliveries: readonly DailyDelivery[],
): void {
  const { builder, season } = context;
  const resolution = (index: number): Date | null => {
    const later = random.chance(0.6) ? deliveries[index + random.int(1, 10)] : undefined;
    return later ? later.sent.ipl.receivedAt : null;
  };
  deliveries.forEach((delivery, index) => {
    const resolvedAt = delivery.supersededAt ?? resolution(index);
    for (const spec of [...delivery.checks, ...delivery.fhi]) {
      const message = spec.on === 'KPR_IDE' ? delivery.sent.ide : delivery.sent.ipl;
      if (!message) continue;
      const detectedAt =
        spec.source === 'FHI_VALIDATION' ? delivery.fhiAt : addMilliseconds(message.receivedAt, random.int(500, 5_000));
      builder.finding(
        random,
        { seasonId: season.id, municipalityNumber: profile.number, message },
        spec,
        detectedAt,
        resolvedAt,
      );
    }
  });
}
