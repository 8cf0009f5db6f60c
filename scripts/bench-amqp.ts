/**
 * The AMQP benchmark (`npm run build` first for the HTTP figure, then `npm run bench:amqp`): a
 * throwaway embedded PostgreSQL and a throwaway RabbitMQ node; 10 000 generated documents (KPR_IPL
 * messages and AppRecs, a fifth of them delivered twice, as a redelivering sender would) published
 * to a queue and taken by the consumers (one per server process `npm start` would run, each on its
 * own connection, competing), with the broker restarted once and PostgreSQL restarted once while
 * they work. Then it reconciles — every distinct document stored exactly once with the bytes that
 * were sent, nothing dead-lettered, nothing refused, the queue empty — and prints documents/s next
 * to the HTTP ingest rate measured in the same run on the same database (`next start`, 50 clients
 * posting the same kind of documents to POST /api/v1/messages; skipped without a build).
 *
 * Options (environment): BENCH_DOCUMENTS (10000), BENCH_CLIENTS (50, HTTP), AMQP_CREDIT (20 per
 * consumer), WEB_CONCURRENCY (consumers and server processes; one per core when unset), NEXT_DIST_DIR.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiKeySecret, provisionDemoApiKey, systemActor } from '@/lib/access';
import { env } from '@/lib/core/env';
import { freePort, startEmbeddedPostgres } from '@/lib/db/embedded';
import { prepareDatabase } from '@/lib/db/prepare';
import { closeAppPool, openAppPool } from '@/lib/db/sql';
import { readStoredDocuments, sha256Hex } from '@/lib/ingest';
import { AmqpConsumer, listIntakeErrors } from '@/lib/transport';
import { openPublisher } from '@/lib/db/testing/amqp-publish';
import { startRabbitNode } from '@/lib/db/testing/rabbitmq';
import { startNextServers } from './launch';

const DOCUMENTS = env.BENCH_DOCUMENTS;
const CLIENTS = env.BENCH_CLIENTS;
const WORKERS = env.WEB_CONCURRENCY ?? availableParallelism();
const DUPLICATE_SHARE = 0.2;
const QUEUE = 'kpr_bench';
const actor = systemActor('benchmark');

interface Document {
  key: string;
  body: string;
}

const fixture = (name: string) => readFileSync(path.resolve('lib/ingest/readers/fixtures/good', name), 'utf8');
const municipalities = readFileSync(path.resolve('prisma/data/kommuner-2025.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]!)
  .filter((n) => /^\d{4}$/.test(n));

/** KPR_IPL messages and their AppRecs (half each), `prefix` in every id; a fifth of the list repeats earlier ones, shuffled in. */
function generateDocuments(prefix: string): { all: Document[]; distinct: Map<string, string> } {
  const ipl = fixture('msghead-kpr-ipl.xml');
  const apprec = fixture('apprec-1.0-avvist-prefixed.xml');
  const unique = Math.round(DOCUMENTS * (1 - DUPLICATE_SHARE));
  const documents: Document[] = [];
  for (let i = 0; i < unique; i++) {
    if (i % 2 === 0) {
      const msgId = `${prefix}-${randomUUID()}`;
      documents.push({
        key: msgId,
        body: ipl
          .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`)
          .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${municipalities[i % municipalities.length]}</iiKomnr>`),
      });
    } else {
      const id = `${prefix}-apprec-${randomUUID()}`;
      documents.push({
        key: id,
        body: apprec
          .replace(/<a:Id>7c6d0a51[^<]*<\/a:Id>/, `<a:Id>${id}</a:Id>`)
          .replace(/<a:Id>6f1c2d4e[^<]*<\/a:Id>/, `<a:Id>${documents[i - 1]!.key}</a:Id>`),
      });
    }
  }
  const duplicates = Array.from({ length: DOCUMENTS - unique }, (_, i) => documents[(i * 7919) % unique]!);
  const all = [...documents, ...duplicates];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { all, distinct: new Map(documents.map((d) => [d.key, sha256Hex(new TextEncoder().encode(d.body))])) };
}

/** Every stored document with `prefix`: id → SHA-256, and how many ids were stored more than once. */
async function storedWith(prefix: string): Promise<{ byKey: Map<string, string>; repeated: number }> {
  const stored = await readStoredDocuments(actor);
  const byKey = new Map<string, string>();
  let repeated = 0;
  const rows = [
    ...stored.messages.map((row) => [String(row.msg_id), String(row.payload_sha256)] as const),
    ...stored.apprecs.map((row) => [String(row.apprec_id), String(row.payload_sha256)] as const),
  ];
  for (const [key, sha] of rows) {
    if (!key.startsWith(prefix)) continue;
    if (byKey.has(key)) repeated++;
    byKey.set(key, sha);
  }
  return { byKey, repeated };
}

function reconcile(distinct: Map<string, string>, stored: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, sha] of distinct) {
    const storedSha = stored.get(key);
    if (!storedSha) problems.push(`sent but not stored: ${key}`);
    else if (storedSha !== sha) problems.push(`stored with other bytes: ${key}`);
  }
  for (const key of stored.keys()) if (!distinct.has(key)) problems.push(`stored but never sent: ${key}`);
  return problems;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30 * 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The HTTP side: `next start` on the same database, CLIENTS clients posting `documents` with retries; documents/s, or null without a build. */
async function measureHttp(
  databaseUrl: string,
  documents: Document[],
): Promise<{ rate: number; problems: string[] } | null> {
  if (!existsSync(path.join(env.NEXT_DIST_DIR, 'BUILD_ID'))) return null;
  const secret = generateApiKeySecret();
  await provisionDemoApiKey(actor, secret, true);
  const appPort = await freePort();
  const servers = startNextServers('start', {
    port: appPort,
    workers: WORKERS,
    stdio: 'pipe',
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(Math.ceil(20 / WORKERS)),
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_URL: `http://localhost:${appPort}`,
      INGEST_RATE_PER_SECOND: '1000000',
      INGEST_RATE_BURST: '1000000',
      NEXT_TELEMETRY_DISABLED: '1',
      JOBS: 'off',
    },
  });
  for (const server of servers.processes) {
    server.stdout?.resume();
    server.stderr?.resume();
  }
  try {
    const base = `http://localhost:${appPort}`;
    await waitUntil(
      'the server',
      async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok ?? false,
      120_000,
    );
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
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
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const problems: string[] = [];
    let next = 0;
    const client = async () => {
      for (let index = next++; index < documents.length; index = next++) {
        for (let attempt = 1; ; attempt++) {
          const status = await post(documents[index]!.body).catch(() => 0);
          if (status === 200 || status === 201) break;
          if (attempt >= 30) {
            problems.push(`HTTP ${status} for ${documents[index]!.key}`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, () => client()));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return { rate: documents.length / seconds, problems };
  } finally {
    await servers.stop();
  }
}

const parent = await mkdtemp(path.join(tmpdir(), 'kpr-bench-amqp-'));
await chmod(parent, 0o755);
const dataDir = path.join(parent, 'data');
const pgPort = await freePort();
const startPostgres = () => startEmbeddedPostgres({ dataDir, port: pgPort, database: 'kpr_bench', persistent: true });
let postgres = await startPostgres();
const rabbit = await startRabbitNode();
const cleanups: (() => Promise<void>)[] = [
  async () => rm(parent, { recursive: true, force: true }),
  () => postgres.stop(),
  () => rabbit.destroy(),
];
// rhea writes a line to stderr when RabbitMQ 3.x's AMQP 1.0 plugin sends past the credit; counted, not printed.
let overCredit = 0;
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Received transfer when credit was')) overCredit++;
  else consoleError(...args);
};

try {
  await prepareDatabase(postgres.url);
  openAppPool(postgres.url);
  cleanups.push(closeAppPool);

  // HTTP first (its servers then stop, leaving the cores to the consumers), on the same database.
  const httpDocuments = generateDocuments('http');
  console.log(
    `HTTP: posting ${httpDocuments.all.length} documents from ${CLIENTS} clients to next start (${WORKERS} processes) …`,
  );
  const httpResult = await measureHttp(postgres.url, httpDocuments.all);
  let httpProblems: string[] = [];
  if (httpResult) {
    httpProblems = [...httpResult.problems, ...reconcile(httpDocuments.distinct, (await storedWith('http')).byKey)];
  } else {
    console.log(`HTTP: no build in ${env.NEXT_DIST_DIR} (run npm run build first); the HTTP rate is not measured`);
  }

  await rabbit.declareQueues([QUEUE]);
  const { all, distinct } = generateDocuments('amqp');
  const publisher = await openPublisher(rabbit.url);
  const publishStarted = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let index = sent++; index < all.length; index = sent++) {
        const document = all[index]!;
        await publisher.send(QUEUE, document.body, {
          message_id: randomUUID(),
          application_properties: {
            fromHerId: 91235,
            toHerId: 122612,
            cpaId: 'bench',
            applicationTimeStamp: new Date().toISOString(),
          },
        });
      }
    }),
  );
  const publishSeconds = (performance.now() - publishStarted) / 1000;
  await publisher.close();
  console.log(`AMQP: published ${all.length} documents (${distinct.size} distinct) in ${publishSeconds.toFixed(1)} s`);

  const logLines: string[] = [];
  const consumers = Array.from(
    { length: WORKERS },
    () =>
      new AmqpConsumer({
        url: rabbit.url,
        queues: [{ name: QUEUE, kind: 'messages' }],
        credit: env.AMQP_CREDIT,
        actor: systemActor('transport'),
        log: (line) => logLines.push(line),
      }),
  );
  const storedCount = async () => (await storedWith('amqp')).byKey.size;
  const consumeStarted = performance.now();
  for (const consumer of consumers) consumer.start();

  await waitUntil('a third stored', async () => (await storedCount()) >= distinct.size / 3);
  let stopped = performance.now();
  await rabbit.stop();
  await rabbit.start();
  console.log(`AMQP: broker stopped and started again (${((performance.now() - stopped) / 1000).toFixed(1)} s down)`);

  await waitUntil('two thirds stored', async () => (await storedCount()) >= (2 * distinct.size) / 3);
  stopped = performance.now();
  await postgres.stop();
  postgres = await startPostgres();
  console.log(
    `AMQP: PostgreSQL stopped and started again (${((performance.now() - stopped) / 1000).toFixed(1)} s down)`,
  );

  const inFlight = () => consumers.reduce((sum, c) => sum + c.status().queues[0]!.inFlight, 0);
  await waitUntil(
    'every document stored and the queue empty',
    async () =>
      (await storedCount().catch(() => 0)) === distinct.size &&
      (await rabbit.messageCount(QUEUE)) === 0 &&
      inFlight() === 0,
  );
  const consumeSeconds = (performance.now() - consumeStarted) / 1000;
  for (const consumer of consumers) await consumer.stop();

  const stored = await storedWith('amqp');
  const problems = reconcile(distinct, stored.byKey);
  const deadLettered = await rabbit.messageCount(`${QUEUE}_dl`);
  const refused = (await listIntakeErrors(actor))?.length ?? 0;
  const statuses = consumers.map((c) => c.status());
  const sum = (pick: (q: (typeof statuses)[number]['queues'][number]) => number) =>
    statuses.reduce((total, s) => total + pick(s.queues[0]!), 0);
  const lost = [...distinct.keys()].filter((key) => !stored.byKey.has(key)).length;

  console.log('');
  console.log(
    `documents published       ${all.length} (${distinct.size} distinct, ${all.length - distinct.size} redelivered duplicates)`,
  );
  console.log(
    `consumers                 ${WORKERS} (one per server process), credit ${env.AMQP_CREDIT} each; reconnects ${statuses.map((s) => s.reconnects).join(' + ')}`,
  );
  console.log(
    `settled                   ${sum((q) => q.accepted)} accepted (${sum((q) => q.duplicates)} as duplicates), ${sum((q) => q.released)} released and redelivered, ${sum((q) => q.rejected)} rejected`,
  );
  console.log(`stored                    ${stored.byKey.size} distinct; lost ${lost}; duplicates ${stored.repeated}`);
  console.log(`dead-lettered / refused   ${deadLettered} / ${refused}`);
  console.log(
    `reconciliation            ${problems.length === 0 && deadLettered === 0 && refused === 0 ? 'exact: every distinct document stored once with the bytes sent, nothing else' : `${problems.length} problems`}`,
  );
  for (const problem of problems.slice(0, 10)) console.log(`  ${problem}`);
  console.log(
    `throughput (AMQP)         ${(all.length / consumeSeconds).toFixed(0)} documents/s over ${consumeSeconds.toFixed(1)} s, both restarts included`,
  );
  console.log(
    httpResult
      ? `throughput (HTTP)         ${httpResult.rate.toFixed(0)} documents/s (${CLIENTS} clients, ${WORKERS} server processes, no restart), reconciliation ${httpProblems.length === 0 ? 'exact' : `${httpProblems.length} problems`}`
      : 'throughput (HTTP)         not measured (no build)',
  );
  console.log(
    `over-credit transfers     ${overCredit} (RabbitMQ 3.x's AMQP 1.0 plugin sending past the credit window); most held unsettled by one consumer ${Math.max(...statuses.map((s) => s.queues[0]!.maxInFlight))}, handled at once at most ${env.AMQP_CREDIT}`,
  );
  process.exitCode = problems.length === 0 && deadLettered === 0 && refused === 0 && stored.repeated === 0 ? 0 : 1;
} finally {
  console.error = consoleError;
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
