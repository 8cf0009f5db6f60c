/**
 * What the daily engine reads and what it answers. Inputs are the events as stored (a message's
 * metadata and aggregates, never a KPR_IDE payload); answers are codes and figures, worded in
 * lib/daily/labels.ts.
 */
import type { DailyRules } from './config';

export type DailyApprecStatus = 'OK' | 'REJECTED' | 'OK_WITH_ERRORS';

export interface DailyMessageInput {
  msgId: string;
  type: 'KPR_IPL' | 'KPR_IDE';
  environment: 'PRODUCTION' | 'VALIDATION';
  receivedAt: Date;
  /** iiFraDato / iiTilDato as 'YYYY-MM-DD' (a KPR_IDE has none). */
  periodFrom: string | null;
  periodTo: string | null;
  /** iiLopenr: the same in a delivery's KPR_IPL and KPR_IDE. */
  runNumber: string | null;
  /** Persons in the fagmelding (content summary), for the volume rule. */
  persons: number | null;
}

export interface DailyApprecInput {
  originalMsgId: string;
  status: DailyApprecStatus;
  receivedAt: Date;
}

export interface DailySeasonInput {
  key: string;
  name: string;
  /** 'YYYY-MM-DD' */
  periodStart: string;
  periodEnd: string;
  rules: DailyRules;
}

export interface DailyEvents {
  /** Messages and Apprecs known at `asOf` (the loader leaves out later ones), any order. */
  messages: readonly DailyMessageInput[];
  apprecs: readonly DailyApprecInput[];
}

/** What a day is for the KPR_IPL lane. */
export type DayStatus =
  | 'ON_TIME'
  | 'LATE'
  /** Only rejected deliveries covered it. */
  | 'REJECTED'
  /** Expected, due, and not covered. */
  | 'MISSING'
  /** Expected, not yet due and not yet covered. */
  | 'NOT_DUE'
  | 'NOT_EXPECTED'
  /** After the day `asOf` falls on. */
  | 'FUTURE';

export type IdeLaneStatus = 'RECEIVED' | 'REJECTED' | 'MISSING' | 'NONE';
export type ApprecLaneStatus = 'OK' | 'REJECTED' | 'AWAITING' | 'NONE';

export type DailyState = 'NOT_STARTED' | 'ONLY_TESTING' | 'ACTIVE' | 'LAGGING' | 'SILENT' | 'REJECTING' | 'VOLUME_DROP';
export type DailyFlagCode = 'LAGGING' | 'SILENT' | 'REJECTING' | 'VOLUME_DROP' | 'NO_IDE';

export interface DailyFlag {
  code: DailyFlagCode;
  /** What the flag rests on: message ids, days and figures (worded by labels.ts). */
  evidence: {
    msgIds?: string[];
    days?: string[];
    count?: number;
    value?: number;
    baseline?: number;
    since?: Date;
  };
}

/** Counts behind a rate: expected days, covered days, days covered on time. */
export interface RateCounts {
  expected: number;
  covered: number;
  onTime: number;
}

/** A window's counts from the requirement (1 January) and from the municipality's first daily delivery. */
export interface WindowRates {
  fromRequirement: RateCounts;
  fromFirstDelivery: RateCounts;
}

export interface DailyRates {
  last7: WindowRates;
  last30: WindowRates;
  season: WindowRates;
}

export interface DailyStateResult {
  state: DailyState;
  flags: DailyFlag[];
  daysSinceLastAccepted: number | null;
  lastAcceptedAt: Date | null;
  /** Expected days covered in a row, back from the last day due. */
  streak: number;
  /** The first day the first production delivery covered (or its receipt day), 'YYYY-MM-DD'. */
  firstDeliveryDay: string | null;
  /** The last expected day whose grace has passed at `asOf`. */
  lastDueDay: string | null;
  rates: DailyRates;
  productionDeliveries: number;
  testMessages: number;
}

export interface DayCell {
  date: string;
  expected: boolean;
  ipl: DayStatus;
  ide: IdeLaneStatus;
  apprec: ApprecLaneStatus;
  /** Test traffic (KPR Validering) covering or received on this day: its own lane, covers nothing. */
  test: number;
}
