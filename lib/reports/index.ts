/**
 * The reports capability's door for server code: the archive of weekly reports (list, download,
 * create on demand, subscribe, the mail's deliveries), exports of what a screen shows, the weekly
 * report's jobs and its own process. Every data function takes the actor first. What the report
 * holds and compares is in rules/; its words in labels.ts.
 */
import 'server-only';

export {
  auditExport,
  createWeeklyReport,
  getReportSubscription,
  getWeeklyReportFile,
  listReportDeliveries,
  listReportSeasons,
  listWeeklyReports,
  setReportSubscription,
  type CreateReportResult,
} from './data/archive';
export { readStoredWeeklyReport, saveWeeklyReport } from './data/store';
export type { GeneratedReport } from './generate';
export { registerWeeklyReportJobs, WEEKLY_REPORT_QUEUE, type WeeklyReportJob } from './jobs';
export {
  downloadResponse,
  exportFormatSchema,
  exportMunicipality,
  exportOverview,
  notFoundResponse,
  overviewExportOf,
  type ExportFile,
  type ExportFormat,
} from './exports';
export { REPORT_PROCESS_FLAGS, runReportProcess, type BuiltReport } from './run-report-process';
export { csvStream } from './csv';
export { municipalityTable } from './tables';
