/**
 * The daily state of one municipality at an instant, in the annual engine's style: a state, the
 * flags it rests on (with evidence), days since the last accepted delivery, the current streak and
 * the reporting rate and timeliness over the last 7 and 30 days and the season so far.
 */
import { dayStatuses, isCovered, productionDeliveries, type DailyDelivery } from './coverage';
import { isoOfDay, osloDayOf, seasonDays, workingDaysAfter, type DayNumber, type SeasonDays } from './days';
import { expectedDaysIn, median } from './episodes';
import type {
  DailyEvents,
  DailyFlag,
  DailyRates,
  DailySeasonInput,
  DailyState,
  DailyStateResult,
  DayStatus,
  RateCounts,
  WindowRates,
} from './types';

/** The flags that make a state, strongest first. */
const STATE_ORDER: readonly (DailyState & DailyFlag['code'])[] = ['REJECTING', 'SILENT', 'VOLUME_DROP', 'LAGGING'];

export function deriveDailyState(season: DailySeasonInput, events: DailyEvents, asOf: Date): DailyStateResult {
  return deriveDailyStateAndDays(season, events, asOf).result;
}

/** The state and the KPR_IPL lane's day statuses it rests on (the overview's national series reads them). */
export function deriveDailyStateAndDays(
  season: DailySeasonInput,
  events: DailyEvents,
  asOf: Date,
): { result: DailyStateResult; statuses: DayStatus[] } {
  const { rules } = season;
  const deliveries = productionDeliveries(events, season, rules);
  const statuses = dayStatuses(deliveries, season, rules, asOf);
  const table = seasonDays(season, rules);
  const { start, end } = table;
  const today = osloDayOf(asOf);
  let testMessages = 0;
  for (const message of events.messages) if (message.environment === 'VALIDATION') testMessages++;

  const lastDue = lastDueDay(table, Math.min(today, end), asOf);
  const first = deliveries[0];
  const firstDay = first ? (first.from ?? Math.max(start, osloDayOf(first.ipl.receivedAt))) : null;
  const accepted = deliveries.filter((delivery) => delivery.accepted);
  const lastAccepted = accepted.at(-1) ?? null;
  const rates = dailyRates(statuses, table, lastDue, firstDay);

  const base = {
    daysSinceLastAccepted: lastAccepted ? today - osloDayOf(lastAccepted.completeAt) : null,
    lastAcceptedAt: lastAccepted?.completeAt ?? null,
    streak: lastDue === null ? 0 : streak(statuses, table, lastDue),
    firstDeliveryDay: firstDay === null ? null : isoOfDay(firstDay),
    lastDueDay: lastDue === null ? null : isoOfDay(lastDue),
    rates,
    productionDeliveries: deliveries.length,
    testMessages,
  };
  if (!first || firstDay === null) {
    return { result: { ...base, state: testMessages > 0 ? 'ONLY_TESTING' : 'NOT_STARTED', flags: [] }, statuses };
  }

  const flags = [
    rejectionRun(deliveries, rules.rejectionRun),
    silence(lastAccepted ?? first, today, rules.silenceWorkingDays, lastAccepted === null),
    volumeDrop(accepted, rules, table),
    lagging(
      statuses,
      start,
      lastDue,
      Math.max(firstDay, lastDue === null ? firstDay : lastDue - rules.lagWindowDays + 1),
    ),
    missingIdentmelding(deliveries, rules.ideRequired),
  ].filter((flag): flag is DailyFlag => flag !== null);
  const state = STATE_ORDER.find((code) => flags.some((flag) => flag.code === code)) ?? 'ACTIVE';
  return { result: { ...base, state, flags }, statuses };
}

/** The last expected day up to `until` whose grace has passed at `asOf`. */
function lastDueDay(table: SeasonDays, until: DayNumber, asOf: Date): DayNumber | null {
  const asOfMs = asOf.getTime();
  for (let day = until; day >= table.start; day--) {
    const index = day - table.start;
    if (table.expected[index] && table.dueMs[index]! <= asOfMs) return day;
  }
  return null;
}

function streak(statuses: readonly DayStatus[], table: SeasonDays, lastDue: DayNumber): number {
  let count = 0;
  for (let day = lastDue; day >= table.start; day--) {
    if (!table.expected[day - table.start]) continue;
    if (!isCovered(statuses[day - table.start])) break;
    count++;
  }
  return count;
}

/** Counts over the expected days from `from` to the last day due. */
function counts(
  statuses: readonly DayStatus[],
  table: SeasonDays,
  from: DayNumber,
  lastDue: DayNumber | null,
): RateCounts {
  const result = { expected: 0, covered: 0, onTime: 0 };
  if (lastDue === null) return result;
  for (let day = Math.max(from, table.start); day <= lastDue; day++) {
    if (!table.expected[day - table.start]) continue;
    const status = statuses[day - table.start];
    result.expected++;
    if (isCovered(status)) result.covered++;
    if (status === 'ON_TIME') result.onTime++;
  }
  return result;
}

function dailyRates(
  statuses: readonly DayStatus[],
  table: SeasonDays,
  lastDue: DayNumber | null,
  firstDay: DayNumber | null,
): DailyRates {
  const window = (from: DayNumber): WindowRates => ({
    fromRequirement: counts(statuses, table, from, lastDue),
    fromFirstDelivery:
      firstDay === null
        ? { expected: 0, covered: 0, onTime: 0 }
        : counts(statuses, table, Math.max(from, firstDay), lastDue),
  });
  const anchor = lastDue ?? table.start;
  return { last7: window(anchor - 6), last30: window(anchor - 29), season: window(table.start) };
}

/** The latest `run` deliveries with a final Apprec all rejected (read back from the latest). */
function rejectionRun(deliveries: readonly DailyDelivery[], run: number): DailyFlag | null {
  const latest: DailyDelivery[] = [];
  let count = 0;
  let since: Date | null = null;
  for (let index = deliveries.length - 1; index >= 0; index--) {
    const delivery = deliveries[index]!;
    if (delivery.iplApprec === null && delivery.ideApprec === null) continue;
    if (!delivery.rejected) break;
    if (latest.length < run) latest.unshift(delivery);
    count++;
    since = delivery.ipl.receivedAt;
  }
  if (latest.length < run || since === null) return null;
  return { code: 'REJECTING', evidence: { count, msgIds: latest.map((delivery) => delivery.ipl.msgId), since } };
}

/** Working days since the last accepted delivery (or, with none accepted, since the first one was sent). */
function silence(
  reference: DailyDelivery,
  today: DayNumber,
  threshold: number,
  noneAccepted: boolean,
): DailyFlag | null {
  const since = noneAccepted ? reference.ipl.receivedAt : reference.completeAt;
  const quiet = workingDaysAfter(osloDayOf(since), today);
  if (quiet < threshold) return null;
  return { code: 'SILENT', evidence: { count: quiet, since, msgIds: [reference.ipl.msgId] } };
}

/**
 * The latest accepted delivery's persons per expected day it covers below `percent` of the median
 * of the `baseline` accepted deliveries before it (per expected day, so Monday's run covering the
 * weekend and a week's catch-up compare fairly). `since` is when the episode began: the first of
 * the low deliveries in a row up to the latest, each low against its own baseline (a reminder goes
 * out once per episode; an accepted delivery back at volume ends it).
 */
function volumeDrop(
  accepted: readonly DailyDelivery[],
  rules: DailySeasonInput['rules'],
  table: SeasonDays,
): DailyFlag | null {
  const { volumeDropPercent: percent, volumeBaselineDeliveries: baseline } = rules;
  // Accepted deliveries with persons and a period, read back from the latest only as far as needed, oldest first.
  const perDay: { delivery: DailyDelivery; value: number }[] = [];
  let next = accepted.length - 1;
  const readBack = (count: number) => {
    for (; next >= 0 && perDay.length < count; next--) {
      const delivery = accepted[next]!;
      if (delivery.ipl.persons === null || delivery.from === null || delivery.to === null) continue;
      perDay.unshift({ delivery, value: delivery.ipl.persons / expectedDaysIn(delivery, table) });
    }
  };
  const referenceAt = (index: number) => median(perDay.slice(index - baseline, index).map((entry) => entry.value));
  const isLow = (index: number, reference = referenceAt(index)) =>
    reference > 0 && perDay[index]!.value < (reference * percent) / 100;
  readBack(baseline + 1);
  if (perDay.length < baseline + 1) return null;
  const reference = referenceAt(baseline);
  if (!isLow(baseline, reference)) return null;
  // A drop: back over the low deliveries in a row, each against its own baseline, for the episode's start.
  readBack(Infinity);
  const last = perDay.length - 1;
  let first = last;
  while (first - 1 >= baseline && isLow(first - 1)) first--;
  const latest = perDay[last]!;
  return {
    code: 'VOLUME_DROP',
    evidence: {
      value: Math.round(latest.value * 10) / 10,
      baseline: Math.round(reference * 10) / 10,
      msgIds: [latest.delivery.ipl.msgId],
      since: perDay[first]!.delivery.ipl.receivedAt,
    },
  };
}

/** Expected days due in the window (from the first delivery on) that are missing or only rejected. */
function lagging(
  statuses: readonly DayStatus[],
  start: DayNumber,
  lastDue: DayNumber | null,
  from: DayNumber,
): DailyFlag | null {
  if (lastDue === null) return null;
  const days: string[] = [];
  for (let day = from; day <= lastDue; day++) {
    const status = statuses[day - start];
    if (status === 'MISSING' || status === 'REJECTED') days.push(isoOfDay(day));
  }
  return days.length ? { code: 'LAGGING', evidence: { count: days.length, days } } : null;
}

/** The latest delivery's identmelding has not arrived (a day needs it where the season says so). */
function missingIdentmelding(deliveries: readonly DailyDelivery[], required: boolean): DailyFlag | null {
  const latest = deliveries.at(-1);
  if (!required || !latest || latest.ide || latest.rejected) return null;
  return { code: 'NO_IDE', evidence: { msgIds: [latest.ipl.msgId], since: latest.ipl.receivedAt } };
}

/** Sums of counts (a county, the country); a rate is covered ÷ expected, null without expected days. */
export function sumCounts(rows: readonly RateCounts[]): RateCounts {
  return rows.reduce(
    (sum, row) => ({
      expected: sum.expected + row.expected,
      covered: sum.covered + row.covered,
      onTime: sum.onTime + row.onTime,
    }),
    { expected: 0, covered: 0, onTime: 0 },
  );
}

export const reportingRate = (counts: RateCounts): number | null =>
  counts.expected ? counts.covered / counts.expected : null;
export const timeliness = (counts: RateCounts): number | null =>
  counts.expected ? counts.onTime / counts.expected : null;
