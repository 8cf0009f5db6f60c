/**
 * Making the weekly report of every municipality and storing it (the scheduled job and FHI's
 * "create now" both come here), and reading a stored report back as report content.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@/lib/auth/viewer-types';
import { findSeason } from '@/lib/dal/status-overview';
import { db, sql } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { weeklyReportContent, type WeeklyChanges, type WeeklyReportContent, type WeeklySnapshot } from '@/lib/domain/weekly-report';
import { buildWeeklyReport } from './build';
import { saveWeeklyReport, type SaveOutcome } from './files';

/**
 * Who the report is derived as: every municipality, like FHI. Never a signed-in person or an API
 * key, so nothing is audited in its name (the person who asked for the report is audited instead).
 */
const reportBuildViewer = (): Viewer => ({
  userId: null,
  apiKeyId: null,
  name: 'Ukerapport',
  role: 'FHI_STAFF',
  municipalityNumbers: [],
  sessionId: null,
  requestId: `weekly-report-${randomUUID()}`,
});

export interface GeneratedReport {
  id: string;
  seasonKey: string;
  weekStart: string;
  outcome: SaveOutcome;
  hasChanges: boolean;
}

/**
 * Builds the report of `weekStart` for the season `seasonKey` (the latest annual season when
 * absent) and stores it; null when the season does not exist. Building a week again stores
 * nothing new (the same bytes); different files replace the old ones and say so.
 */
export async function generateWeeklyReport(seasonKey: string | undefined, weekStart: string, now: Date = new Date()): Promise<GeneratedReport | null> {
  const season = await findSeason(sql(), seasonKey);
  if (!season) return null;
  const report = await buildWeeklyReport(sql(), { seasonKey: season.key, weekStart, viewer: reportBuildViewer() });
  if (!report) return null;
  const { id, outcome } = await saveWeeklyReport(db(), report, now);
  return { id, seasonKey: season.key, weekStart, outcome, hasChanges: report.hasChanges };
}

/** A stored report's columns that make up its content. */
export const STORED_CONTENT = { snapshot: true, since: true, changes: true } as const;

/** The content of a stored report (every municipality), as it was built. */
export function storedReportContent(stored: { snapshot: Prisma.JsonValue; since: Date; changes: Prisma.JsonValue }): WeeklyReportContent {
  return weeklyReportContent(stored.snapshot as unknown as WeeklySnapshot, stored.since.toISOString(), stored.changes as unknown as WeeklyChanges);
}
