/**
 * The story of an annual season (domain.md §1): tests against KPR Validering in the autumn,
 * production deliveries from 1 January, mostly in the first half of the month, and everything
 * that goes wrong on the way — rejections and resends with new MsgIds, identmeldinger and Apprecs
 * that never come, content errors found by the ingest checks and by FHI, resubmissions agreed
 * with FHI, extension requests, late and missing deliveries.
 *
 * Outcomes are handed out by quota over a seeded shuffle of the municipalities that deliver on
 * time, so every kind of outcome is present in every season whatever the seed; municipalities on
 * another timeline draw the same outcomes by chance.
 */
import type { ExtensionStatus } from '@/lib/db/generated/enums';
import { checkTestPersons, resolveMunicipalityNumber, runDeliveryChecks } from '@/lib/ingest/rules/checks';
import { CHECK_FINDING_TITLES } from '@/lib/ingest/labels';
import {
  FAGMELDING_REJECTIONS,
  IDENTMELDING_REJECTIONS,
  lateApprec,
  okApprec,
  rejectedApprec,
  TEST_REJECTIONS,
} from './apprec-plans';
import {
  buildContent,
  type Defects,
  expiredCodes,
  fhiValidationFindings,
  type FindingSpec,
  identityMismatchFinding,
  ingestFinding,
  NO_DEFECTS,
  servicesRecord,
  unlistedCodes,
} from './content';
import type { ApprecPlan, DatasetBuilder, DeliveryPlan, SeasonContext, SentDelivery } from './dataset-builder';
import type { ReferenceSeason } from './model';
import {
  epjIn,
  expectedVolume,
  type EpjInstallation,
  type ExpectedVolume,
  type MunicipalityProfile,
} from './municipality-profile';
import {
  addMilliseconds,
  addWorkingDays,
  day,
  dayOfDate,
  endOfDay,
  firstOfMonth,
  isoOfDay,
  isWorkingDay,
  osloDayOf,
  osloInstant,
  workingDayOnOrAfter,
  yearOfDay,
  type Day,
} from './oslo-time';
import { HOUR_MS, MINUTE_MS } from '@/lib/core/time';
import { ANNUAL_EPJ_WAVE, largestInstallation, sameInstallation } from './epj-waves';
import { Random } from './random';
import { EPJ_WAVE_FREE_TEXT, extensionTexts, type ExtensionReason, NOTE_TEXTS } from './texts';

type Timing = 'ON_TIME' | 'EXTENSION_GRANTED' | 'EXTENSION_DENIED' | 'EXTENSION_PENDING' | 'LATE' | 'NEVER';
type Transmission =
  | 'CLEAN'
  | 'REJECTED_THEN_RESENT'
  | 'IDENTITY_REJECTED'
  | 'REJECTED_TWICE'
  | 'REJECTED_NOT_RESENT'
  | 'IDE_LATE'
  | 'IDE_MISSING'
  | 'APPREC_MISSING'
  | 'APPREC_LATE'
  | 'RESENT_BEFORE_APPREC';
type ContentDefect =
  | 'TEST_PERSONS'
  | 'OLD_NUMBER'
  | 'UNKNOWN_NUMBER'
  | 'PERIOD_SHORT'
  | 'INVALID_ORGANISATION_NUMBER'
  | 'WELFARE_IMPLAUSIBLE'
  | 'EXPIRED_CODE'
  | 'UNKNOWN_CODE'
  | 'VOLUME_CHANGE'
  | 'IDENTITY_SHORTFALL'
  | 'FHI_REMARKS';

/** Shares of all municipalities; the rest deliver on time. */
const TIMING_SHARES: readonly (readonly [Timing, number])[] = [
  ['EXTENSION_GRANTED', 0.025],
  ['EXTENSION_DENIED', 0.01],
  ['EXTENSION_PENDING', 0.01],
  ['LATE', 0.025],
  ['NEVER', 0.01],
];
/** How the first production delivery fares; the rest go through cleanly. */
const TRANSMISSION_SHARES: readonly (readonly [Transmission, number])[] = [
  ['REJECTED_THEN_RESENT', 0.05],
  ['IDENTITY_REJECTED', 0.01],
  ['REJECTED_TWICE', 0.01],
  ['REJECTED_NOT_RESENT', 0.01],
  ['IDE_LATE', 0.015],
  ['IDE_MISSING', 0.01],
  ['APPREC_MISSING', 0.01],
  ['APPREC_LATE', 0.015],
  ['RESENT_BEFORE_APPREC', 0.01],
];
/** Content errors of the first production delivery, each independent of the others. */
const DEFECT_SHARES: readonly (readonly [ContentDefect, number])[] = [
  ['TEST_PERSONS', 0.02],
  ['UNKNOWN_NUMBER', 0.005],
  ['PERIOD_SHORT', 0.01],
  ['INVALID_ORGANISATION_NUMBER', 0.03],
  ['WELFARE_IMPLAUSIBLE', 0.02],
  ['EXPIRED_CODE', 0.025],
  ['UNKNOWN_CODE', 0.01],
  ['VOLUME_CHANGE', 0.03],
  ['IDENTITY_SHORTFALL', 0.01],
  ['FHI_REMARKS', 0.15],
];
/** Of the renumbered municipalities, how many still send the old number: many in the first year, few later. */
const OLD_NUMBER_SHARE = { firstYear: 0.12, later: 0.04 } as const;
/** Volumes below the checks' minimum volumes would hide a volume error: errors go where they show. */
const MIN_CHANGED_CODE_VOLUME = 30;
const MIN_WELFARE_VOLUME = 20;

interface Scenario {
  timing: Timing;
  /** Drawn by quota for on-time municipalities; by chance (null here) for the others. */
  transmission: Transmission | null;
  defects: ReadonlySet<ContentDefect> | null;
}

function withRest<T>(shares: readonly (readonly [T, number])[], rest: T): (readonly [T, number])[] {
  return [...shares, [rest, 1 - shares.reduce((sum, [, share]) => sum + share, 0)]];
}

/** Hands out outcomes by share over a shuffle: at least one of each when there is anyone to give it to. */
function quotas<T>(
  random: Random,
  numbers: readonly string[],
  shares: readonly (readonly [T, number])[],
): Map<string, T> {
  const shuffled = random.shuffle(numbers);
  const result = new Map<string, T>();
  let index = 0;
  for (const [kind, share] of shares) {
    const count = Math.max(1, Math.round(share * numbers.length));
    for (let i = 0; i < count && index < shuffled.length; i++) result.set(shuffled[index++] as string, kind);
  }
  return result;
}

function usesCurrentNumbers(season: ReferenceSeason, profile: MunicipalityProfile): boolean {
  return !profile.former || season.periodEnd.getTime() >= profile.former.replacedOn.getTime();
}

function oldNumberShare(season: ReferenceSeason, profile: MunicipalityProfile): number {
  if (!profile.former || !usesCurrentNumbers(season, profile)) return 0;
  const firstYear = season.periodStart.getUTCFullYear() === profile.former.replacedOn.getUTCFullYear();
  return firstYear ? OLD_NUMBER_SHARE.firstYear : OLD_NUMBER_SHARE.later;
}

function welfareVolume(expected: ExpectedVolume, welfareCodes: ReadonlySet<number>): number {
  let total = 0;
  for (const [code, count] of expected.servicesByCode) if (welfareCodes.has(code)) total += count;
  return total;
}

/** Codes whose volume is large enough for a mapping error to show against last year. */
function changeableCodes(expected: ExpectedVolume, welfareCodes: ReadonlySet<number>): number[] {
  return [...expected.servicesByCode]
    .filter(([code, count]) => count >= MIN_CHANGED_CODE_VOLUME && !welfareCodes.has(code))
    .map(([code]) => code);
}

/** Whether the municipality's delivery can carry the error so that it shows. */
function canHave(
  kind: ContentDefect,
  context: SeasonContext,
  profile: MunicipalityProfile,
  expected: ExpectedVolume,
): boolean {
  const year = context.season.periodStart.getUTCFullYear();
  switch (kind) {
    case 'OLD_NUMBER':
      return oldNumberShare(context.season, profile) > 0;
    case 'WELFARE_IMPLAUSIBLE':
      return !profile.noWelfareTechnology && welfareVolume(expected, context.welfareCodes) >= MIN_WELFARE_VOLUME;
    case 'VOLUME_CHANGE':
      return changeableCodes(expected, context.welfareCodes).length > 0;
    case 'EXPIRED_CODE':
      return expiredCodes(context.reference, year).length > 0;
    case 'UNKNOWN_CODE':
      return unlistedCodes(context.reference).length > 0;
    default:
      return true;
  }
}

function assignScenarios(context: SeasonContext): Map<string, Scenario> {
  const { seed, season, profiles, reference } = context;
  const numbers = [...profiles.keys()];
  const timing = quotas(Random.stream(seed, 'timing', season.key), numbers, TIMING_SHARES);
  const onTime = numbers.filter((number) => !timing.has(number));
  const transmission = quotas(Random.stream(seed, 'transmission', season.key), onTime, TRANSMISSION_SHARES);
  const year = season.periodStart.getUTCFullYear();
  const expected = new Map(
    onTime.map((number) => [
      number,
      expectedVolume(profiles.get(number) as MunicipalityProfile, reference, seed, year),
    ]),
  );
  const defects = new Map(onTime.map((number) => [number, new Set<ContentDefect>()]));
  const give = (kind: ContentDefect, count: number, among: readonly string[]) => {
    for (const number of Random.stream(seed, 'defect', kind, season.key).shuffle(among).slice(0, count))
      defects.get(number)?.add(kind);
  };
  const eligible = (kind: ContentDefect) =>
    onTime.filter((number) =>
      canHave(kind, context, profiles.get(number) as MunicipalityProfile, expected.get(number) as ExpectedVolume),
    );
  for (const [kind, share] of DEFECT_SHARES) give(kind, Math.max(1, Math.round(share * onTime.length)), eligible(kind));
  const renumbered = eligible('OLD_NUMBER');
  const oldNumbers = renumbered.reduce(
    (sum, number) => sum + oldNumberShare(season, profiles.get(number) as MunicipalityProfile),
    0,
  );
  if (renumbered.length > 0) give('OLD_NUMBER', Math.max(1, Math.round(oldNumbers)), renumbered);
  return new Map(
    numbers.map((number) => [
      number,
      {
        timing: timing.get(number) ?? 'ON_TIME',
        transmission: defects.has(number) ? (transmission.get(number) ?? 'CLEAN') : null,
        defects: defects.get(number) ?? null,
      },
    ]),
  );
}

export function generateAnnualSeason(context: SeasonContext): void {
  const wave = context.latestAnnual
    ? largestInstallation(context.profiles, context.season.periodStart.getUTCFullYear())
    : null;
  for (const [number, scenario] of assignScenarios(context)) {
    new AnnualStory(context, context.profiles.get(number) as MunicipalityProfile, scenario, wave).tell();
  }
}

/** What a delivery carries: its content errors, the number it sends, the period it covers. */
interface DeliveryState {
  defects: Defects;
  numberAsSent: string;
  /** null: the number sent resolves to no municipality. */
  numberResolved: string | null;
  periodFrom: Day;
  periodTo: Day;
  fhiRemarks: boolean;
}

interface Transfer {
  iplApprec: ApprecPlan | null;
  ideApprec: ApprecPlan | null;
  ideDelayMs: number | null;
}

interface Attempt {
  plan: DeliveryPlan;
  sent: SentDelivery;
  /** Findings of the ingest checks (on the KPR_IPL or the KPR_IDE). */
  checks: FindingSpec[];
  /** Findings of FHI's validation, made when FHI has accepted the delivery. */
  fhi: FindingSpec[];
  fhiAt: Date;
}

class AnnualStory {
  private readonly random: Random;
  private readonly builder: DatasetBuilder;
  private readonly seasonId: string;
  private readonly year: number;
  private readonly periodStart: Day;
  private readonly periodEnd: Day;
  private readonly opensDay: Day;
  private readonly deadlineDay: Day;
  private readonly epj: EpjInstallation;
  private readonly previousEpj: EpjInstallation;
  private readonly expected: ExpectedVolume;
  private readonly lastYearServices: Record<string, number>;
  /** iiSysID of the municipality's previous production delivery: last year's, then this season's. */
  private previousEpjSystem: string;
  private readonly transmission: Transmission;
  private readonly defectKinds: ReadonlySet<ContentDefect>;
  private nextRunNumber: number;

  constructor(
    private readonly context: SeasonContext,
    private readonly profile: MunicipalityProfile,
    private readonly scenario: Scenario,
    /** The EPJ whose customers are rejected in the vendor's wave this January (epj-waves.ts), if any. */
    private readonly wave: EpjInstallation | null,
  ) {
    const { seed, season, reference } = context;
    this.random = Random.stream(seed, 'story', season.key, profile.number);
    this.builder = context.builder;
    this.seasonId = season.id;
    this.periodStart = dayOfDate(season.periodStart);
    this.periodEnd = dayOfDate(season.periodEnd);
    this.year = yearOfDay(this.periodStart);
    this.opensDay = osloDayOf(season.opensAt);
    this.deadlineDay = osloDayOf(season.deadline);
    this.epj = epjIn(profile, this.year);
    this.previousEpj = epjIn(profile, this.year - 1);
    this.expected = expectedVolume(profile, reference, seed, this.year);
    this.lastYearServices = servicesRecord(expectedVolume(profile, reference, seed, this.year - 1));
    this.previousEpjSystem = this.previousEpj.system;
    this.transmission = scenario.transmission ?? this.random.weighted(withRest(TRANSMISSION_SHARES, 'CLEAN'));
    this.defectKinds = scenario.defects ?? this.drawDefects();
    this.nextRunNumber = this.random.int(1, 60);
  }

  private get epjChanged(): boolean {
    return this.epj.system !== this.previousEpj.system;
  }

  private drawDefects(): Set<ContentDefect> {
    const kinds = new Set<ContentDefect>();
    for (const [kind, share] of DEFECT_SHARES) if (this.random.chance(share)) kinds.add(kind);
    if (this.random.chance(oldNumberShare(this.context.season, this.profile))) kinds.add('OLD_NUMBER');
    return new Set([...kinds].filter((kind) => canHave(kind, this.context, this.profile, this.expected)));
  }

  tell(): void {
    this.autumnTests();
    const firstDay = this.productionStart();
    if (firstDay !== null) this.production(firstDay);
  }

  // --- time ------------------------------------------------------------------------------------

  private officeTime(value: Day): Date {
    return osloInstant(value, isWorkingDay(value) ? this.random.int(480, 930) : this.random.int(600, 1200));
  }

  /** A resend: later the same day, or some working days on. */
  private resendAfter(after: Date, minWorkingDays: number, maxWorkingDays: number): Date {
    const workingDays = this.random.int(minWorkingDays, maxWorkingDays);
    if (workingDays === 0) return addMilliseconds(after, this.random.int(HOUR_MS, 5 * HOUR_MS));
    return this.officeTime(addWorkingDays(osloDayOf(after), workingDays));
  }

  private note(at: Date, body: string, kind: 'NOTE' | 'RESUBMISSION_AGREED' = 'NOTE'): void {
    this.builder.note(this.random, this.seasonId, this.profile.number, at, body, kind);
  }

  private noteOn(value: Day, body: string): void {
    this.note(osloInstant(value, this.random.int(510, 900)), body);
  }

  // --- the season's timeline -------------------------------------------------------------------

  /** Tests against KPR Validering in the autumn: always after an EPJ change, otherwise now and then. */
  private autumnTests(): void {
    const random = this.random;
    const count = this.epjChanged ? random.int(2, 3) : random.chance(0.25) ? random.int(1, 2) : 0;
    if (count === 0) return;
    const from = day(this.year, this.epjChanged ? 10 : 9, 1);
    const to = day(this.year, 12, 18);
    const days = Array.from({ length: count }, () => workingDayOnOrAfter(random.int(from, to))).sort((a, b) => a - b);
    for (let i = 1; i < days.length; i++) {
      if ((days[i] as Day) <= (days[i - 1] as Day)) days[i] = addWorkingDays(days[i - 1] as Day, 1);
    }
    days.forEach((testDay, index) => {
      const sentAt = this.officeTime(testDay);
      // The extract holds the year so far.
      const periodTo = Math.min(this.periodEnd, firstOfMonth(testDay) - 1);
      const scale = (periodTo - this.periodStart + 1) / (this.periodEnd - this.periodStart + 1);
      const rejected =
        random.chance(index === 0 && this.epjChanged ? 0.5 : 0.15) && (index < count - 1 || random.chance(0.5));
      this.send(
        'VALIDATION',
        sentAt,
        { ...this.cleanState(), periodTo },
        {
          iplApprec: rejected ? rejectedApprec(random, TEST_REJECTIONS, this.year) : okApprec(random, 'VALIDATION'),
          ideApprec: okApprec(random, 'VALIDATION'),
          ideDelayMs: random.int(1_000, 40_000),
        },
        scale,
      );
    });
    if (this.epjChanged)
      this.noteOn(addWorkingDays(days[0] as Day, 1), NOTE_TEXTS.epjChanged(this.previousEpj.system, this.epj.system));
  }

  /** The day of the first production delivery (null: none), with the extension requests and reminders around it. */
  private productionStart(): Day | null {
    const random = this.random;
    const deadline = this.deadlineDay;
    const reminderDay = addWorkingDays(deadline, 1);
    switch (this.scenario.timing) {
      case 'ON_TIME':
        return this.onTimeDay();
      case 'EXTENSION_GRANTED': {
        const requestDay = workingDayOnOrAfter(deadline - random.int(2, 8));
        const decisionDay = addWorkingDays(requestDay, random.int(1, 3));
        const requested = random.pick([deadline + 16, deadline + 30, deadline + 44]);
        const granted = random.chance(0.75) ? requested : deadline + 16;
        this.extensionRequest(requestDay, requested, 'GRANTED', decisionDay, granted);
        if (random.chance(0.85))
          return workingDayOnOrAfter(random.int(Math.max(decisionDay, deadline + 3), granted - 1));
        return workingDayOnOrAfter(granted + random.int(1, 10));
      }
      case 'EXTENSION_DENIED': {
        const requestDay = workingDayOnOrAfter(deadline - random.int(3, 7));
        const decisionDay = addWorkingDays(requestDay, random.int(1, 2));
        this.extensionRequest(requestDay, deadline + 16, 'DENIED', decisionDay, null);
        if (decisionDay <= deadline && random.chance(0.3)) return deadline;
        return workingDayOnOrAfter(deadline + random.int(1, 8));
      }
      case 'EXTENSION_PENDING': {
        // Asked around the deadline; FHI decides a week later (after the default story clock).
        const requestDay = workingDayOnOrAfter(deadline + random.int(-1, 3));
        const decisionDay = workingDayOnOrAfter(deadline + random.int(6, 8));
        const requested = random.pick([deadline + 16, deadline + 30]);
        this.extensionRequest(requestDay, requested, 'GRANTED', decisionDay, requested);
        return workingDayOnOrAfter(decisionDay + random.int(1, 10));
      }
      case 'LATE': {
        const deliveryDay = workingDayOnOrAfter(deadline + random.int(1, 30));
        if (deliveryDay > reminderDay) this.noteOn(reminderDay, NOTE_TEXTS.reminder(this.year));
        return deliveryDay;
      }
      case 'NEVER':
        this.noteOn(reminderDay, NOTE_TEXTS.reminder(this.year));
        this.noteOn(addWorkingDays(reminderDay, 5), NOTE_TEXTS.secondReminder());
        return null;
    }
  }

  /** Mostly in the first working days of January, with a second peak on the last days before the deadline. */
  private onTimeDay(): Day {
    const candidates: [Day, number][] = [];
    let workingDaysSeen = 0;
    for (let candidate = this.opensDay + 1; candidate <= this.deadlineDay; candidate++) {
      if (!isWorkingDay(candidate)) {
        candidates.push([candidate, 0.3]);
        continue;
      }
      workingDaysSeen++;
      const daysLeft = this.deadlineDay - candidate;
      candidates.push([candidate, daysLeft === 0 ? 12 : daysLeft <= 1 ? 9 : workingDaysSeen <= 5 ? 10 : 6]);
    }
    return this.random.weighted(candidates);
  }

  private extensionRequest(
    requestDay: Day,
    requested: Day,
    outcome: ExtensionStatus,
    decisionDay: Day,
    granted: Day | null,
  ): void {
    const random = this.random;
    const reason: ExtensionReason = this.epjChanged
      ? 'SYSTEM_CHANGE'
      : random.weighted([
          ['TECHNICAL_PROBLEMS', 4],
          ['STAFF_SHORTAGE', 3],
          ['DATA_QUALITY', 3],
          ['SYSTEM_CHANGE', 1],
        ] as const);
    const texts = extensionTexts(reason, { year: this.year, system: this.epj.system });
    this.builder.extensionRequest(random, {
      seasonId: this.seasonId,
      municipalityNumber: this.profile.number,
      requestedDeadline: endOfDay(requested),
      reasonCategory: reason,
      justification: texts.justification,
      plannedFix: texts.plannedFix,
      requestedAt: this.officeTime(requestDay),
      status: outcome,
      grantedDeadline: granted === null ? null : endOfDay(granted),
      decisionNote: granted === null ? NOTE_TEXTS.extensionDenied() : NOTE_TEXTS.extensionGranted(granted),
      decidedAt: this.officeTime(decisionDay),
    });
  }

  // --- production ------------------------------------------------------------------------------

  private cleanState(): DeliveryState {
    const sendsFormer = !usesCurrentNumbers(this.context.season, this.profile);
    return {
      defects: NO_DEFECTS,
      numberAsSent: sendsFormer && this.profile.former ? this.profile.former.number : this.profile.number,
      numberResolved: this.profile.number,
      periodFrom: this.periodStart,
      periodTo: this.periodEnd,
      fhiRemarks: false,
    };
  }

  /** The first production delivery as the extract comes out, errors and all. */
  private firstState(): DeliveryState {
    const random = this.random;
    const kinds = this.defectKinds;
    const { reference } = this.context;
    const state = this.cleanState();
    const expired = expiredCodes(reference, this.year);
    const unlisted = unlistedCodes(reference);
    const changeable = changeableCodes(this.expected, this.context.welfareCodes);
    const persons = this.expected.persons;

    const defects: Defects = {
      testPersons: kinds.has('TEST_PERSONS') ? random.int(1, 4) : 0,
      invalidOrganisationNumbers: kinds.has('INVALID_ORGANISATION_NUMBER') ? random.int(1, 3) : 0,
      expiredCodes:
        kinds.has('EXPIRED_CODE') && expired.length > 0
          ? new Map(
              random
                .shuffle(expired)
                .slice(0, random.int(1, 2))
                .map((code) => [code, random.int(1, 40)]),
            )
          : new Map(),
      unknownCodes:
        kinds.has('UNKNOWN_CODE') && unlisted.length > 0
          ? new Map([[random.pick(unlisted), random.int(1, 15)]])
          : new Map(),
      volumeChange:
        kinds.has('VOLUME_CHANGE') && changeable.length > 0
          ? {
              code: random.pick(changeable),
              factor: random.chance(0.5) ? random.between(0.2, 0.4) : random.between(2.5, 3.5),
            }
          : null,
      welfareFactor: kinds.has('WELFARE_IMPLAUSIBLE')
        ? random.chance(0.5)
          ? random.between(0.15, 0.3)
          : random.between(3.5, 5)
        : null,
      identityShortfall: kinds.has('IDENTITY_SHORTFALL') ? random.int(1, Math.max(1, Math.floor(persons / 3))) : 0,
    };
    if (kinds.has('OLD_NUMBER') && this.profile.former) state.numberAsSent = this.profile.former.number;
    if (kinds.has('UNKNOWN_NUMBER')) {
      state.numberAsSent = this.garbledNumber();
      state.numberResolved = null;
    }
    // A new EPJ often holds data only from the migration; an early extract misses the end of December.
    if (this.epjChanged && random.chance(0.5)) state.periodFrom = day(this.year, random.int(2, 5), 1);
    if (kinds.has('PERIOD_SHORT')) state.periodTo = day(this.year, 12, random.int(1, 20));
    return { ...state, defects, fhiRemarks: kinds.has('FHI_REMARKS') };
  }

  /** The number as a careless extract writes it: without its leading zero, digits swapped, one too many. */
  private garbledNumber(): string {
    const number = this.profile.number;
    const candidates = [
      number.startsWith('0') ? number.slice(1) : null,
      `${number.slice(0, 2)}${number[3]}${number[2]}`,
      `${number}0`,
    ].filter(
      (candidate): candidate is string =>
        candidate !== null &&
        resolveMunicipalityNumber(candidate, this.context.municipalityReference).status === 'UNKNOWN',
    );
    return candidates[0] as string;
  }

  /** Whether the first delivery on `firstDay` is caught by the vendor's wave. */
  private inWave(firstDay: Day): boolean {
    return (
      this.wave !== null &&
      sameInstallation(this.epj, this.wave) &&
      firstDay >= ANNUAL_EPJ_WAVE.from(this.year) &&
      firstDay < ANNUAL_EPJ_WAVE.fixedOn(this.year)
    );
  }

  private production(firstDay: Day): void {
    const random = this.random;
    const state = this.firstState();
    let firstAt = this.officeTime(firstDay);
    const normal = (): Transfer => ({
      iplApprec: okApprec(random, 'PRODUCTION'),
      ideApprec: random.chance(0.01) ? null : okApprec(random, 'PRODUCTION'),
      ideDelayMs: random.int(1_000, 40_000),
    });
    const rejected = (): Transfer => ({
      ...normal(),
      iplApprec: rejectedApprec(random, FAGMELDING_REJECTIONS, this.year),
    });
    const attempts: Attempt[] = [];
    const deliver = (at: Date, transfer: Transfer, deliveryState = state) => {
      const attempt = this.deliverProduction(at, deliveryState, transfer);
      attempts.push(attempt);
      return attempt;
    };

    // The vendor's faulty version: rejected with the same error as every other customer that week, sent again after the fix.
    if (this.inWave(firstDay)) {
      deliver(firstAt, {
        ...normal(),
        iplApprec: {
          delayMs: random.int(MINUTE_MS, 30 * MINUTE_MS),
          status: 'REJECTED',
          errors: [{ code: ANNUAL_EPJ_WAVE.code, freeText: EPJ_WAVE_FREE_TEXT(this.epj.system, this.epj.version) }],
        },
      });
      firstDay = addWorkingDays(ANNUAL_EPJ_WAVE.fixedOn(this.year), random.int(0, 2));
      firstAt = this.officeTime(firstDay);
    }
    switch (this.transmission) {
      case 'CLEAN':
        deliver(firstAt, normal());
        break;
      case 'REJECTED_THEN_RESENT': {
        const first = deliver(firstAt, rejected());
        deliver(this.resendAfter(first.sent.ipl.receivedAt, 0, 3), normal());
        break;
      }
      case 'IDENTITY_REJECTED': {
        const first = deliver(firstAt, {
          ...normal(),
          ideApprec: rejectedApprec(random, IDENTMELDING_REJECTIONS, this.year),
        });
        deliver(this.resendAfter(first.sent.ipl.receivedAt, 1, 3), normal());
        break;
      }
      case 'REJECTED_TWICE': {
        const first = deliver(firstAt, rejected());
        const second = deliver(this.resendAfter(first.sent.ipl.receivedAt, 1, 3), rejected());
        deliver(this.resendAfter(second.sent.ipl.receivedAt, 1, 3), normal());
        break;
      }
      case 'REJECTED_NOT_RESENT': {
        const first = deliver(firstAt, rejected());
        const code = first.plan.iplApprec?.errors[0]?.code ?? 'X99';
        this.noteOn(addWorkingDays(firstDay, 2), NOTE_TEXTS.rejectedNotResent(code));
        break;
      }
      case 'IDE_LATE':
        deliver(firstAt, { ...normal(), ideDelayMs: random.int(20 * HOUR_MS, 144 * HOUR_MS) });
        break;
      case 'IDE_MISSING': {
        const first = deliver(firstAt, { ...normal(), ideDelayMs: null });
        this.noteOn(addWorkingDays(firstDay, 3), NOTE_TEXTS.identityMissing(first.plan.runNumber));
        break;
      }
      case 'APPREC_MISSING':
        deliver(firstAt, { ...normal(), iplApprec: null });
        this.noteOn(addWorkingDays(firstDay, 5), NOTE_TEXTS.apprecMissing());
        break;
      case 'APPREC_LATE':
        deliver(firstAt, { ...normal(), iplApprec: lateApprec(random) });
        break;
      case 'RESENT_BEFORE_APPREC': {
        const first = deliver(firstAt, { ...normal(), iplApprec: random.chance(0.5) ? null : lateApprec(random) });
        const second = deliver(this.resendAfter(first.sent.ipl.receivedAt, 1, 2), normal());
        this.note(this.resendAfter(second.sent.ipl.receivedAt, 1, 1), NOTE_TEXTS.resentBeforeApprec());
        break;
      }
    }
    this.resubmitIfAgreed(attempts, state);
    this.recordFindings(attempts);
  }

  private send(
    environment: DeliveryPlan['environment'],
    sentAt: Date,
    state: DeliveryState,
    transfer: Transfer,
    scale: number,
  ) {
    const random = this.random;
    const content = buildContent(this.expected, state.defects, this.context.welfareCodes, random, scale);
    const plan: DeliveryPlan = {
      environment,
      sentAt,
      ideDelayMs: transfer.ideDelayMs,
      iplApprec: transfer.iplApprec,
      ideApprec: transfer.ideApprec,
      municipalityNumberAsSent: state.numberAsSent,
      municipalityNumber: state.numberResolved,
      epj: this.epj,
      periodFrom: state.periodFrom,
      periodTo: state.periodTo,
      runNumber: String(this.nextRunNumber++),
      content,
    };
    return { plan, sent: this.builder.send(random, this.profile, this.seasonId, plan) };
  }

  private deliverProduction(at: Date, state: DeliveryState, transfer: Transfer): Attempt {
    const random = this.random;
    const wholeYear = this.periodEnd - this.periodStart + 1;
    const scale = Math.min(1, (state.periodTo - state.periodFrom + 1) / wholeYear);
    const { plan, sent } = this.send('PRODUCTION', at, state, transfer, scale);
    const checks = runDeliveryChecks({
      header: {
        municipalityNumberAsSent: plan.municipalityNumberAsSent,
        periodFrom: isoOfDay(plan.periodFrom),
        periodTo: isoOfDay(plan.periodTo),
        epjSystem: plan.epj.system,
        epjVersion: plan.epj.version,
        runNumber: plan.runNumber,
      },
      summary: plan.content.ipl,
      // The KPR_IDE arrives after the KPR_IPL is read; its test persons are checked when it is.
      identity: null,
      season: this.context.seasonPeriod,
      municipalities: this.context.municipalityReference,
      serviceCodes: this.context.reference.serviceCodes,
      previousEpjSystem: this.previousEpjSystem,
      lastYearServicesByCode: this.lastYearServices,
    }).map((finding) => ingestFinding(finding, 'KPR_IPL'));
    if (sent.ide)
      checks.push(...checkTestPersons(plan.content.ide).map((finding) => ingestFinding(finding, 'KPR_IDE')));
    this.previousEpjSystem = plan.epj.system;

    const fhi: FindingSpec[] = [];
    if (transfer.iplApprec?.status !== 'REJECTED') {
      if (state.defects.identityShortfall > 0 && sent.ide) fhi.push(identityMismatchFinding(plan.content));
      if (state.fhiRemarks) fhi.push(...fhiValidationFindings(random, random.int(1, 3), plan.content.ipl.persons));
    }
    // FHI validates accepted deliveries in its early-morning run, one to three days later.
    const fhiAt = osloInstant(osloDayOf(sent.ipl.receivedAt) + random.int(1, 3), random.int(360, 420));
    return { plan, sent, checks, fhi, fhiAt };
  }

  /**
   * Errors in an accepted delivery: most municipalities agree with FHI to resend the whole year,
   * and most resends fix them. An unknown municipality number is always resent.
   */
  private resubmitIfAgreed(attempts: Attempt[], state: DeliveryState): void {
    const random = this.random;
    const last = attempts.at(-1) as Attempt;
    if (last.plan.iplApprec?.status === 'REJECTED') return;
    const findings = [...last.checks, ...last.fhi];
    const unknownNumber = state.numberResolved === null;
    const hasErrors = findings.some((finding) => finding.severity === 'ERROR');
    const hasWarnings = findings.some((finding) => finding.severity === 'WARNING');
    const agreed = unknownNumber || (hasErrors ? random.chance(0.75) : hasWarnings && random.chance(0.15));
    if (!agreed) return;

    const noticed = last.fhi.length > 0 ? last.fhiAt : last.sent.ipl.receivedAt;
    const agreedAt = this.officeTime(addWorkingDays(osloDayOf(noticed), random.int(1, 2)));
    const reasons = [
      ...new Set(
        findings
          .filter((finding) => finding.severity !== 'INFO')
          .map((finding) => {
            const title = (CHECK_FINDING_TITLES as Record<string, string | undefined>)[finding.code];
            return title ? title.charAt(0).toLowerCase() + title.slice(1) : 'funn i FHIs validering';
          }),
      ),
    ].join(', ');
    this.note(
      agreedAt,
      unknownNumber ? NOTE_TEXTS.unknownNumber(state.numberAsSent) : NOTE_TEXTS.resubmissionAgreed(this.year, reasons),
      'RESUBMISSION_AGREED',
    );
    const fixed = random.chance(0.9) ? this.cleanState() : { ...this.cleanState(), defects: state.defects };
    attempts.push(
      this.deliverProduction(this.resendAfter(agreedAt, 1, 5), fixed, {
        iplApprec: okApprec(random, 'PRODUCTION'),
        ideApprec: okApprec(random, 'PRODUCTION'),
        ideDelayMs: random.int(1_000, 40_000),
      }),
    );
  }

  /** Each delivery's findings, resolved when the next delivery supersedes it. */
  private recordFindings(attempts: Attempt[]): void {
    const random = this.random;
    attempts.forEach((attempt, index) => {
      const next = attempts[index + 1];
      for (const spec of attempt.checks) {
        const message = spec.on === 'KPR_IDE' ? attempt.sent.ide : attempt.sent.ipl;
        if (!message) continue;
        const resolvedAt = next
          ? spec.on === 'KPR_IDE'
            ? (next.sent.ide?.receivedAt ?? null)
            : next.sent.ipl.receivedAt
          : null;
        const detectedAt = addMilliseconds(message.receivedAt, random.int(500, 5_000));
        this.builder.finding(random, this.target(message), spec, detectedAt, resolvedAt);
      }
      // A delivery superseded before FHI's run is not validated.
      if (next && next.sent.ipl.receivedAt.getTime() <= attempt.fhiAt.getTime()) return;
      for (const spec of attempt.fhi) {
        this.builder.finding(
          random,
          this.target(attempt.sent.ipl),
          spec,
          attempt.fhiAt,
          next?.sent.ipl.receivedAt ?? null,
        );
      }
    });
  }

  private target(message: SentDelivery['ipl']) {
    return { seasonId: this.seasonId, municipalityNumber: this.profile.number, message };
  }
}
