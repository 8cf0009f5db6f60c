/**
 * The weekly report: where every municipality in scope stood at the end of a week, and what
 * changed since the previous snapshot. Pure: snapshots are plain JSON (stored as
 * `WeeklyReport.snapshot`), with instants as ISO strings.
 *
 * A week runs Monday 00:00 to Sunday 24:00 on the Oslo wall clock (167 hours in the week clocks
 * go forward, 169 in the week they go back); it is named by its Monday, `weekStart`.
 */
import { addDays, format, isMonday, parseISO, startOfISOWeek } from 'date-fns';
import { endOfOsloDay, isIsoDate, osloDate } from '../../core/calendar';
import { EXTENSION_STATUS_LABELS } from '../../follow-up/labels';
import { FLAG_LABELS, keyFigureLabel } from '../../status/labels';
import {
  countKeyFigures,
  isKeyFigureCounts,
  KEY_FIGURE_KEYS,
  keyFigureCount,
  type KeyFigureCounts,
  type KeyFigureKey,
} from '../../status/rules/key-figures';
import type { DeliveryState, ExtensionStatus, FlagCode } from '../../status/rules/types';
import {
  compareDailySnapshots,
  dailyChangeCount,
  scopeDaily,
  type DailyChanges,
  type SnapshotDaily,
} from './weekly-daily';
import type { ReportEpjSection } from './epj-section';

export { countKeyFigures, type KeyFigureCounts } from '../../status/rules/key-figures';

/**
 * 3: with the daily season's section (`daily`). 2 had key figures per state, measure and flag
 * (lib/status/rules/key-figures.ts) but no daily section; 1 counted a mix of them.
 */
export const WEEKLY_SNAPSHOT_VERSION = 3;

/** An extension request as known at the snapshot's instant (a later decision is not known yet). */
export interface SnapshotExtension {
  requestedAt: string;
  requestedDeadline: string;
  /** PENDING until a decision made by the snapshot's instant. */
  status: ExtensionStatus;
  decidedAt: string | null;
  grantedDeadline: string | null;
}

/** One municipality's status in a snapshot; never identities or message contents. */
export interface SnapshotMunicipality {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  state: DeliveryState;
  /** Most urgent first. */
  flags: FlagCode[];
  effectiveDeadline: string;
  extensionGranted: boolean;
  /** Whether the first accepted delivery was sent by the effective deadline; null while there is none. */
  deliveredOnTime: boolean | null;
  firstAcceptedAt: string | null;
  /** When the latest production message was received. */
  lastSentAt: string | null;
  /** Oldest first. */
  extensions: SnapshotExtension[];
}

export interface SnapshotSeason {
  key: string;
  name: string;
}

export interface WeeklySnapshot {
  /** Stored snapshots of versions 1 and 2 are read too: their key figures are counted again from their rows, and they have no daily section. */
  version: typeof WEEKLY_SNAPSHOT_VERSION | 2 | 1;
  season: SnapshotSeason & { deadline: string };
  /** Monday of the week, 'YYYY-MM-DD'. */
  weekStart: string;
  /** The instant described: the end of the week's Sunday in Oslo. */
  asOf: string;
  keyFigures: KeyFigureCounts;
  /** The previous season at the same distance to its deadline, for the same municipalities. */
  lastSeason: { season: SnapshotSeason; asOf: string; keyFigures: KeyFigureCounts } | null;
  /** Sorted by number. */
  municipalities: SnapshotMunicipality[];
  /** The daily season that ran in the week, at the same instant; null when none did. */
  daily: SnapshotDaily | null;
  /** EPJ patterns of the four weeks up to `asOf` (rules/epj-section.ts); absent in a contact's share and in older snapshots. */
  epj?: ReportEpjSection | null;
}

// ---------------------------------------------------------------------------------------------
// Weeks

export interface ReportWeek {
  /** Monday, 'YYYY-MM-DD'. */
  weekStart: string;
  /** Sunday, 'YYYY-MM-DD'. */
  weekEnd: string;
  /** Monday 00:00 in Oslo. */
  start: Date;
  /** The last millisecond of Sunday in Oslo. */
  end: Date;
}

const isoDay = (day: Date) => format(day, 'yyyy-MM-dd');
const shiftDays = (isoDate: string, days: number) => isoDay(addDays(parseISO(isoDate), days));

/** The week starting on the Monday `weekStart`; throws unless it is a Monday written 'YYYY-MM-DD'. */
export function reportWeek(weekStart: string): ReportWeek {
  if (!isIsoDate(weekStart) || !isMonday(parseISO(weekStart))) {
    throw new RangeError(`expected a Monday written YYYY-MM-DD, got "${weekStart}"`);
  }
  const weekEnd = shiftDays(weekStart, 6);
  return {
    weekStart,
    weekEnd,
    start: new Date(endOfOsloDay(shiftDays(weekStart, -1)).getTime() + 1),
    end: endOfOsloDay(weekEnd),
  };
}

/** The Monday of the Oslo week the instant falls in. */
export function weekStartOf(instant: Date): string {
  return isoDay(startOfISOWeek(parseISO(osloDate(instant))));
}

/** The Monday of the week before. */
export function previousWeekStart(weekStart: string): string {
  reportWeek(weekStart);
  return shiftDays(weekStart, -7);
}

// ---------------------------------------------------------------------------------------------
// Changes

export interface ExtensionChange {
  municipality: SnapshotMunicipality;
  extension: SnapshotExtension;
}

export interface WeeklyChanges {
  newlyDelivered: SnapshotMunicipality[];
  /** Rejected now, and not before or on another delivery than before. */
  newlyRejected: SnapshotMunicipality[];
  /** Per flag, the municipalities that have it now and did not before. */
  flagsRaised: Record<FlagCode, SnapshotMunicipality[]>;
  /** Per flag, the municipalities that had it before and no longer do. */
  flagsCleared: Record<FlagCode, SnapshotMunicipality[]>;
  extensionsRequested: ExtensionChange[];
  extensionsDecided: ExtensionChange[];
  stillNotStarted: SnapshotMunicipality[];
  /** The daily season's changes; null when no daily season ran in the week. */
  daily: DailyChanges | null;
}

export interface KeyFigure {
  group: KeyFigureKey['group'];
  key: KeyFigureKey['key'];
  label: string;
  count: number;
  /** Of the municipalities in scope, 0–1. */
  share: number;
  lastSeasonCount: number | null;
  lastSeasonShare: number | null;
}

/** Which week's report: of the season `seasonKey` (the latest annual season when absent). */
export interface WeeklyReportQuery {
  seasonKey?: string;
  /** Monday of the week, 'YYYY-MM-DD'. */
  weekStart: string;
}

export interface WeeklyReportContent {
  snapshot: WeeklySnapshot;
  week: ReportWeek;
  /** Changes are counted after this instant: the previous snapshot's, or the end of the week before without one. */
  since: string;
  changes: WeeklyChanges;
  keyFigures: KeyFigure[];
  /** Whether anything at all changed (still not started does not count). */
  hasChanges: boolean;
}

/** A report as built: of every municipality (stored), or cut down to a municipal contact's own (never stored). */
export interface WeeklyReport extends WeeklyReportContent {
  scope: 'ALL' | 'OWN_MUNICIPALITIES';
}

/** Flags in the order the report lists them (most urgent first). */
export const REPORT_FLAG_ORDER: readonly FlagCode[] = [
  'OVERDUE',
  'MUST_RESUBMIT',
  'APPREC_MISSING',
  'TRANSPORT_ERROR',
  'SHOULD_APPLY_FOR_EXTENSION',
  'RESENT_BEFORE_APPREC',
  'EXTENSION_PENDING',
];

const byFlag = () =>
  Object.fromEntries(REPORT_FLAG_ORDER.map((code) => [code, []])) as unknown as Record<
    FlagCode,
    SnapshotMunicipality[]
  >;

const within = (instant: string | null, after: number, until: number): instant is string =>
  instant !== null && Date.parse(instant) > after && Date.parse(instant) <= until;

/** The key figures of a snapshot, counted from its rows (so a snapshot of an earlier version reads the same way). */
function keyFiguresOf(snapshot: WeeklySnapshot): KeyFigure[] {
  const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
  const counts = countKeyFigures(snapshot.municipalities);
  const stored = snapshot.lastSeason?.keyFigures;
  const last = isKeyFigureCounts(stored) ? stored : null;
  return KEY_FIGURE_KEYS.map((figure) => {
    const count = keyFigureCount(counts, figure);
    const lastCount = last && keyFigureCount(last, figure);
    return {
      group: figure.group,
      key: figure.key,
      label: keyFigureLabel(figure),
      count,
      share: share(count, counts.total),
      lastSeasonCount: lastCount,
      lastSeasonShare: last && lastCount !== null ? share(lastCount, last.total) : null,
    };
  });
}

/**
 * What changed between `previous` and `current` (municipalities matched by number; one missing
 * from `previous` counts as not started, unflagged). Without a previous snapshot the baseline is
 * an empty season as the week began. Extension requests and decisions count when made after the
 * previous snapshot's instant (or the week's start) and by the current one.
 */
export function compareWeeklySnapshots(current: WeeklySnapshot, previous: WeeklySnapshot | null): WeeklyReportContent {
  const week = reportWeek(current.weekStart);
  const since = previous?.asOf ?? new Date(week.start.getTime() - 1).toISOString();
  const after = Date.parse(since);
  const until = Date.parse(current.asOf);
  const before = new Map((previous?.municipalities ?? []).map((row) => [row.number, row]));
  const changes: WeeklyChanges = {
    newlyDelivered: [],
    newlyRejected: [],
    flagsRaised: byFlag(),
    flagsCleared: byFlag(),
    extensionsRequested: [],
    extensionsDecided: [],
    stillNotStarted: [],
    daily:
      current.daily &&
      compareDailySnapshots(
        current.daily,
        previous?.daily?.season.key === current.daily.season.key ? previous.daily : null,
      ),
  };
  for (const row of current.municipalities) {
    const old = before.get(row.number);
    if (row.state === 'DELIVERED' && old?.state !== 'DELIVERED') changes.newlyDelivered.push(row);
    if (row.state === 'REJECTED' && (old?.state !== 'REJECTED' || old.lastSentAt !== row.lastSentAt))
      changes.newlyRejected.push(row);
    if (row.state === 'NOT_STARTED') changes.stillNotStarted.push(row);
    const oldFlags = new Set(old?.flags ?? []);
    const newFlags = new Set(row.flags);
    for (const code of REPORT_FLAG_ORDER) {
      if (newFlags.has(code) && !oldFlags.has(code)) changes.flagsRaised[code].push(row);
      if (oldFlags.has(code) && !newFlags.has(code)) changes.flagsCleared[code].push(row);
    }
    for (const extension of row.extensions) {
      if (within(extension.requestedAt, after, until))
        changes.extensionsRequested.push({ municipality: row, extension });
      if (extension.status !== 'PENDING' && within(extension.decidedAt, after, until))
        changes.extensionsDecided.push({ municipality: row, extension });
    }
  }
  return weeklyReportContent(current, since, changes);
}

/** The report of a snapshot and its changes since `since` (as stored, or as just compared). */
export function weeklyReportContent(
  snapshot: WeeklySnapshot,
  since: string,
  changes: WeeklyChanges,
): WeeklyReportContent {
  // A report stored before the daily section (snapshot versions 1 and 2) has none.
  const withDaily = { ...changes, daily: changes.daily ?? null };
  return {
    snapshot: { ...snapshot, daily: snapshot.daily ?? null },
    week: reportWeek(snapshot.weekStart),
    since,
    changes: withDaily,
    keyFigures: keyFiguresOf(snapshot),
    hasChanges: changeCount(withDaily) > 0,
  };
}

/** Municipalities with the same most urgent flag: one group of the report's «who needs follow-up». */
export interface FollowUpGroup {
  flag: FlagCode;
  /** By number. */
  municipalities: SnapshotMunicipality[];
}

/**
 * Who needs follow-up: every flagged municipality once, under its most urgent flag (a snapshot
 * row's first), the groups in the report's flag order (REPORT_FLAG_ORDER, any other flag after).
 */
export function followUpGroups(municipalities: readonly SnapshotMunicipality[]): FollowUpGroup[] {
  const groups = new Map<FlagCode, SnapshotMunicipality[]>();
  for (const row of [...municipalities].sort((a, b) => a.number.localeCompare(b.number))) {
    const flag = row.flags[0];
    if (flag) groups.set(flag, [...(groups.get(flag) ?? []), row]);
  }
  const rank = (flag: FlagCode) => {
    const index = REPORT_FLAG_ORDER.indexOf(flag);
    return index === -1 ? REPORT_FLAG_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([flag, rows]) => ({ flag, municipalities: rows }));
}

/** How many changes the report lists (still not started does not count). */
export function changeCount(changes: WeeklyChanges): number {
  return (
    changes.newlyDelivered.length +
    changes.newlyRejected.length +
    REPORT_FLAG_ORDER.reduce(
      (sum, code) => sum + changes.flagsRaised[code].length + changes.flagsCleared[code].length,
      0,
    ) +
    changes.extensionsRequested.length +
    changes.extensionsDecided.length +
    dailyChangeCount(changes.daily ?? null)
  );
}

/**
 * The report cut down to the municipalities in `numbers` (a municipal contact's share of a stored
 * report): their rows, their changes and key figures counted over them only. Last season's
 * figures are left out: the stored snapshot holds them for every municipality together only.
 */
export function scopeWeeklyReport(report: WeeklyReportContent, numbers: ReadonlySet<string>): WeeklyReportContent {
  const keep = (row: SnapshotMunicipality) => numbers.has(row.number);
  const keepChange = (change: ExtensionChange) => keep(change.municipality);
  const municipalities = report.snapshot.municipalities.filter(keep);
  const { changes } = report;
  const perFlag = (lists: Record<FlagCode, SnapshotMunicipality[]>) =>
    Object.fromEntries(Object.entries(lists).map(([code, rows]) => [code, rows.filter(keep)])) as Record<
      FlagCode,
      SnapshotMunicipality[]
    >;
  const daily = report.snapshot.daily && changes.daily && scopeDaily(report.snapshot.daily, changes.daily, numbers);
  const snapshot: WeeklySnapshot = {
    ...report.snapshot,
    keyFigures: countKeyFigures(municipalities),
    lastSeason: null,
    epj: null,
    municipalities,
    daily: daily ? daily.daily : null,
  };
  return weeklyReportContent(snapshot, report.since, {
    newlyDelivered: changes.newlyDelivered.filter(keep),
    newlyRejected: changes.newlyRejected.filter(keep),
    flagsRaised: perFlag(changes.flagsRaised),
    flagsCleared: perFlag(changes.flagsCleared),
    extensionsRequested: changes.extensionsRequested.filter(keepChange),
    extensionsDecided: changes.extensionsDecided.filter(keepChange),
    stillNotStarted: changes.stillNotStarted.filter(keep),
    daily: daily ? daily.changes : null,
  });
}

// ---------------------------------------------------------------------------------------------
// Changes as rows (the report's list of changes)

export type ChangeKind =
  | 'DELIVERED'
  | 'REJECTED'
  | 'FLAG_RAISED'
  | 'FLAG_CLEARED'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_DECIDED'
  | 'NOT_STARTED';

export interface ChangeRow {
  kind: ChangeKind;
  municipality: SnapshotMunicipality;
  /** What exactly, in Norwegian (the flag, the decision); empty when the kind says it all. */
  detail: string;
  /** When it happened, where one instant says so. */
  at: string | null;
  /** The deadline asked for or granted (extensions only). */
  deadline: string | null;
}

/** Every change as one row, in the report's order: by kind, then by municipality number. */
export function changeRows(changes: WeeklyChanges): ChangeRow[] {
  const row = (
    kind: ChangeKind,
    municipality: SnapshotMunicipality,
    detail = '',
    at: string | null = null,
    deadline: string | null = null,
  ): ChangeRow => ({
    kind,
    municipality,
    detail,
    at,
    deadline,
  });
  return [
    ...changes.newlyDelivered.map((municipality) => row('DELIVERED', municipality, '', municipality.lastSentAt)),
    ...changes.newlyRejected.map((municipality) => row('REJECTED', municipality, '', municipality.lastSentAt)),
    ...REPORT_FLAG_ORDER.flatMap((code) =>
      changes.flagsRaised[code].map((municipality) => row('FLAG_RAISED', municipality, FLAG_LABELS[code])),
    ),
    ...REPORT_FLAG_ORDER.flatMap((code) =>
      changes.flagsCleared[code].map((municipality) => row('FLAG_CLEARED', municipality, FLAG_LABELS[code])),
    ),
    ...changes.extensionsRequested.map(({ municipality, extension }) =>
      row('EXTENSION_REQUESTED', municipality, '', extension.requestedAt, extension.requestedDeadline),
    ),
    ...changes.extensionsDecided.map(({ municipality, extension }) =>
      row(
        'EXTENSION_DECIDED',
        municipality,
        EXTENSION_STATUS_LABELS[extension.status],
        extension.decidedAt,
        extension.grantedDeadline,
      ),
    ),
    ...changes.stillNotStarted.map((municipality) => row('NOT_STARTED', municipality)),
  ];
}
