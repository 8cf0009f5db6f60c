/**
 * Making the weekly report of every municipality and storing it: the scheduled job and FHI's
 * "create now" both come here. The report is built in its own process (run-report-process.ts) and
 * stored by the data module.
 */
import 'server-only';
import type { Actor } from '@/lib/access';
import type { WeeklyReportQuery } from '@/lib/reports/rules/weekly-report';
import { saveWeeklyReport, type SaveOutcome } from './data/store';
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
 * Builds the report of `query.weekStart` for the season `query.seasonKey` (the latest annual
 * season when absent) in the report process and stores it as `actor`; null when the season does
 * not exist. Building a week again stores nothing new (the same bytes); different files replace
 * the old ones and say so.
 */
export async function generateWeeklyReport(
  actor: Actor,
  query: WeeklyReportQuery,
  now: Date = new Date(),
): Promise<GeneratedReport | null> {
  const built = await runReportProcess(query);
  if (!built) return null;
  const { report, files, figures } = built;
  const { id, outcome } = await saveWeeklyReport(actor, report, files, now);
  const { weekStart } = query;
  return { id, seasonKey: report.snapshot.season.key, weekStart, outcome, hasChanges: report.hasChanges, figures };
}
