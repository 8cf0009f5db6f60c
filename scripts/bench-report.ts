/**
 * How long the weekly report takes and how much memory it needs, on the deterministic demo data
 * (all 357 municipalities) in a throwaway embedded PostgreSQL. Prints figures:
 *   - the floor: a bare Node.js, then with the libraries the report loads, then after Prisma's first
 *     query (which instantiates its WebAssembly query compiler);
 *   - the weekly report: build, XLSX, PDF and CSV, each in a process of its own, with its peak
 *     memory next to the floor (targets: XLSX ≤ 1 s, PDF ≤ 3 s, ≤ 200 MB);
 *   - a 100 000-row CSV export, streamed to a file (target ≤ 256 MB).
 *
 *   npm run bench:report
 *
 * Each measurement runs in a process of its own, and its peak resident memory is read from its
 * own high-water mark (VmHWM in /proc/self/status). Not getrusage's maxRSS: on Linux a child's
 * maxRSS starts at the resident memory of the parent it was forked from (the kernel carries the
 * forked copy's high-water mark across exec), so it would count this script's own memory.
 * The measured processes run the code as plain JavaScript on Node.js (bundled once with esbuild),
 * as the server runs it, not under tsx, whose TypeScript loader alone adds some 40 MB.
 *
 * The floor is most of it: Node.js, the libraries and Prisma's WebAssembly query compiler take
 * about 200 MB before the report does anything. Above it, the peak is mostly garbage not yet
 * collected; a second pass caps the V8 heap to show that the report's live memory is small.
 *
 * The previous week's report is stored first, as the weekly job leaves it: the build derives the
 * week and last season's same week, and compares with the stored snapshot.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

/** The 2025 season, in the week of its deadline: the busiest week of the demo story. */
const SEASON_KEY = '2025';
const EXPORT_ROWS = 100_000;
const RUNS = 3;
const FORMATS = ['XLSX', 'PDF', 'CSV'] as const;
/** Old space 96 MB, young generation semi-spaces 1 MB. */
const CAPPED_HEAP = ['--max-old-space-size=96', '--max-semi-space-size=1'];

type Phase = 'prepare' | 'floor' | 'build' | (typeof FORMATS)[number] | 'export';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
/** This process's peak resident memory (Linux only: see above). */
function peakRss(): number {
  const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kilobytes) throw new Error('VmHWM not found in /proc/self/status: this benchmark measures memory on Linux');
  return Number(kilobytes) * 1024;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** This script as one JavaScript file (packages stay external), next to node_modules so that they resolve. */
async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.resolve('node_modules/.cache/kpr-bench/bench-report.mjs');
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    conditions: ['react-server'],
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Runs one phase in a plain Node.js process with DATABASE_URL set before anything reads the
 * environment (spawned, not forked: an IPC channel would keep the child alive after its work).
 */
function runPhase(script: string, phase: Phase, databaseUrl: string, v8Flags: readonly string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', ...v8Flags, script, phase], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`phase ${phase} exited with ${code}`))));
  });
}

const viewer = { userId: null, apiKeyId: 'bench', name: 'Benchmark', role: 'FHI_STAFF', municipalityNumbers: [], sessionId: null, requestId: 'bench' } as const;

/** What every phase loads (the report's libraries and the database client) and its week. */
async function load() {
  const { db, sql } = await import('@/lib/db');
  const reports = {
    build: await import('@/lib/reports/build'),
    files: await import('@/lib/reports/files'),
    csv: await import('@/lib/reports/csv'),
    tables: await import('@/lib/reports/tables'),
    generate: await import('@/lib/reports/generate'),
  };
  const { previousWeekStart, weekStartOf } = await import('@/lib/domain/weekly-report');
  const loaded = process.memoryUsage.rss();
  // The first query instantiates Prisma's query compiler (WebAssembly): a fixed cost of every process that reads the database.
  const season = await db().season.findUniqueOrThrow({ where: { key: SEASON_KEY }, select: { deadline: true } });
  const weekStart = weekStartOf(season.deadline);
  return { db, sql, reports, weekStart, previousWeekStart, memory: { loaded, queried: process.memoryUsage.rss() } };
}

async function measure(phase: Phase): Promise<void> {
  const started = process.memoryUsage.rss();
  const { db, sql, reports, weekStart, previousWeekStart, memory } = await load();
  try {
    if (phase === 'prepare') {
      await reports.generate.generateWeeklyReport(SEASON_KEY, previousWeekStart(weekStart));
      return;
    }
    if (phase === 'floor') {
      const bare = Number(
        execFileSync(process.execPath, ['-e', `process.stdout.write(/^VmHWM:\\s+(\\d+) kB$/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1] + '')`]),
      ) * 1024;
      console.log('Floor (peak resident memory before the report does anything):');
      console.log(`  bare Node.js (node -e): ${megabytes(bare)}`);
      // The bundle imports its packages up front: the libraries are loaded by the time it runs.
      console.log(`  + the report's code and libraries loaded (exceljs, pdfkit, date-holidays, zod, pg, Prisma's client): ${megabytes(Math.max(started, memory.loaded))}`);
      console.log(`  + Prisma's first query (it instantiates its WebAssembly query compiler): ${megabytes(memory.queried)}; peak ${megabytes(peakRss())}`);
      return;
    }
    const floor = peakRss();
    if (phase === 'export') {
      const directory = await mkdtemp(path.join(tmpdir(), 'kpr-report-bench-'));
      try {
        // The rows of the stored week before, read as a download reads them: nothing is derived.
        const stored = await db().weeklyReport.findFirstOrThrow({ select: reports.generate.STORED_CONTENT });
        const report = reports.generate.storedReportContent(stored);
        const { columns } = reports.tables.municipalityTable(report);
        const rows = report.snapshot.municipalities;
        let sampled = 0;
        function* exportRows() {
          for (let index = 0; index < EXPORT_ROWS; index++) {
            if (index % 1000 === 0) sampled = Math.max(sampled, process.memoryUsage.rss());
            yield rows[index % rows.length]!;
          }
        }
        const file = path.join(directory, 'export.csv');
        const { ms } = await timed(() => pipeline(reports.csv.csvStream(columns, exportRows()), createWriteStream(file)));
        const { size } = await stat(file);
        console.log(`CSV export, streamed to a file: ${EXPORT_ROWS.toLocaleString('en')} rows, ${megabytes(size)} in ${ms.toFixed(0)} ms`);
        console.log(`  peak ${megabytes(peakRss())} (floor ${megabytes(floor)}; at most ${megabytes(sampled)} while streaming)`);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
      return;
    }
    const build = await timed(() => reports.build.buildWeeklyReport(sql(), { seasonKey: SEASON_KEY, weekStart, viewer }));
    const report = build.result;
    if (!report) throw new Error(`season ${SEASON_KEY} not found`);
    if (phase === 'build') {
      console.log(`Weekly report of ${SEASON_KEY}, week from ${weekStart}: ${report.snapshot.municipalities.length} municipalities, ${report.keyFigures.length} key figures`);
      console.log(`  build (derive this week and last season's, compare with the stored week before): ${build.ms.toFixed(0)} ms; peak ${megabytes(peakRss())} (floor ${megabytes(floor)}, the build adds ${megabytes(peakRss() - floor)})`);
      return;
    }
    const afterBuild = peakRss();
    const runs: number[] = [];
    let size = 0;
    for (let run = 0; run < RUNS; run++) {
      const { result, ms } = await timed(() => reports.files.renderWeeklyReportFile({ ...report }, phase));
      runs.push(ms);
      size = result.content.length;
    }
    console.log(
      `  ${phase}: first ${runs[0]!.toFixed(0)} ms, median of ${RUNS} ${median(runs).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB; ` +
        `peak ${megabytes(peakRss())} (floor ${megabytes(floor)}, build ${megabytes(afterBuild - floor)}, the ${phase} adds ${megabytes(peakRss() - afterBuild)})`,
    );
  } finally {
    await db().$disconnect();
  }
}

async function main(): Promise<void> {
  const { startPostgresServer } = await import('@/lib/db/throwaway');
  const { prepareDatabase } = await import('@/lib/db/prepare');
  const { env } = await import('@/lib/env');
  const script = await bundle();
  const server = await startPostgresServer(undefined);
  try {
    const url = await server.createDatabase('kpr_report_bench');
    const { ms } = await timed(() => prepareDatabase(url, { demoSeed: env.DEMO_SEED }));
    console.log(`Demo data (seed ${env.DEMO_SEED}) written in ${(ms / 1000).toFixed(1)} s; the week before stored as the weekly job leaves it`);
    await runPhase(script, 'prepare', url);
    for (const phase of ['floor', 'build', ...FORMATS, 'export'] as const) await runPhase(script, phase, url);
    // Much of a peak above the floor is garbage V8 has not collected yet: with the heap capped, the
    // same work must fit (or fail), which shows what the report really keeps alive.
    console.log(`Again with the V8 heap capped (${CAPPED_HEAP.join(' ')}): the report's live memory must fit in it`);
    for (const phase of ['build', ...FORMATS] as const) await runPhase(script, phase, url, CAPPED_HEAP);
  } finally {
    await server.stop();
  }
}

const phase = process.argv[2] as Phase | undefined;
await (phase ? measure(phase) : main());
