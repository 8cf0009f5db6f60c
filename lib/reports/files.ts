/** The weekly report's three files, and storing a report with its files (once per season and week). */
import 'server-only';
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';
import type { Prisma, ReportFormat } from '@/lib/db/generated/client';
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

const FORMATS: Record<ReportFormat, { extension: string; contentType: string; write: (report: WeeklyReport) => Promise<Buffer> }> = {
  XLSX: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeWeeklyReportXlsx },
  CSV: { extension: 'csv', contentType: 'text/csv; charset=utf-8', write: writeWeeklyReportCsv },
  PDF: { extension: 'pdf', contentType: 'application/pdf', write: writeWeeklyReportPdf },
};

/** The report as XLSX, CSV and PDF; the same report always gives the same bytes. */
export async function renderWeeklyReportFiles(report: WeeklyReport): Promise<ReportFileContent[]> {
  return Promise.all(
    (Object.keys(FORMATS) as ReportFormat[]).map(async (format) => {
      const { extension, contentType, write } = FORMATS[format];
      const content = await write(report);
      return {
        format,
        fileName: `${reportFileBaseName(report)}.${extension}`,
        contentType,
        content,
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    }),
  );
}

/**
 * Stores the report's snapshot and files, replacing what was stored for the same season and week.
 * Only a report of every municipality is stored: a municipal contact's report is built on demand.
 */
export async function saveWeeklyReport(prisma: PrismaClient, report: WeeklyReport): Promise<{ id: string; files: ReportFileContent[] }> {
  if (report.scope !== 'ALL') throw new Error('only a report of every municipality is stored');
  const files = await renderWeeklyReportFiles(report);
  const { snapshot } = report;
  const id = await prisma.$transaction(async (tx) => {
    const season = await tx.season.findUniqueOrThrow({ where: { key: snapshot.season.key }, select: { id: true } });
    const data = { asOf: new Date(snapshot.asOf), snapshot: snapshot as unknown as Prisma.InputJsonValue };
    const stored = await tx.weeklyReport.upsert({
      where: { seasonId_weekStart: { seasonId: season.id, weekStart: new Date(`${snapshot.weekStart}T00:00:00Z`) } },
      create: { seasonId: season.id, weekStart: new Date(`${snapshot.weekStart}T00:00:00Z`), ...data },
      update: data,
      select: { id: true },
    });
    for (const { format, fileName, contentType, content, sha256 } of files) {
      const file = { fileName, contentType, content: new Uint8Array(content), sha256 };
      await tx.reportFile.upsert({
        where: { reportId_format: { reportId: stored.id, format } },
        create: { reportId: stored.id, format, ...file },
        update: file,
      });
    }
    return stored.id;
  });
  return { id, files };
}
