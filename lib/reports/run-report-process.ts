/**
 * Starts the weekly report's own process (lib/reports/report-process.ts, bundled into
 * dist/report-process.mjs by `npm run build` and `npm run dev`) and takes the report and its
 * files from it. The report is built there, not in the web server: that process never loads
 * Prisma, and its memory is capped and gone when it exits.
 */
import 'server-only';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { childEnvironment } from '@/lib/core/env';
import type { WeeklyReport, WeeklyReportQuery } from '@/lib/reports/rules/weekly-report';
import type { ReportFileContent } from './files';

/** Which week's report: always of every municipality, as FHI see it. */
export type ReportProcessRequest = WeeklyReportQuery;

/** How long each step took in the report process, and its peak resident memory (null where unknown). */
export interface ReportProcessFigures {
  buildMs: number;
  xlsxMs: number;
  csvMs: number;
  pdfMs: number;
  peakMemory: number | null;
}

export interface BuiltReport {
  report: WeeklyReport;
  /** XLSX, CSV and PDF. */
  files: ReportFileContent[];
  figures: ReportProcessFigures;
}

/** What the report process sends back: null when the season does not exist. */
export type ReportProcessReply = { built: BuiltReport | null } | { error: string };

export const REPORT_PROCESS_SCRIPT = path.join(process.cwd(), 'dist', 'report-process.mjs');

/**
 * The report process's V8 heap: young-generation semi-spaces of 1 MB and an old space of 128 MB,
 * so that garbage is collected as it comes instead of letting resident memory grow (a PDF
 * otherwise leaves some 100 MB of it). The report of 357 municipalities keeps far less alive.
 */
export const REPORT_PROCESS_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=1'] as const;

/** Connections of the report process's pool: it reads a season's events in a handful of queries at once. */
const REPORT_PROCESS_POOL_SIZE = 4;

const TIMEOUT_MS = 5 * 60_000;

export interface ReportProcessOptions {
  /** Replace REPORT_PROCESS_FLAGS (the benchmark compares). */
  v8Flags?: readonly string[];
  /** The database to read, when not this process's DATABASE_URL (a benchmark's own database). */
  databaseUrl?: string;
}

/**
 * Builds the report of every municipality in the report process; null when the season does not
 * exist. The process reads the database on a pool of its own (DATABASE_POOL_SIZE set for it).
 */
export function runReportProcess(
  request: ReportProcessRequest,
  { v8Flags = REPORT_PROCESS_FLAGS, databaseUrl }: ReportProcessOptions = {},
): Promise<BuiltReport | null> {
  if (!existsSync(REPORT_PROCESS_SCRIPT)) {
    return Promise.reject(
      new Error(`${REPORT_PROCESS_SCRIPT} is missing: \`npm run build\` (or \`npm run dev\`) makes it.`),
    );
  }
  return new Promise((resolve, reject) => {
    // spawn with an IPC channel, which is what fork does: Turbopack resolves fork's path as a module
    // at build time and fails (vercel/next.js#97952).
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', ...v8Flags, REPORT_PROCESS_SCRIPT, JSON.stringify(request)],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'advanced',
        timeout: TIMEOUT_MS,
        env: childEnvironment({
          DATABASE_POOL_SIZE: String(REPORT_PROCESS_POOL_SIZE),
          ...(databaseUrl && { DATABASE_URL: databaseUrl }),
        }),
      },
    );
    let reply: ReportProcessReply | undefined;
    child.on('message', (message) => (reply = message as ReportProcessReply));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (reply && 'error' in reply) return reject(new Error(`The report process failed: ${reply.error}`));
      if (!reply || code !== 0)
        return reject(new Error(`The report process ended with ${signal ?? `exit code ${code}`} and no report.`));
      const { built } = reply;
      // Buffers arrive as Uint8Arrays.
      resolve(
        built && { ...built, files: built.files.map((file) => ({ ...file, content: Buffer.from(file.content) })) },
      );
    });
  });
}
