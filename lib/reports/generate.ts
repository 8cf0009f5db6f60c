/**
 * Making the weekly report of every municipality and storing it (the scheduled job and FHI's
 * "create now" both come here), and reading a stored report back as report content.
 */
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import {
  weeklyReportContent,
  type WeeklyChanges,
  type WeeklyReportContent,
  type WeeklySnapshot,
} from '@/lib/reports/rules/weekly-report';
import { saveWeeklyReport, type SaveOutcome } from './files';
import { runReportProcess, type ReportProcessFigures } from './run-report-process';

export interface GeneratedReport {
  id: string;
  seasonKey: string;
  weekStart: string;
  outcome: SaveOutcome;
  hasChanges: boolean;
  /** What building it took in the report process. */
  figures: ReportProcessFigures;
}

/**
 * Builds the report of `weekStart` for the season `seasonKey` (the latest annual season when
 * absent) in the report process and stores it; null when the season does not exist. Building a
 * week again stores nothing new (the same bytes); different files replace the old ones and say so.
 */
export async function generateWeeklyReport(
  seasonKey: string | undefined,
  weekStart: string,
  now: Date = new Date(),
): Promise<GeneratedReport | null> {
  const built = await runReportProcess({ seasonKey, weekStart });
  if (!built) return null;
  const { report, files, figures } = built;
  const { id, outcome } = await saveWeeklyReport(db(), report, files, now);
  return { id, seasonKey: report.snapshot.season.key, weekStart, outcome, hasChanges: report.hasChanges, figures };
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
