/**
 * The ingestion benchmark (`npm run build` first, then `npm run bench:ingest`): a throwaway
 * embedded PostgreSQL, `next start` against it with an INGEST key, 10 000 generated documents
 * (KPR_IPL messages and AppRecs, a fifth of them resent as exact duplicates) posted to
 * POST /api/v1/messages from 50 concurrent clients with retries, and PostgreSQL stopped and started
 * once in the middle. Then it reconciles (every acknowledged document stored exactly once, none
 * stored that was not acknowledged, no message without its findings, no AppRec without its errors)
 * and prints throughput and p95 latency next to the raw insert rate of the same rows through `pg`.
 *
 * The key is set up, and the stored rows read back, through the capabilities as the benchmark's
 * system actor, on this process's pool opened on the benchmark's database; the raw baseline goes
 * through lib/db/raw-insert.ts. Runs under the react-server condition (see package.json) so that
 * the server-only capabilities can be imported here.
 *
 * Options (environment): BENCH_DOCUMENTS (10000), BENCH_CLIENTS (50), NEXT_DIST_DIR (.next),
 * WEB_CONCURRENCY (server processes, as for `npm start`: one per core when unset),
 * BENCH_CPU_PROFILE (a directory: the server writes a V8 CPU profile there when it stops).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiKeySecret, provisionDemoApiKey, systemActor } from '@/lib/access';
import { env } from '@/lib/core/env';
import { freePort, startEmbeddedPostgres } from '@/lib/db/embedded';
import { prepareDatabase } from '@/lib/db/prepare';
import { insertUnitsRaw, type RawInsertUnit } from '@/lib/db/raw-insert';
import { adminQuery, withDatabase } from '@/lib/db/server-admin';
import { closeAppPool, openAppPool } from '@/lib/db/sql';
import { readStoredDocuments, type StoredRow } from '@/lib/ingest';
import { startNextServers } from './launch';

const DOCUMENTS = env.BENCH_DOCUMENTS;
const CLIENTS = env.BENCH_CLIENTS;
const DUPLICATE_SHARE = 0.2;
const MAX_ATTEMPTS = 60;
const CPU_PROFILE_DIR = env.BENCH_CPU_PROFILE;
const WORKERS = env.WEB_CONCURRENCY ?? availableParallelism();
const actor = systemActor('benchmark');

interface Document {
  key: string;
  kind: 'message' | 'apprec';
  body: string;
}

interface Acknowledged {
  status: number;
  /** Findings (message) or errors (AppRec) the answer reported. */
  children: number;
}

const fixture = (name: string) => readFileSync(path.resolve('lib/ingest/readers/fixtures/good', name), 'utf8');
const municipalities = readFileSync(path.resolve('prisma/data/kommuner-2025.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]!)
  .filter((n) => /^\d{4}$/.test(n));

function generateDocuments(): Document[] {
  const ipl = fixture('msghead-kpr-ipl.xml');
  const apprec = fixture('apprec-1.0-avvist-prefixed.xml');
  const unique = Math.round(DOCUMENTS * (1 - DUPLICATE_SHARE));
  const documents: Document[] = [];
  for (let i = 0; i < unique; i++) {
    const msgId = `bench-${randomUUID()}`;
    if (i % 2 === 0) {
      documents.push({
        key: msgId,
        kind: 'message',
        body: ipl
          .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
          .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${municipalities[i % municipalities.length]}</iiKomnr>`)
          .replace('<iiSysID>Gerica</iiSysID>', `<iiSysID>${i % 3 === 0 ? 'Profil' : 'Gerica'}</iiSysID>`),
      });
    } else {
      const id = `bench-apprec-${randomUUID()}`;
      documents.push({
        key: id,
        kind: 'apprec',
        body: apprec
          .replace(/<a:Id>7c6d0a51[^<]*<\/a:Id>/, `<a:Id>${id}</a:Id>`)
          .replace(/<a:Id>6f1c2d4e[^<]*<\/a:Id>/, `<a:Id>${documents[i - 1]!.key}</a:Id>`),
      });
    }
  }
  const duplicates = Array.from({ length: DOCUMENTS - unique }, (_, i) => documents[(i * 7919) % unique]!);
  // Duplicates interleaved: some arrive while the original is still in flight.
  const all = [...documents, ...duplicates];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Time (ms) a process's main thread has spent runnable but waiting for a CPU (Linux schedstat): other load on the machine. */
function runQueueWaitMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
}

/**
 * CPU (ms) used by this run's PostgreSQL: its postmaster (found by the data directory) and the
 * backends it forks, sampled every second so that backends which exit (pool churn, the restart)
 * still count up to their last sample.
 */
function postgresCpuMeter(dataDir: string): { stop(): number } {
  const seen = new Map<number, { first: number; last: number }>();
  let started = false;
  const sample = () => {
    const processes = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return [
            {
              pid: Number(pid),
              parent: Number(fields[1]),
              cpu: (Number(fields[11]) + Number(fields[12])) * 10,
              cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
            },
          ];
        } catch {
          return []; // exited meanwhile
        }
      });
    const postmasters = new Set(processes.filter((p) => p.cmdline.includes(`-D\0${dataDir}\0`)).map((p) => p.pid));
    for (const p of processes) {
      if (!postmasters.has(p.pid) && !postmasters.has(p.parent)) continue;
      const known = seen.get(p.pid);
      if (known) known.last = p.cpu;
      else seen.set(p.pid, { first: started ? 0 : p.cpu, last: p.cpu });
    }
    started = true;
  };
  sample();
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return [...seen.values()].reduce((sum, p) => sum + p.last - p.first, 0);
    },
  };
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server at ${url} did not start`);
}

const parent = await mkdtemp(path.join(tmpdir(), 'kpr-bench-'));
await chmod(parent, 0o755);
const dataDir = path.join(parent, 'data');
const port = await freePort();
const start = () => startEmbeddedPostgres({ dataDir, port, database: 'kpr_bench', persistent: true });
let postgres = await start();
const cleanups: (() => Promise<void>)[] = [
  async () => rm(parent, { recursive: true, force: true }),
  () => postgres.stop(),
];

try {
  await prepareDatabase(postgres.url);
  await adminQuery(postgres.url, 'CREATE DATABASE kpr_raw TEMPLATE kpr_bench');
  const rawUrl = withDatabase(postgres.url, 'kpr_raw');

  openAppPool(postgres.url);
  cleanups.push(closeAppPool);
  const secret = generateApiKeySecret();
  await provisionDemoApiKey(actor, secret, true);

  const appPort = await freePort();
  const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`] : [];
  // As `npm start` runs it: WORKERS processes behind Node's cluster module (this process is the
  // primary that hands them the connections), with 20 database connections between them.
  const servers = startNextServers('start', {
    port: appPort,
    workers: WORKERS,
    stdio: 'pipe',
    nodeOptions: profile,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      DATABASE_POOL_SIZE: String(Math.ceil(20 / WORKERS)),
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_URL: `http://localhost:${appPort}`,
      INGEST_RATE_PER_SECOND: '1000000',
      INGEST_RATE_BURST: '1000000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  let serverErrors = 0;
  for (const server of servers.processes) {
    server.stdout?.resume();
    server.stderr?.on('data', () => serverErrors++);
  }
  cleanups.push(() => servers.stop());
  const serverCpuMs = () => servers.processes.reduce((sum, server) => sum + processCpuMs(server.pid!), 0);
  const serverWaitMs = () => servers.processes.reduce((sum, server) => sum + runQueueWaitMs(server.pid!), 0);
  const base = `http://localhost:${appPort}`;
  await waitForServer(`${base}/api/health`);

  const documents = generateDocuments();
  const acknowledged = new Map<string, Acknowledged>();
  const latencies: number[] = [];
  let attempts = 0;
  let retried = 0;
  let failed = 0;
  let next = 0;
  let done = 0;
  let restart: Promise<void> | null = null;
  const restartAt = Math.floor(documents.length / 2);

  // node:http with keep-alive rather than fetch: the load generator shares the two cores with the
  // server, and fetch (undici) costs it several times the CPU per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  function postXml(body: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${base}/api/v1/messages`,
        {
          method: 'POST',
          agent,
          headers: {
            Authorization: `Bearer ${secret}`,
            'Content-Type': 'application/xml',
            'X-Transport': 'AMQP',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  async function post(document: Document): Promise<void> {
    const started = performance.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      attempts++;
      try {
        const response = await postXml(document.body);
        const answer = JSON.parse(response.body) as { summary?: { findings?: unknown[]; errors?: unknown[] } };
        if (response.status === 200 || response.status === 201) {
          latencies.push(performance.now() - started);
          const children =
            (document.kind === 'message' ? answer.summary?.findings : answer.summary?.errors)?.length ?? -1;
          const previous = acknowledged.get(document.key);
          if (previous && previous.children !== children) throw new Error(`different answers for ${document.key}`);
          acknowledged.set(document.key, { status: response.status, children });
          return;
        }
        if (response.status < 500 && response.status !== 429)
          throw new Error(`${document.key}: HTTP ${response.status} ${JSON.stringify(answer)}`);
      } catch (error) {
        if (error instanceof Error && /HTTP|different answers/.test(error.message)) throw error;
      }
      retried++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * attempt)));
    }
    failed++;
  }

  async function client(): Promise<void> {
    for (let index = next++; index < documents.length; index = next++) {
      await post(documents[index]!);
      done++;
      if (done === restartAt && !restart) {
        restart = (async () => {
          const stopped = performance.now();
          await postgres.stop();
          postgres = await start();
          console.log(
            `PostgreSQL stopped and started again after ${done} documents (${((performance.now() - stopped) / 1000).toFixed(1)} s down)`,
          );
        })();
      }
    }
  }

  console.log(
    `Posting ${documents.length} documents (${new Set(documents.map((d) => d.key)).size} distinct) from ${CLIENTS} clients …`,
  );
  const postingStarted = performance.now();
  const serverCpuStarted = serverCpuMs();
  const serverWaitStarted = serverWaitMs();
  const loadBefore = loadAverage();
  const postgresCpu = postgresCpuMeter(dataDir);
  const clientCpuStarted = process.cpuUsage();
  await Promise.all(Array.from({ length: CLIENTS }, () => client()));
  await restart;
  agent.destroy();
  const postingSeconds = (performance.now() - postingStarted) / 1000;
  const serverCpu = serverCpuMs() - serverCpuStarted;
  const serverWait = serverWaitMs() - serverWaitStarted;
  const loadAfter = loadAverage();
  const postgresCpuMs = postgresCpu.stop();
  const clientCpu = process.cpuUsage(clientCpuStarted);
  const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;

  // Reconcile against the database.
  const stored = await readStoredDocuments(actor);
  const countBy = (rows: StoredRow[], column: string) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(String(row[column]), (counts.get(String(row[column])) ?? 0) + 1);
    return counts;
  };
  const findingsPerMessage = countBy(stored.findings, 'message_id');
  const errorsPerApprec = countBy(stored.apprecErrors, 'apprec_id');
  const storedByKey = new Map<string, { children: number; complete: boolean }>();
  for (const row of stored.messages)
    storedByKey.set(String(row.msg_id), {
      children: findingsPerMessage.get(String(row.id)) ?? 0,
      complete: row.content_summary !== null,
    });
  for (const row of stored.apprecs)
    storedByKey.set(String(row.apprec_id), { children: errorsPerApprec.get(String(row.id)) ?? 0, complete: true });
  const problems: string[] = [];
  for (const [key, ack] of acknowledged) {
    const row = storedByKey.get(key);
    if (!row) problems.push(`acknowledged but not stored: ${key}`);
    else if (row.children !== ack.children || !row.complete)
      problems.push(`partial: ${key} has ${row.children} children, answered ${ack.children}`);
  }
  for (const key of storedByKey.keys())
    if (!acknowledged.has(key)) problems.push(`stored but never acknowledged: ${key}`);
  const duplicateIds = [
    ...countBy(stored.messages, 'msg_id').values(),
    ...countBy(stored.apprecs, 'apprec_id').values(),
  ].filter((count) => count > 1).length;
  const auditRows = stored.ingestAuditEvents;

  // The same rows inserted straight through pg: one transaction per document, 20 connections.
  const groupBy = (list: StoredRow[], column: string) => {
    const groups = new Map<string, StoredRow[]>();
    for (const row of list) groups.set(String(row[column]), [...(groups.get(String(row[column])) ?? []), row]);
    return groups;
  };
  const findingsBy = groupBy(stored.findings, 'message_id');
  const errorsBy = groupBy(stored.apprecErrors, 'apprec_id');
  const units: RawInsertUnit[] = [
    ...stored.messages.map((row): RawInsertUnit => [
      ['message', [row]],
      ['finding', findingsBy.get(String(row.id)) ?? []],
    ]),
    ...stored.apprecs.map((row): RawInsertUnit => [
      ['apprec', [row]],
      ['apprec_error', errorsBy.get(String(row.id)) ?? []],
    ]),
  ];
  const rawStarted = performance.now();
  await insertUnitsRaw(rawUrl, units, 20);
  const rawSeconds = (performance.now() - rawStarted) / 1000;

  latencies.sort((a, b) => a - b);
  const distinct = new Set(documents.map((d) => d.key)).size;
  console.log('');
  console.log(
    `documents posted          ${documents.length} (${distinct} distinct, ${documents.length - distinct} duplicate resends)`,
  );
  console.log(
    `acknowledged              ${acknowledged.size} distinct; failed after ${MAX_ATTEMPTS} attempts: ${failed}`,
  );
  console.log(`HTTP attempts             ${attempts} (${retried} retried, around the PostgreSQL restart)`);
  console.log(
    `stored                    ${storedByKey.size} (${stored.messages.length} messages, ${stored.apprecs.length} AppRecs); duplicate ids ${duplicateIds}`,
  );
  console.log(`audit rows (ingest)       ${auditRows}`);
  console.log(
    `reconciliation            ${problems.length === 0 ? 'OK: every acknowledged document stored exactly once, nothing partial, nothing extra' : `${problems.length} problems`}`,
  );
  for (const problem of problems.slice(0, 10)) console.log(`  ${problem}`);
  console.log(
    `throughput (API)          ${(documents.length / postingSeconds).toFixed(0)} documents/s over ${postingSeconds.toFixed(1)} s, restart included`,
  );
  console.log(
    `latency (API, per doc)    p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms (retries included)`,
  );
  const perRequest = (ms: number) =>
    `${(ms / attempts).toFixed(2)} ms (${((ms / 1000 / postingSeconds) * 100).toFixed(0)} % of a core)`;
  console.log(
    `CPU per HTTP request      server ${perRequest(serverCpu)} in ${WORKERS} process${WORKERS > 1 ? 'es' : ''}`,
  );
  console.log(
    `                          PostgreSQL ${perRequest(postgresCpuMs)}, bench client ${perRequest(clientCpuMs)}`,
  );
  console.log(
    `waiting for a CPU         server main threads ${((serverWait / 1000 / postingSeconds / WORKERS) * 100).toFixed(0)} % of the time runnable but not running; load average ${loadBefore} before, ${loadAfter} after`,
  );
  console.log(
    `raw insert (pg, same rows) ${(units.length / rawSeconds).toFixed(0)} documents/s (${units.length} documents in ${rawSeconds.toFixed(1)} s, one transaction each, 20 connections)`,
  );
  console.log(`server stderr lines       ${serverErrors}`);
  process.exitCode = problems.length === 0 && failed === 0 && duplicateIds === 0 ? 0 : 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
