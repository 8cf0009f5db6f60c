/**
 * The shapes the status views share: what the data module answers (the overview, one
 * municipality's page, its timeline) and what the pure faces (table model, timeline texts, query,
 * exports) read. Types and pure conversions only, so that the browser and the rules may use them.
 */
import type { Severity } from '../../core/severity';
import type { KeyFigureCounts } from './key-figures';
import type {
  ApprecErrorInput,
  ApprecStatus,
  ChecklistItem,
  DeliveryFigures,
  DeliveryFlag,
  DeliveryState,
  ExtensionStatus,
  FlagCode,
  MessageInput,
  SeasonInput,
} from './types';

export interface StatusQuery {
  /** The season key; the latest annual season when absent. */
  seasonKey?: string;
  asOf: Date;
}

export interface StatusSeasonSummary {
  key: string;
  name: string;
  kind: 'ANNUAL' | 'DAILY';
  deadline: Date;
}

/** One municipality's derived status: what the overview table, the worklist and the API show. */
export interface MunicipalityStatusRow {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DeliveryState;
  flags: DeliveryFlag[];
  figures: DeliveryFigures;
}

/** The overview's key figures (lib/status/rules/key-figures.ts): the same counts the weekly report compares week by week. */
export type StatusKeyFigures = KeyFigureCounts;

/** Share of municipalities with an accepted delivery by the end of each Oslo day, this and last season. */
export interface CumulativeDeliveryPoint {
  date: string;
  share: number;
  /** The previous season on the same day relative to its deadline; null without a previous season. */
  previousShare: number | null;
}

export interface PreviousSeasonComparisonSummary {
  season: StatusSeasonSummary;
  /** The instant in the previous season that corresponds to `asOf` (same distance to the deadline). */
  asOf: Date;
  /** Municipalities with «Godkjent levering» by then (lib/status/rules/key-figures.ts). */
  accepted: number;
  /** Municipalities in the state DELIVERED by then. */
  delivered: number;
  total: number;
}

export interface StatusOverviewSummary {
  season: StatusSeasonSummary;
  asOf: Date;
  keyFigures: StatusKeyFigures;
  previous: PreviousSeasonComparisonSummary | null;
  cumulative: CumulativeDeliveryPoint[];
  /** Sorted by municipality number. */
  rows: MunicipalityStatusRow[];
}

export type TimelineEntry =
  | {
      kind: 'MESSAGE';
      at: Date;
      msgId: string;
      type: MessageInput['type'];
      environment: MessageInput['environment'];
      runNumber: string | null;
      epjSystem: string | null;
    }
  | {
      kind: 'APPREC';
      at: Date;
      apprecId: string;
      originalMsgId: string;
      status: ApprecStatus;
      errors: ApprecErrorInput[];
    }
  | {
      kind: 'FINDING';
      at: Date;
      msgId: string | null;
      code: string;
      severity: Severity;
      message: string;
      count: number;
      resolvedAt: Date | null;
    }
  | { kind: 'EXTENSION_REQUESTED'; at: Date; requestedDeadline: Date }
  | { kind: 'EXTENSION_DECIDED'; at: Date; status: ExtensionStatus; grantedDeadline: Date | null }
  | { kind: 'RESUBMISSION_AGREED'; at: Date }
  | {
      kind: 'TRANSPORT_ERROR';
      at: Date;
      /** errorCondition as sent; the timeline says it in Norwegian. */
      condition: string;
      /** The MsgId of the message it concerns, or of the message the Apprec it concerns answers. */
      msgId: string;
      /** The Apprec's Id when it concerns an Apprec to the municipality. */
      apprecId: string | null;
    };

/** The previous season as it ended, and as it stood at the same distance to its deadline. */
export interface PreviousSeasonStatusSummary {
  season: StatusSeasonSummary;
  state: DeliveryState;
  stateAtSameDate: DeliveryState;
  sameDate: Date;
  flags: FlagCode[];
  figures: DeliveryFigures;
}

export interface MunicipalityStatusDetail extends MunicipalityStatusRow {
  officialName: string;
  season: StatusSeasonSummary;
  asOf: Date;
  checklist: ChecklistItem[];
  /** Every event known at `asOf`, newest first. */
  timeline: TimelineEntry[];
  previous: PreviousSeasonStatusSummary | null;
}

/** A season as the database holds it (what the data module reads, and what follow-up derives deadlines from). */
export interface SeasonRow {
  id: string;
  key: string;
  name: string;
  kind: SeasonInput['kind'];
  periodStart: Date;
  periodEnd: Date;
  opensAt: Date;
  deadline: Date;
  apprecOverdueHours: number;
  extensionAdviceWorkingDays: number;
  extensionPendingAlertWorkingDays: number;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A season row as the engine takes it. */
export function seasonInput(season: SeasonRow): SeasonInput {
  return {
    key: season.key,
    kind: season.kind,
    periodStart: isoDate(season.periodStart),
    periodEnd: isoDate(season.periodEnd),
    opensAt: season.opensAt,
    deadline: season.deadline,
    apprecOverdueHours: season.apprecOverdueHours,
    extensionAdviceWorkingDays: season.extensionAdviceWorkingDays,
    extensionPendingAlertWorkingDays: season.extensionPendingAlertWorkingDays,
  };
}

export function seasonSummary(season: SeasonRow): StatusSeasonSummary {
  return { key: season.key, name: season.name, kind: season.kind, deadline: season.deadline };
}
