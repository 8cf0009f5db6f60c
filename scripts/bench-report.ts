/**
 * How long the weekly report takes and how much memory it needs, on the deterministic demo data
 * (all 357 municipalities) in a throwaway embedded PostgreSQL. Prints figures:
 *   - the weekly report: derivation, XLSX, PDF and CSV (targets: XLSX ≤ 1 s, PDF ≤ 3 s, ≤ 200 MB);
 *   - a 100 000-row CSV export, streamed to a file (target ≤ 256 MB).
 *
 *   npm run bench:report
 *
 * Each measurement runs in a process of its own, so its peak resident memory (maxRSS) is its own;
 * the figures include Node, Prisma and the libraries loaded (the baseline is printed too).
 */
import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

/** The 2025 season, in the week of its deadline: the busiest week of the demo story. */
const SEASON_KEY = '2025';
const EXPORT_ROWS = 100_000;
const RUNS = 3;

type Phase = 'report' | 'export';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Runs one phase in a child process with DATABASE_URL set before anything reads the environment. */
function runPhase(phase: Phase, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [phase], {
      execArgv: process.execArgv,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`phase ${phase} exited with ${code}`))));
  });
}

async function measure(phase: Phase): Promise<void> {
  const { db } = await import('@/lib/db');
  const { buildWeeklyReport } = await import('@/lib/reports/build');
  const { writeWeeklyReportXlsx } = await import('@/lib/reports/xlsx');
  const { writeWeeklyReportPdf } = await import('@/lib/reports/pdf');
  const { csvStream, writeWeeklyReportCsv } = await import('@/lib/reports/csv');
  const { municipalityTable } = await import('@/lib/reports/tables');
  const { weekStartOf } = await import('@/lib/domain/weekly-report');
  const viewer = { userId: null, apiKeyId: 'bench', name: 'Benchmark', role: 'FHI_STAFF', municipalityNumbers: [], sessionId: null, requestId: 'bench' } as const;
  try {
    // The first query also loads Prisma's query compiler: a fixed cost of every process that reads the database.
    const season = await db().season.findUniqueOrThrow({ where: { key: SEASON_KEY }, select: { deadline: true } });
    const weekStart = weekStartOf(season.deadline);
    const baseline = process.memoryUsage.rss();
    const build = await timed(() => buildWeeklyReport(db(), { seasonKey: SEASON_KEY, weekStart, viewer }));
    const report = build.result;
    if (!report) throw new Error(`season ${SEASON_KEY} not found`);

    if (phase === 'report') {
      const writers = { XLSX: writeWeeklyReportXlsx, PDF: writeWeeklyReportPdf, CSV: writeWeeklyReportCsv };
      console.log(`Weekly report of ${SEASON_KEY}, week from ${weekStart}: ${report.snapshot.municipalities.length} municipalities, ${report.keyFigures.length} key figures`);
      console.log(`  build (derive this week, last season and the previous week): ${build.ms.toFixed(0)} ms, peak ${megabytes(peakRss())}`);
      for (const [format, write] of Object.entries(writers)) {
        const runs: number[] = [];
        let size = 0;
        for (let run = 0; run < RUNS; run++) {
          const { result, ms } = await timed(() => write(report));
          runs.push(ms);
          size = result.length;
        }
        console.log(`  ${format}: first ${runs[0]!.toFixed(0)} ms, median of ${RUNS} ${median(runs).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB, peak ${megabytes(peakRss())}`);
      }
      console.log(`  peak memory (maxRSS): ${megabytes(peakRss())}; ${megabytes(baseline)} after loading and a first query, so the report adds ${megabytes(peakRss() - baseline)}`);
      return;
    }

    const directory = await mkdtemp(path.join(tmpdir(), 'kpr-report-bench-'));
    try {
      const { columns } = municipalityTable(report);
      const rows = report.snapshot.municipalities;
      let sampled = 0;
      function* exportRows() {
        for (let index = 0; index < EXPORT_ROWS; index++) {
          if (index % 1000 === 0) sampled = Math.max(sampled, process.memoryUsage.rss());
          yield rows[index % rows.length]!;
        }
      }
      const file = path.join(directory, 'export.csv');
      const before = process.memoryUsage.rss();
      const { ms } = await timed(() => pipeline(csvStream(columns, exportRows()), createWriteStream(file)));
      const { size } = await stat(file);
      console.log(`CSV export, streamed to a file: ${EXPORT_ROWS.toLocaleString('en')} rows, ${megabytes(size)} in ${ms.toFixed(0)} ms`);
      console.log(`  memory while streaming: ${megabytes(before)} before, ${megabytes(sampled)} at most; peak (maxRSS) ${megabytes(peakRss())}; ${megabytes(baseline)} after loading and a first query`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  } finally {
    await db().$disconnect();
  }
}

async function main(): Promise<void> {
  const { startPostgresServer } = await import('@/lib/db/throwaway');
  const { prepareDatabase } = await import('@/lib/db/prepare');
  const { env } = await import('@/lib/env');
  const server = await startPostgresServer(undefined);
  try {
    const url = await server.createDatabase('kpr_report_bench');
    const { ms } = await timed(() => prepareDatabase(url, { demoSeed: env.DEMO_SEED }));
    console.log(`Demo data (seed ${env.DEMO_SEED}) written in ${(ms / 1000).toFixed(1)} s`);
    await runPhase('report', url);
    await runPhase('export', url);
  } finally {
    await server.stop();
  }
}

const phase = process.argv[2] as Phase | undefined;
await (phase ? measure(phase) : main());
