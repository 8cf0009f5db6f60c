/**
 * The weekly report's own process: builds the report of every municipality for one week and
 * renders its three files, then hands them to the process that started it (lib/reports/
 * run-report-process.ts), which stores them. It reads the database through the data module's plain
 * SQL on this process's own small pool (DATABASE_URL and DATABASE_POOL_SIZE, which the starting
 * process sets) and never loads Prisma, whose client and WebAssembly query compiler would take some
 * 100 MB; the web server keeps none of the report's memory either. It acts as the weekly report's
 * system actor: nothing is audited in its name (the person who asked for the report is audited).
 *
 * Runs as JavaScript bundled by scripts/bundle-report-process.ts, never imported by the app.
 */
import { systemActor } from '@/lib/access/rules/actor';
import { peakMemory } from '@/lib/core/peak-memory';
import { buildWeeklyReport, closeReportDatabase } from './data/build';
import { renderWeeklyReportFile } from './files';
import type { ReportProcessReply, ReportProcessRequest } from './run-report-process';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function run(request: ReportProcessRequest): Promise<ReportProcessReply> {
  const actor = systemActor('weekly-report');
  try {
    const [report, buildMs] = await timed(() => buildWeeklyReport(actor, request));
    if (!report) return { built: null };
    // One after the other: each file's garbage can go before the next is written.
    const [xlsx, xlsxMs] = await timed(() => renderWeeklyReportFile(report, 'XLSX'));
    const [csv, csvMs] = await timed(() => renderWeeklyReportFile(report, 'CSV'));
    const [pdf, pdfMs] = await timed(() => renderWeeklyReportFile(report, 'PDF'));
    return {
      built: { report, files: [xlsx, csv, pdf], figures: { buildMs, xlsxMs, csvMs, pdfMs, peakMemory: peakMemory() } },
    };
  } finally {
    await closeReportDatabase();
  }
}

const send = (reply: ReportProcessReply) =>
  new Promise<void>((resolve, reject) =>
    process.send!(reply, (error: Error | null) => (error ? reject(error) : resolve())),
  );

if (!process.send)
  throw new Error(
    'The report process is started by runReportProcess (lib/reports/run-report-process.ts), with an IPC channel.',
  );
try {
  await send(await run(JSON.parse(process.argv[2] ?? '{}') as ReportProcessRequest));
} catch (error) {
  await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
} finally {
  // Still connected unless the starting process went away.
  if (process.connected) process.disconnect();
}
