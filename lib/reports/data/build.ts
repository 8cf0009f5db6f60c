/**
 * Builds the weekly report: the snapshot of every municipality in the actor's scope at the end of
 * the week (derived by the status capability), the previous week's snapshot (stored, else derived)
 * and what changed in between. Deterministic: the same events give the same report.
 *
 * Reads plain SQL (`sql` from lib/db/sql, never lib/db) and never loads Prisma: the weekly report's
 * own process builds it (lib/reports/report-process.ts), on that process's pool, and ends the pool
 * with `closeReportDatabase` when it is done.
 */
import 'server-only';
import { municipalityScope, type Actor } from '@/lib/access/rules/actor';
import { closeAppPool, sql } from '@/lib/db/sql';
import { deriveStatusOverview } from '@/lib/status';
import type { MunicipalityStatusRow } from '@/lib/status/rules';
import { getDailyOverview, listSeasons } from '@/lib/daily';
import { dayNumber, isoOfDay } from '@/lib/daily/rules';
import { snapshotDailyRow, type SnapshotDaily } from '@/lib/reports/rules/weekly-daily';
import {
  compareWeeklySnapshots,
  previousWeekStart,
  reportWeek,
  WEEKLY_SNAPSHOT_VERSION,
  type SnapshotExtension,
  type SnapshotMunicipality,
  type WeeklyReport,
  type WeeklyReportQuery,
  type WeeklySnapshot,
} from '@/lib/reports/rules/weekly-report';
import { epjSectionOf } from './epj-section';

/**
 * The season's extension requests of `numbers` known at `asOf`, as they stood then (a decision made
 * later is not known yet). lib/status/data/status has no list of them across municipalities.
 */
async function listExtensionsAt(
  actor: Actor,
  seasonKey: string,
  numbers: readonly string[],
  asOf: Date,
): Promise<Map<string, SnapshotExtension[]>> {
  const requests = await sql(actor).query<{
    municipalityNumber: string;
    requestedAt: Date;
    requestedDeadline: Date;
    status: SnapshotExtension['status'];
    decidedAt: Date | null;
    grantedDeadline: Date | null;
  }>(
    `SELECT r.municipality_number AS "municipalityNumber", r.requested_at AS "requestedAt", r.requested_deadline AS "requestedDeadline",
       r.status, r.decided_at AS "decidedAt", r.granted_deadline AS "grantedDeadline"
     FROM extension_request r JOIN season s ON s.id = r.season_id
     WHERE s.key = $1 AND r.municipality_number = ANY($2::text[]) AND r.requested_at <= $3
     ORDER BY r.requested_at, r.id`,
    [seasonKey, numbers, asOf],
  );
  const byMunicipality = new Map<string, SnapshotExtension[]>();
  for (const request of requests) {
    const decided = request.status !== 'PENDING' && request.decidedAt !== null && request.decidedAt <= asOf;
    const list = byMunicipality.get(request.municipalityNumber) ?? [];
    list.push({
      requestedAt: request.requestedAt.toISOString(),
      requestedDeadline: request.requestedDeadline.toISOString(),
      status: decided ? request.status : 'PENDING',
      decidedAt: decided ? request.decidedAt!.toISOString() : null,
      grantedDeadline: decided && request.grantedDeadline ? request.grantedDeadline.toISOString() : null,
    });
    byMunicipality.set(request.municipalityNumber, list);
  }
  return byMunicipality;
}

function snapshotRow(row: MunicipalityStatusRow, extensions: SnapshotExtension[]): SnapshotMunicipality {
  const { figures } = row;
  return {
    number: row.number,
    name: row.name,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    state: row.state,
    flags: row.flags.map((flag) => flag.code),
    effectiveDeadline: figures.effectiveDeadline.toISOString(),
    extensionGranted: figures.extensionGranted,
    deliveredOnTime: figures.deliveredOnTime,
    firstAcceptedAt: figures.firstAcceptedAt?.toISOString() ?? null,
    lastSentAt: figures.latestProductionMessage?.receivedAt.toISOString() ?? null,
    extensions,
  };
}

/**
 * Where the actor's municipalities stood in the daily season that ran in the week, at its end;
 * null when none did. The rates count the seven days up to the last day whose grace had passed.
 */
async function dailySnapshotOf(actor: Actor, weekStart: string, asOf: Date): Promise<SnapshotDaily | null> {
  const week = reportWeek(weekStart);
  const season = (await listSeasons(actor)).find(
    (candidate) =>
      candidate.kind === 'DAILY' &&
      candidate.opensAt <= asOf &&
      candidate.periodStart <= week.end &&
      candidate.periodEnd >= week.start,
  );
  if (!season) return null;
  const overview = await getDailyOverview(actor, { seasonKey: season.key, asOf });
  if (!overview) return null;
  const lastDue = overview.rows.find((row) => row.lastDueDay !== null)?.lastDueDay ?? null;
  return {
    season: { key: overview.season.key, name: overview.season.name },
    window: lastDue === null ? null : { from: isoOfDay(dayNumber(lastDue) - 6), to: lastDue },
    municipalities: overview.rows.map(snapshotDailyRow),
  };
}

/** Where the actor's municipalities stood at the end of the week; null when the season does not exist. */
async function snapshotOf(
  actor: Actor,
  seasonKey: string | undefined,
  weekStart: string,
): Promise<WeeklySnapshot | null> {
  const asOf = reportWeek(weekStart).end;
  const overview = await deriveStatusOverview(actor, { seasonKey, asOf });
  if (!overview) return null;
  const numbers = overview.rows.map((row) => row.number);
  const [extensions, lastSeason, daily, epj] = await Promise.all([
    listExtensionsAt(actor, overview.season.key, numbers, asOf),
    overview.previous &&
      deriveStatusOverview(actor, { seasonKey: overview.previous.season.key, asOf: overview.previous.asOf }),
    dailySnapshotOf(actor, weekStart, asOf),
    // The EPJ patterns compare every municipality with the rest: only in a report of all of them.
    municipalityScope(actor).all ? epjSectionOf(actor, weekStart) : null,
  ]);
  return {
    version: WEEKLY_SNAPSHOT_VERSION,
    season: { key: overview.season.key, name: overview.season.name, deadline: overview.season.deadline.toISOString() },
    weekStart,
    asOf: asOf.toISOString(),
    keyFigures: overview.keyFigures,
    lastSeason: lastSeason && {
      season: { key: lastSeason.season.key, name: lastSeason.season.name },
      asOf: lastSeason.asOf.toISOString(),
      keyFigures: lastSeason.keyFigures,
    },
    municipalities: overview.rows.map((row) => snapshotRow(row, extensions.get(row.number) ?? [])),
    daily,
    epj,
  };
}

/** The stored snapshot of a week (always of every municipality), cut down to `numbers`. */
async function storedSnapshot(
  actor: Actor,
  seasonKey: string,
  weekStart: string,
  numbers: ReadonlySet<string>,
): Promise<WeeklySnapshot | null> {
  const [stored] = await sql(actor).query<{ snapshot: WeeklySnapshot }>(
    `SELECT w.snapshot FROM weekly_report w JOIN season s ON s.id = w.season_id WHERE s.key = $1 AND w.week_start = $2::date`,
    [seasonKey, weekStart],
  );
  const snapshot = stored?.snapshot;
  // A snapshot of an earlier version lacks the daily section: the previous week is derived instead.
  if (!snapshot || snapshot.version !== WEEKLY_SNAPSHOT_VERSION) return null;
  return { ...snapshot, municipalities: snapshot.municipalities.filter((row) => numbers.has(row.number)) };
}

/**
 * The weekly report of `seasonKey` (the latest annual season when absent) for the week starting
 * `weekStart`, within the actor's scope (of every municipality for FHI and the report's own
 * process); null when the season does not exist. The previous week's stored snapshot is the
 * baseline when there is one, else the previous week is derived.
 */
export async function buildWeeklyReport(actor: Actor, query: WeeklyReportQuery): Promise<WeeklyReport | null> {
  const { seasonKey, weekStart } = query;
  const current = await snapshotOf(actor, seasonKey, weekStart);
  if (!current) return null;
  const previousStart = previousWeekStart(weekStart);
  const numbers = new Set(current.municipalities.map((row) => row.number));
  const stored = await storedSnapshot(actor, current.season.key, previousStart, numbers);
  const previous = stored ?? (await snapshotOf(actor, current.season.key, previousStart));
  return {
    ...compareWeeklySnapshots(current, previous),
    scope: municipalityScope(actor).all ? 'ALL' : 'OWN_MUNICIPALITIES',
  };
}

/** Ends this process's database pool: the report's own process calls it once it has built the report. */
export async function closeReportDatabase(): Promise<void> {
  await closeAppPool();
}
