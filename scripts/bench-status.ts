/**
 * How fast the status views are at full scale, measured side by side in one run:
 *
 *   npm run build            (first: this script builds nothing; NEXT_DIST_DIR picks the build)
 *   npm run bench:status
 *
 * Generates the full demo into a database of its own (a throwaway embedded PostgreSQL, or a new
 * database on DATABASE_URL, dropped afterwards), through the capabilities on this process's pool
 * opened on that database (as the benchmark's system actor): five annual seasons, and the daily
 * season at the benchmark's scale, every municipality delivering every night of 2026 (357 × a year
 * of KPR_IPL, KPR_IDE and their Apprecs: ~500 000 events; lib/demo `dailyEveryNight`). Starts
 * `next start` on BENCH_PORT (default 3250), signs in as the demo FHI user, and measures with
 * autocannon at 1 and 10 concurrent clients: the annual overview page, the map's own document that
 * the overview frames (loaded once, then revalidated by ETag), the daily overview and a
 * municipality's daily calendar, the status API, a trivial route of the same server (/api/health),
 * and the raw SQL that fetches the annual rows (through `pg`, no server). Prints p50/p95, the
 * daily figures beside the annual ones with their ratios, the in-process time to load and derive
 * all 357 (annual and daily), the time to derive the 357 daily states alone from events already
 * read, and the server processes' memory (RSS) after the run.
 *
 * BENCH_DAILY=off runs the annual views alone on a dataset without daily deliveries: the baseline
 * the daily season's memory is compared with (run both, print both).
 *
 * Also prints the overview's size as HTML and as an RSC flight payload (what a client-side
 * navigation fetches), and its map's document, raw and gzipped.
 *
 * The server runs as `npm start` runs it: WEB_CONCURRENCY processes (one per core when unset)
 * behind Node's cluster module (scripts/launch.ts).
 *
 * Options (environment): BENCH_PORT, BENCH_SECONDS (10 per measurement), BENCH_DAILY (on),
 * NEXT_DIST_DIR (.next), WEB_CONCURRENCY, BENCH_CPU_PROFILE (a directory: each server process writes a V8 CPU profile
 * there when it stops).
 *
 * Runs under the react-server condition (see package.json) so the server-only data access layer
 * can be imported here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { provisionDemoApiKey, systemActor } from '@/lib/access';
import { prepareDatabase } from '@/lib/db/prepare';
import { analyzeDatabase } from '@/lib/db/server-admin';
import { closeAppPool, openAppPool } from '@/lib/db/sql';
import { startPostgresServer } from '@/lib/db/throwaway';
import { DEMO_USERS, writeDemo } from '@/lib/demo';
import { env } from '@/lib/core/env';
import { getDailyOverview, readDailySeasonEvents } from '@/lib/daily';
import { deriveDailyState } from '@/lib/daily/rules';
import { getStatusOverview, readOverviewRowsWithoutDeriving } from '@/lib/status';
import { startNextServers, type NextServers } from './launch';

const PORT = env.BENCH_PORT;
const DURATION_SECONDS = env.BENCH_SECONDS;
const DIST_DIR = env.NEXT_DIST_DIR;
const CPU_PROFILE_DIR = env.BENCH_CPU_PROFILE;
const WORKERS = env.WEB_CONCURRENCY ?? availableParallelism();
const DAILY = env.BENCH_DAILY === 'on';
const API_KEY = `kpr_bench_${randomBytes(24).toString('hex')}`;
const BASE = `http://localhost:${PORT}`;
/** The overview opens on the current season (the daily one in December 2026): each is asked for by name. */
const ANNUAL_OVERVIEW = '/?season=2025';
/** The annual overview's map: its own document, in a frame on the page. */
const ANNUAL_MAP = '/kart/ramme?season=2025';
const DAILY_SEASON = '2026-daglig';
const DAILY_OVERVIEW = `/?season=${DAILY_SEASON}`;
const DAILY_CALENDAR = `/kommuner/0301/daglig?season=${DAILY_SEASON}`;
/** The daily season's clock: told to the end of its year, or (BENCH_DAILY=off) stopped before its first day. */
const DAILY_NOW = DAILY ? new Date('2027-01-04T12:00:00+01:00') : new Date('2026-01-01T00:00:00+01:00');

if (!existsSync(`${DIST_DIR}/BUILD_ID`)) {
  console.error(`No production build in ${DIST_DIR}: run \`npm run build\` (with the same NEXT_DIST_DIR) first.`);
  process.exit(1);
}

interface Latencies {
  p50: number;
  p95: number;
  requests: number;
  errors: number;
}

function percentiles(samples: number[], errors: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), requests: sorted.length, errors };
}

async function http(
  path: string,
  connections: number,
  headers: Record<string, string>,
  duration = DURATION_SECONDS,
): Promise<Latencies> {
  const samples: number[] = [];
  let errors = 0;
  const instance = autocannon({ url: `${BASE}${path}`, connections, duration, headers });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) samples.push(responseTime);
    else errors++;
  });
  await instance;
  return percentiles(samples, errors);
}

/** `connections` workers running `work` back to back for the benchmark's duration. */
async function loop(connections: number, work: () => Promise<unknown>): Promise<Latencies> {
  const samples: number[] = [];
  const end = performance.now() + DURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        await work();
        samples.push(performance.now() - started);
      }
    }),
  );
  return percentiles(samples, 0);
}

/** Resident memory (RSS) of a process and its descendants, in MiB, from /proc (Linux; NaN elsewhere). */
function residentMiB(pid: number): number {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const children = new Map<number, number[]>();
  for (const entry of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of /proc/<pid>/stat is the parent (after the command name in parentheses).
    const parent = Number(read(`/proc/${entry}/stat`).split(') ')[1]?.split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let kib = 0;
  for (const queue = [pid]; queue.length;) {
    const current = queue.pop()!;
    kib += Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${current}/status`))?.[1] ?? Number.NaN);
    queue.push(...(children.get(current) ?? []));
  }
  return kib / 1024;
}

async function signInCookie(): Promise<string> {
  const staff = DEMO_USERS.find((user) => user.role === 'FHI_STAFF')!;
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/logg-inn`);
    // The first page after signing in derives the current season uncached at full scale: on a busy
    // machine that can take minutes, so wait for the session cookie rather than for the page.
    await page.getByRole('button', { name: `Logg inn som ${staff.name}` }).click({ noWaitAfter: true });
    for (let waited = 0; waited < 600; waited++) {
      const cookies = await page.context().cookies();
      if (cookies.some((cookie) => cookie.name.includes('session-token'))) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start');
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
const started = performance.now();
const server = await startPostgresServer(env.DATABASE_URL);
const name = `kpr_status_bench_${process.pid}`;
const url = await server.createDatabase(name);
const actor = systemActor('benchmark');
let next: NextServers | null = null;
try {
  await prepareDatabase(url);
  // Four connections in this process, as the in-process figure has always been measured.
  openAppPool(url, 4);
  await provisionDemoApiKey(actor, API_KEY, true);
  // The daily season at the benchmark's scale, told to the end of its year (or left empty: BENCH_DAILY=off).
  const counts = (await writeDemo({
    seed: env.DEMO_SEED,
    extraAnnualSeasons: 3,
    dailyYear: true,
    dailyEveryNight: DAILY,
    dailyNow: DAILY_NOW,
  }))!;
  await analyzeDatabase(url);
  const daily = await readDailySeasonEvents(actor, { seasonKey: DAILY_SEASON, asOf: DAILY_NOW });
  if (!daily) throw new Error(`no daily season ${DAILY_SEASON}`);
  const dailyEvents = [...daily.events.values()];
  const dailyMessages = dailyEvents.reduce((sum, events) => sum + events.messages.length, 0);
  const dailyApprecs = dailyEvents.reduce((sum, events) => sum + events.apprecs.length, 0);
  console.log(
    `Data: ${counts.messages} messages, ${counts.apprecs} Apprecs, ${counts.findings} findings (${((performance.now() - started) / 1000).toFixed(0)} s); ` +
      `daily season: ${dailyMessages} messages and ${dailyApprecs} Apprecs (${dailyMessages + dailyApprecs} events) in ${daily.events.size} municipalities`,
  );

  // The status capability in this process, on the same database: load and derive all 357.
  const inProcess: number[] = [];
  for (let run = 0; run < 20; run++) {
    const runStarted = performance.now();
    await getStatusOverview(actor, { asOf: new Date() });
    inProcess.push(performance.now() - runStarted);
  }

  // The daily season in this process: load and derive all 357 with their calendars (each run at its
  // own instant, past the daily overview's short cache).
  const dailyInProcess: number[] = [];
  // Deriving alone: the 357 daily states from the events already read (the rules, no I/O).
  const deriveOnly: number[] = [];
  if (DAILY) {
    for (let run = 0; run < 20; run++) {
      const runStarted = performance.now();
      await getDailyOverview(actor, { seasonKey: DAILY_SEASON, asOf: new Date(Date.now() - run) });
      dailyInProcess.push(performance.now() - runStarted);
    }
    for (let run = 0; run < 30; run++) {
      const runStarted = performance.now();
      for (const events of dailyEvents) deriveDailyState(daily.season, events, DAILY_NOW);
      deriveOnly.push(performance.now() - runStarted);
    }
  }

  const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`] : [];
  next = startNextServers('start', {
    port: PORT,
    workers: WORKERS,
    stdio: 'pipe',
    nodeOptions: profile,
    env: {
      DATABASE_URL: url,
      DEMO_DATABASE: 'yes',
      DEMO_SIGN_IN: 'on',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_URL: BASE,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  for (const server of next.processes) {
    server.stdout?.resume();
    server.stderr?.pipe(process.stderr);
  }
  await waitForServer();
  const cookie = await signInCookie();
  const raw = () => readOverviewRowsWithoutDeriving(actor);

  const session = { cookie };
  const key = { authorization: `Bearer ${API_KEY}` };
  // Warm-up: the first requests of each process load the code, connect and fill the overview cache.
  const dailyRoutes = DAILY ? ([DAILY_OVERVIEW, DAILY_CALENDAR] as const) : [];
  for (const [route, headers] of [
    [ANNUAL_OVERVIEW, session],
    [ANNUAL_MAP, session],
    ...dailyRoutes.map((route) => [route, session] as const),
    ['/api/v1/status', key],
    ['/api/health', key],
  ] as const)
    await http(route, 2 * WORKERS, headers, 2);

  const size = async (route: string, headers: Record<string, string>) => {
    const body = Buffer.from(
      await (await fetch(`${BASE}${route}`, { headers: { ...session, ...headers } })).arrayBuffer(),
    );
    return `${(body.length / 1024).toFixed(1)} KiB (${(gzipSync(body).length / 1024).toFixed(1)} KiB gzipped)`;
  };
  const sizes = {
    html: await size(ANNUAL_OVERVIEW, {}),
    flight: await size(ANNUAL_OVERVIEW, { rsc: '1' }),
    map: await size(ANNUAL_MAP, {}),
  };

  const rows: { name: string; connections: number; result: Latencies }[] = [];
  for (const connections of [1, 10]) {
    rows.push({ name: 'overview page  ', connections, result: await http(ANNUAL_OVERVIEW, connections, session) });
    rows.push({ name: "overview's map ", connections, result: await http(ANNUAL_MAP, connections, session) });
    if (DAILY) {
      rows.push({ name: 'daily overview ', connections, result: await http(DAILY_OVERVIEW, connections, session) });
      rows.push({ name: 'daily calendar ', connections, result: await http(DAILY_CALENDAR, connections, session) });
    }
    rows.push({ name: 'status API     ', connections, result: await http('/api/v1/status', connections, key) });
    rows.push({ name: 'trivial route  ', connections, result: await http('/api/health', connections, key) });
    rows.push({ name: 'raw SQL (pg)   ', connections, result: await loop(connections, raw) });
  }

  // Memory after the run, before the servers stop: each process's RSS (with any children).
  const memory = next.processes.map((child) => residentMiB(child.pid!));

  const inProcessLatency = percentiles(inProcess, 0);
  console.log(
    `\nIn process, load + derive all 357 (and last season's 357): p50 ${fmt(inProcessLatency.p50)}, p95 ${fmt(inProcessLatency.p95)}`,
  );
  if (DAILY) {
    const dailyLatency = percentiles(dailyInProcess, 0);
    console.log(
      `In process, load + derive all 357 daily states and calendars: p50 ${fmt(dailyLatency.p50)}, p95 ${fmt(dailyLatency.p95)}`,
    );
    const derive = percentiles(deriveOnly, 0);
    const mean = deriveOnly.reduce((sum, value) => sum + value, 0) / deriveOnly.length;
    console.log(
      `In process, derive all 357 daily states from events read (${deriveOnly.length} runs): mean ${fmt(mean)}, p50 ${fmt(derive.p50)}, p95 ${fmt(derive.p95)} (target <= 50 ms)`,
    );
  }
  console.log(`Server: next start in ${WORKERS} process(es) (WEB_CONCURRENCY) on ${availableParallelism()} cores`);
  console.log(`Overview payload: HTML ${sizes.html}, RSC flight ${sizes.flight}; its map's document ${sizes.map}`);
  console.log(`\n${'what'.padEnd(15)} clients        p50        p95   requests  errors`);
  for (const { name, connections, result } of rows) {
    console.log(
      `${name}${String(connections).padStart(7)} ${fmt(result.p50)} ${fmt(result.p95)} ${String(result.requests).padStart(10)} ${String(result.errors).padStart(7)}`,
    );
  }
  for (const connections of [1, 10]) {
    const get = (prefix: string) =>
      rows.find((row) => row.name.startsWith(prefix) && row.connections === connections)!.result;
    const baseline = get('raw SQL').p95 + get('trivial').p95;
    console.log(
      `\n${connections} client(s): overview p95 / (raw SQL + trivial) = ${(get('overview page').p95 / baseline).toFixed(2)}; status API p95 / (raw SQL + trivial) = ${(get('status API').p95 / baseline).toFixed(2)}`,
    );
  }
  if (DAILY) {
    console.log(
      `\nDaily beside annual (p95)   clients  annual overview  daily overview  daily/annual  daily calendar  calendar/annual`,
    );
    for (const connections of [1, 10]) {
      const get = (prefix: string) =>
        rows.find((row) => row.name.startsWith(prefix) && row.connections === connections)!.result.p95;
      const annual = get('overview page');
      console.log(
        `${''.padEnd(27)}${String(connections).padStart(8)} ${fmt(annual).padStart(16)} ${fmt(get('daily overview')).padStart(15)} ${(get('daily overview') / annual).toFixed(2).padStart(13)} ${fmt(get('daily calendar')).padStart(15)} ${(get('daily calendar') / annual).toFixed(2).padStart(16)}`,
      );
    }
    console.log('Targets at 10 clients: daily overview p95 <= annual overview p95; daily calendar p95 <= 100 ms.');
  }
  const total = memory.reduce((sum, value) => sum + value, 0);
  console.log(
    `\nMemory after the run (${DAILY ? 'with the daily season' : 'annual only, BENCH_DAILY=off'}): RSS ${total.toFixed(0)} MiB in ${memory.length} server process(es) (${memory.map((value) => value.toFixed(0)).join(' + ')} MiB)` +
      (DAILY ? '; target: within +100 MB of a BENCH_DAILY=off run' : ''),
  );
  console.log('Targets: overview p95 <= 150 ms at 10 clients and <= 3 x (raw SQL + trivial route).');
} finally {
  await next?.stop();
  await closeAppPool();
  await server.dropDatabase(name);
  await server.stop();
}
