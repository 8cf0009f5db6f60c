/**
 * How long the weekly report takes and how much memory it needs, on the deterministic demo data
 * (all 357 municipalities) in a throwaway embedded PostgreSQL. Prints figures:
 *   - the weekly report as the app makes it: in its own process (lib/reports/report-process.ts,
 *     bundled as `npm run build` bundles it, started by runReportProcess with the production V8
 *     flags), which builds the report and writes XLSX, CSV and PDF; the time of each step and the
 *     process's peak memory (targets: XLSX ≤ 1 s, PDF ≤ 3 s, ≤ 200 MB);
 *   - the same without the V8 flags, side by side, and a bare Node.js for the floor;
 *   - a 100 000-row CSV export, streamed to a file (target ≤ 256 MB), in a process that reads the
 *     stored report through the reports' data module (Prisma) as the web server's download does.
 *
 * It reads and writes through the capabilities as the benchmark's system actor, on this process's
 * pool opened on the throwaway database (lib/db/sql.ts openAppPool); the processes it starts get
 * that database in their environment.
 *
 *   npm run bench:report
 *
 * Peak resident memory is each process's own high-water mark (VmHWM in /proc/self/status). Not
 * getrusage's maxRSS: on Linux a child's maxRSS starts at the resident memory of the parent it was
 * forked from (the kernel carries the forked copy's high-water mark across exec), so it would
 * count this script's own memory. The measured processes run plain JavaScript on Node.js (bundled
 * with esbuild), as the server runs it, not under tsx, whose TypeScript loader alone adds some 40 MB.
 *
 * The previous week's report is stored first, as the weekly job leaves it: the report derives the
 * week and last season's same week, and compares with the stored snapshot.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from '@/lib/core/env';
import { peakMemory } from '@/lib/core/peak-memory';

/** The 2025 season, in the week of its deadline: the busiest week of the demo story. */
const SEASON_KEY = '2025';
const EXPORT_ROWS = 100_000;
const RUNS = 5;

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
/** This process's peak resident memory (Linux only: see above). */
function peakRss(): number {
  const peak = peakMemory();
  if (peak === null) throw new Error('VmHWM not found in /proc/self/status: this benchmark measures memory on Linux');
  return peak;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[], unit: (value: number) => string) =>
  `${unit(Math.min(...values))}–${unit(Math.max(...values))}`;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** This script as one JavaScript file (packages stay external), next to node_modules so that they resolve. */
async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const { SERVER_BUNDLE } = await import('./bundle-report-process');
  const outfile = path.resolve('node_modules/.cache/kpr-bench/bench-report.mjs');
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({ ...SERVER_BUNDLE, entryPoints: [fileURLToPath(import.meta.url)], outfile, logLevel: 'error' });
  return outfile;
}

/**
 * Runs the export in a plain Node.js process with DATABASE_URL set before anything reads the
 * environment (spawned, not forked: an IPC channel would keep the child alive after its work).
 */
function runExport(script: string, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', script, 'export'], {
      env: childEnvironment({ DATABASE_URL: databaseUrl }),
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the export exited with ${code}`))));
  });
}

/** The 100 000-row CSV export of the stored week's rows, streamed to a file as a download streams it. */
async function measureExport(): Promise<void> {
  const { systemActor } = await import('@/lib/access');
  const { closeAppPool } = await import('@/lib/db/sql');
  const { csvStream, municipalityTable, readStoredWeeklyReport } = await import('@/lib/reports');
  const directory = await mkdtemp(path.join(tmpdir(), 'kpr-report-bench-'));
  try {
    const report = await readStoredWeeklyReport(systemActor('benchmark'), null);
    if (!report) throw new Error('no stored report to export');
    const floor = peakRss();
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
    const { ms } = await timed(() => pipeline(csvStream(columns, exportRows()), createWriteStream(file)));
    const { size } = await stat(file);
    console.log(
      `CSV export, streamed to a file: ${EXPORT_ROWS.toLocaleString('en')} rows, ${megabytes(size)} in ${ms.toFixed(0)} ms`,
    );
    console.log(
      `  peak ${megabytes(peakRss())} (before it: ${megabytes(floor)}, with Prisma loaded; at most ${megabytes(sampled)} while streaming)`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
    await closeAppPool();
  }
}

async function main(): Promise<void> {
  const { startPostgresServer } = await import('@/lib/db/throwaway');
  const { prepareLaunchDatabase } = await import('./launch');
  const { closeAppPool, openAppPool } = await import('@/lib/db/sql');
  const { env } = await import('@/lib/core/env');
  const { systemActor } = await import('@/lib/access');
  const { findSeason } = await import('@/lib/status');
  const { bundleReportProcess } = await import('./bundle-report-process');
  const { REPORT_PROCESS_FLAGS, runReportProcess, saveWeeklyReport } = await import('@/lib/reports');
  const { previousWeekStart, weekStartOf } = await import('@/lib/reports/rules/weekly-report');
  const [script] = await Promise.all([bundle(), bundleReportProcess()]);
  const server = await startPostgresServer(undefined);
  try {
    const url = await server.createDatabase('kpr_report_bench');
    const { ms } = await timed(() => prepareLaunchDatabase(url, { demoSeed: env.DEMO_SEED }));
    const actor = systemActor('benchmark');
    openAppPool(url);
    let weekStart: string;
    try {
      const season = await findSeason(actor, SEASON_KEY);
      if (!season) throw new Error(`season ${SEASON_KEY} not found`);
      weekStart = weekStartOf(season.deadline);
      const before = (await runReportProcess(
        { seasonKey: SEASON_KEY, weekStart: previousWeekStart(weekStart) },
        { databaseUrl: url },
      ))!;
      await saveWeeklyReport(actor, before.report, before.files);
    } finally {
      await closeAppPool();
    }
    console.log(
      `Demo data (seed ${env.DEMO_SEED}) written in ${(ms / 1000).toFixed(1)} s; the week before stored as the weekly job leaves it`,
    );
    const bare =
      Number(
        execFileSync(process.execPath, [
          '-e',
          `process.stdout.write(/^VmHWM:\\s+(\\d+) kB$/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])`,
        ]),
      ) * 1024;
    console.log(`Floor: a bare Node.js (node -e) peaks at ${megabytes(bare)}`);

    for (const [label, flags] of [
      [`the app's V8 flags (${REPORT_PROCESS_FLAGS.join(' ')})`, REPORT_PROCESS_FLAGS],
      ['no V8 flags, for comparison', []],
    ] as const) {
      const runs: {
        total: number;
        figures: NonNullable<Awaited<ReturnType<typeof runReportProcess>>>['figures'];
        sizes: string;
      }[] = [];
      let municipalities = 0;
      for (let run = 0; run < RUNS; run++) {
        const { result, ms: total } = await timed(() =>
          runReportProcess({ seasonKey: SEASON_KEY, weekStart }, { v8Flags: flags, databaseUrl: url }),
        );
        if (!result) throw new Error(`season ${SEASON_KEY} not found`);
        municipalities = result.report.snapshot.municipalities.length;
        runs.push({
          total,
          figures: result.figures,
          sizes: result.files.map((file) => `${file.format} ${(file.content.length / 1024).toFixed(0)} KiB`).join(', '),
        });
      }
      const figure = (key: 'buildMs' | 'xlsxMs' | 'csvMs' | 'pdfMs') => runs.map((run) => run.figures[key]);
      const ms = (value: number) => `${value.toFixed(0)} ms`;
      const peaks = runs.map((run) => run.figures.peakMemory ?? Number.NaN);
      console.log(
        `Weekly report of ${SEASON_KEY}, week from ${weekStart}, ${municipalities} municipalities, in the report process with ${label}: ${RUNS} runs`,
      );
      console.log(
        `  build (derive this week and last season's, compare with the stored week before): median ${ms(median(figure('buildMs')))} (${range(figure('buildMs'), ms)})`,
      );
      console.log(`  XLSX: median ${ms(median(figure('xlsxMs')))} (${range(figure('xlsxMs'), ms)})`);
      console.log(`  CSV: median ${ms(median(figure('csvMs')))} (${range(figure('csvMs'), ms)})`);
      console.log(`  PDF: median ${ms(median(figure('pdfMs')))} (${range(figure('pdfMs'), ms)})`);
      console.log(`  files: ${runs[0]!.sizes}`);
      console.log(
        `  the whole process, from start to files received: median ${ms(median(runs.map((run) => run.total)))}`,
      );
      console.log(
        `  peak memory of the report process: median ${megabytes(median(peaks))} (${range(peaks, megabytes)})`,
      );
    }
    await runExport(script, url);
  } finally {
    await server.stop();
  }
}

await (process.argv[2] === 'export' ? measureExport() : main());
