/**
 * The stored weekly reports: storing a report with its files (once per season and week), and
 * reading a stored report back as report content (always of every municipality; the caller cuts it
 * to the actor's scope).
 */
import 'server-only';
import type { Actor } from '@/lib/access';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import {
  changeCount,
  weeklyReportContent,
  type WeeklyChanges,
  type WeeklyReport,
  type WeeklyReportContent,
  type WeeklySnapshot,
} from '@/lib/reports/rules/weekly-report';
import type { ReportFileContent } from '../files';

/** What storing a report did: a new week, the same bytes again, or different files than before (late data). */
export type SaveOutcome = 'CREATED' | 'UNCHANGED' | 'REPLACED';

/**
 * Stores the report's snapshot, changes and files for its season and week. Building a week again
 * gives the same bytes and changes nothing (UNCHANGED); if the files differ (data that arrived
 * later for that week), they are replaced and `replacedAt` says when (REPLACED), never silently.
 * Only a report of every municipality is stored: a municipal contact's is cut from it on demand.
 */
export async function saveWeeklyReport(
  actor: Actor,
  report: WeeklyReport,
  files: readonly ReportFileContent[],
  now: Date = new Date(),
): Promise<{ id: string; outcome: SaveOutcome }> {
  if (report.scope !== 'ALL') throw new Error('only a report of every municipality is stored');
  const { snapshot } = report;
  const weekStart = new Date(`${snapshot.weekStart}T00:00:00Z`);
  return db(actor).$transaction(async (tx) => {
    const season = await tx.season.findUniqueOrThrow({ where: { key: snapshot.season.key }, select: { id: true } });
    const existing = await tx.weeklyReport.findUnique({
      where: { seasonId_weekStart: { seasonId: season.id, weekStart } },
      select: { id: true, files: { select: { format: true, sha256: true } } },
    });
    const stored = new Map(existing?.files.map((file) => [file.format, file.sha256]));
    const same = existing !== null && files.every((file) => stored.get(file.format) === file.sha256);
    if (existing && same) return { id: existing.id, outcome: 'UNCHANGED' as const };
    const data = {
      asOf: new Date(snapshot.asOf),
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      since: new Date(report.since),
      changes: report.changes as unknown as Prisma.InputJsonValue,
      changeCount: changeCount(report.changes),
    };
    const { id } = existing
      ? await tx.weeklyReport.update({
          where: { id: existing.id },
          data: { ...data, replacedAt: now },
          select: { id: true },
        })
      : await tx.weeklyReport.create({ data: { seasonId: season.id, weekStart, ...data }, select: { id: true } });
    for (const { format, fileName, contentType, content, sha256 } of files) {
      const file = { fileName, contentType, content: new Uint8Array(content), sha256 };
      await tx.reportFile.upsert({
        where: { reportId_format: { reportId: id, format } },
        create: { reportId: id, format, ...file },
        update: file,
      });
    }
    return { id, outcome: existing ? ('REPLACED' as const) : ('CREATED' as const) };
  });
}

/** A stored report's columns that make up its content. */
export const STORED_CONTENT = { snapshot: true, since: true, changes: true } as const;

/** The content of a stored report (every municipality), as it was built. */
export function storedReportContent(stored: {
  snapshot: Prisma.JsonValue;
  since: Date;
  changes: Prisma.JsonValue;
}): WeeklyReportContent {
  return weeklyReportContent(
    stored.snapshot as unknown as WeeklySnapshot,
    stored.since.toISOString(),
    stored.changes as unknown as WeeklyChanges,
  );
}

/**
 * The content of the stored report `id` (of every municipality, as it was built), or of the
 * latest stored week when `id` is null; null when there is no such report.
 */
export async function readStoredWeeklyReport(actor: Actor, id: string | null): Promise<WeeklyReportContent | null> {
  const stored = id
    ? await db(actor).weeklyReport.findUnique({ where: { id }, select: STORED_CONTENT })
    : await db(actor).weeklyReport.findFirst({
        orderBy: [{ weekStart: 'desc' }, { id: 'desc' }],
        select: STORED_CONTENT,
      });
  return stored && storedReportContent(stored);
}
