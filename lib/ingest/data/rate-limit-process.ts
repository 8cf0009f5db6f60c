/**
 * Test support for lib/ingest/data/rate-limit.test.ts: a Node process of its own, with its own
 * database pool, that takes tokens for one API key as a server process would, so the test can show
 * that two processes share one limit. Waits for a line on stdin before it starts (both start
 * together), then prints `{ admitted, refused, retryAfter }` as JSON.
 *   node --conditions=react-server --import tsx rate-limit-process.ts <apiKeyId> <attempts> <rate> <burst>
 */
import { createInterface } from 'node:readline';
import { closeAppPool } from '@/lib/db/sql';
import { takeIngestToken } from './rate-limit';

const [apiKeyId = '', attempts, ratePerSecond, burst] = process.argv.slice(2);
const viewer = {
  userId: null,
  apiKeyId,
  name: 'rate-limit-process',
  role: 'FHI_STAFF' as const,
  municipalityNumbers: [],
  sessionId: null,
  requestId: `rate-limit-process-${process.pid}`,
};
const limit = { ratePerSecond: Number(ratePerSecond), burst: Number(burst) };

// Open the pool's connections before the start, so both processes contend from the first request.
await takeIngestToken({ ...viewer, apiKeyId: '00000000-0000-0000-0000-000000000000' }, limit);
console.log('ready');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

const waits = await Promise.all(Array.from({ length: Number(attempts) }, () => takeIngestToken(viewer, limit)));
await closeAppPool();
console.log(
  JSON.stringify({
    admitted: waits.filter((wait) => wait === 0).length,
    refused: waits.filter((wait) => wait > 0).length,
    retryAfter: Math.min(...waits.filter((wait) => wait > 0)),
  }),
);
