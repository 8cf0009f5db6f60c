/** The weekly report's three files, and storing a report with its files (once per season and week). */
import 'server-only';
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';
import type { Prisma, ReportFormat } from '@/lib/db/generated/client';
import { changeCount } from '@/lib/reports/rules/weekly-report';
import type { WeeklyReport } from './build';
import { writeWeeklyReportCsv } from './csv';
import { writeWeeklyReportPdf } from './pdf';
import { reportFileBaseName } from './tables';
import { writeWeeklyReportXlsx } from './xlsx';

export interface ReportFileContent {
  format: ReportFormat;
  fileName: string;
  contentType: string;
  content: Buffer;
  /** SHA-256 of the content, hex. */
  sha256: string;
}

const FORMATS: Record<
  ReportFormat,
  { extension: string; contentType: string; write: (report: WeeklyReport) => Promise<Buffer> }
> = {
  XLSX: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: writeWeeklyReportXlsx,
  },
  CSV: { extension: 'csv', contentType: 'text/csv; charset=utf-8', write: writeWeeklyReportCsv },
  PDF: { extension: 'pdf', contentType: 'application/pdf', write: writeWeeklyReportPdf },
};

/** The report in one format; the same report always gives the same bytes. */
export async function renderWeeklyReportFile(report: WeeklyReport, format: ReportFormat): Promise<ReportFileContent> {
  const { extension, contentType, write } = FORMATS[format];
  const content = await write(report);
  const suffix = report.scope === 'ALL' ? '' : `-${report.snapshot.municipalities.map((row) => row.number).join('-')}`;
  return {
    format,
    fileName: `${reportFileBaseName(report)}${suffix}.${extension}`,
    contentType,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** The report as XLSX, CSV and PDF. */
export function renderWeeklyReportFiles(report: WeeklyReport): Promise<ReportFileContent[]> {
  return Promise.all((Object.keys(FORMATS) as ReportFormat[]).map((format) => renderWeeklyReportFile(report, format)));
}

/** What storing a report did: a new week, the same bytes again, or different files than before (late data). */
export type SaveOutcome = 'CREATED' | 'UNCHANGED' | 'REPLACED';

/**
 * Stores the report's snapshot, changes and files (renderWeeklyReportFiles) for its season and week. Building a week again
 * gives the same bytes and changes nothing (UNCHANGED); if the files differ (data that arrived
 * later for that week), they are replaced and `replacedAt` says when (REPLACED), never silently.
 * Only a report of every municipality is stored: a municipal contact's is cut from it on demand.
 */
export async function saveWeeklyReport(
  prisma: PrismaClient,
  report: WeeklyReport,
  files: readonly ReportFileContent[],
  now: Date = new Date(),
): Promise<{ id: string; outcome: SaveOutcome }> {
  if (report.scope !== 'ALL') throw new Error('only a report of every municipality is stored');
  const { snapshot } = report;
  const weekStart = new Date(`${snapshot.weekStart}T00:00:00Z`);
  return prisma.$transaction(async (tx) => {
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
