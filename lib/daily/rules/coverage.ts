/**
 * Coverage of days, not counting of messages (domain.md §9): each accepted production KPR_IPL
 * (with its KPR_IDE where the season requires it) covers the days of its period; a rejected one
 * covers none; a catch-up covering a week fills that week, each day on time or late by its own
 * grace; test traffic (KPR Validering) is a lane of its own and covers nothing.
 */
import type { DailyRules } from './config';
import { dayNumber, osloDayOf, seasonDays, type DayNumber } from './days';
import type { DailyApprecStatus, DailyEvents, DailyMessageInput, DayStatus } from './types';

/** One production delivery: its KPR_IPL, the KPR_IDE with the same run number, and their Apprecs. */
export interface DailyDelivery {
  ipl: DailyMessageInput;
  ide: DailyMessageInput | null;
  iplApprec: DailyApprecStatus | null;
  ideApprec: DailyApprecStatus | null;
  /** Its period clipped to the season, as day numbers; null when the fagmelding gave none. */
  from: DayNumber | null;
  to: DayNumber | null;
  /** Positive Apprec on the KPR_IPL (and its KPR_IDE received, not rejected, where required). */
  accepted: boolean;
  rejected: boolean;
  /** When the delivery was whole: the KPR_IPL's receipt, or the later KPR_IDE's where required. */
  completeAt: Date;
}

const positive = (status: DailyApprecStatus | null) => status === 'OK' || status === 'OK_WITH_ERRORS';

/**
 * The season's production deliveries, oldest first, each paired with its KPR_IDE and Apprecs. One
 * pass over the messages, instants compared as numbers (this runs for every municipality on
 * every derive of the overview).
 */
export function productionDeliveries(
  events: DailyEvents,
  season: { periodStart: string; periodEnd: string },
  rules: Pick<DailyRules, 'ideRequired'>,
): DailyDelivery[] {
  const apprecs = new Map<string, DailyApprecStatus>();
  for (const apprec of events.apprecs) apprecs.set(apprec.originalMsgId, apprec.status);
  const ides = new Map<string, DailyMessageInput>();
  const ipls: DailyMessageInput[] = [];
  let latest = -Infinity;
  let inOrder = true;
  for (const message of events.messages) {
    if (message.environment !== 'PRODUCTION') continue;
    if (message.type === 'KPR_IPL') {
      const at = message.receivedAt.getTime();
      if (at < latest) inOrder = false;
      else latest = at;
      ipls.push(message);
    } else if (message.runNumber) {
      // A resend of the same run replaces the identmelding that was rejected.
      const earlier = ides.get(message.runNumber);
      if (!earlier || apprecs.get(earlier.msgId) === 'REJECTED') ides.set(message.runNumber, message);
    }
  }
  // The loader reads them in order of receipt; sort only what is not.
  if (!inOrder) ipls.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const start = dayNumber(season.periodStart);
  const end = dayNumber(season.periodEnd);
  const deliveries: DailyDelivery[] = new Array(ipls.length);
  for (let index = 0; index < ipls.length; index++) {
    const ipl = ipls[index]!;
    const ide = ipl.runNumber ? (ides.get(ipl.runNumber) ?? null) : null;
    const iplApprec = apprecs.get(ipl.msgId) ?? null;
    const ideApprec = ide ? (apprecs.get(ide.msgId) ?? null) : null;
    const ideOk = !rules.ideRequired || (ide !== null && ideApprec !== 'REJECTED');
    let from: DayNumber | null = null;
    let to: DayNumber | null = null;
    if (ipl.periodFrom && ipl.periodTo) {
      const clippedFrom = Math.max(dayNumber(ipl.periodFrom), start);
      const clippedTo = Math.min(dayNumber(ipl.periodTo), end);
      if (clippedFrom <= clippedTo) {
        from = clippedFrom;
        to = clippedTo;
      }
    }
    deliveries[index] = {
      ipl,
      ide,
      iplApprec,
      ideApprec,
      from,
      to,
      accepted: positive(iplApprec) && ideOk,
      rejected: iplApprec === 'REJECTED' || (rules.ideRequired && ideApprec === 'REJECTED'),
      completeAt:
        rules.ideRequired && ide && ide.receivedAt.getTime() > ipl.receivedAt.getTime()
          ? ide.receivedAt
          : ipl.receivedAt,
    };
  }
  return deliveries;
}

/**
 * The KPR_IPL lane, one status per day from the season's first day to its last, at `asOf`.
 * The day's coverage is the earliest accepted delivery covering it; on time when that delivery was
 * whole by the day's grace instant.
 */
export function dayStatuses(
  deliveries: readonly DailyDelivery[],
  season: { periodStart: string; periodEnd: string },
  rules: DailyRules,
  asOf: Date,
): DayStatus[] {
  const start = dayNumber(season.periodStart);
  const end = dayNumber(season.periodEnd);
  const today = osloDayOf(asOf);
  // The earliest instant an accepted delivery covering the day was whole (Infinity: none).
  const coveredAt = new Float64Array(end - start + 1).fill(Infinity);
  const rejected = new Uint8Array(end - start + 1);
  for (const delivery of deliveries) {
    if (delivery.from === null || delivery.to === null) continue;
    const at = delivery.completeAt.getTime();
    for (let day = delivery.from; day <= delivery.to; day++) {
      const index = day - start;
      if (delivery.accepted) {
        if (at < coveredAt[index]!) coveredAt[index] = at;
      } else if (delivery.rejected) rejected[index] = 1;
    }
  }
  const table = seasonDays(season, rules);
  const asOfMs = asOf.getTime();
  const statuses: DayStatus[] = new Array(end - start + 1);
  for (let day = start; day <= end; day++) {
    const index = day - start;
    const covered = coveredAt[index]!;
    if (day > today) statuses[index] = 'FUTURE';
    else if (covered !== Infinity) statuses[index] = covered <= table.dueMs[index]! ? 'ON_TIME' : 'LATE';
    else if (rejected[index]) statuses[index] = 'REJECTED';
    else if (!table.expected[index]) statuses[index] = 'NOT_EXPECTED';
    else statuses[index] = table.dueMs[index]! <= asOfMs ? 'MISSING' : 'NOT_DUE';
  }
  return statuses;
}

export const isCovered = (status: DayStatus | undefined) => status === 'ON_TIME' || status === 'LATE';
