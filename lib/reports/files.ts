/** The weekly report's three files (lib/reports/data/store.ts stores them with the report). */
import 'server-only';
import { createHash } from 'node:crypto';
import type { ReportFormat } from '@/lib/reports/rules/archive';
import type { WeeklyReport } from '@/lib/reports/rules/weekly-report';
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
