import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '@/lib/core/env';
import { db } from '@/lib/db';
import { takeIngestToken } from './rate-limit';

/** A key's viewer as the API authenticates it; the bucket is keyed on the id alone. */
function keyViewer(apiKeyId = randomUUID()) {
  return {
    userId: null,
    apiKeyId,
    name: 'Mottak',
    role: 'FHI_STAFF' as const,
    municipalityNumbers: [],
    sessionId: null,
    requestId: randomUUID(),
  };
}

/** So slow a refill that none comes during a test however slow the machine: 1 token per 1 000 s. */
const SLOW = { ratePerSecond: 0.001, burst: 3 };

/** Moves the key's last refill `seconds` into the past, as if that much time had gone by. */
async function letTimePass(apiKeyId: string, seconds: number) {
  await db()
    .$executeRaw`UPDATE ingest_rate_bucket SET refilled_at = refilled_at - make_interval(secs => ${seconds}) WHERE api_key_id = ${apiKeyId}::uuid`;
}

describe('the ingest rate limit in PostgreSQL', () => {
  it('admits the burst, then refuses with the seconds until the next token, per key', async () => {
    const a = keyViewer();
    const b = keyViewer();
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await takeIngestToken(a, SLOW));
    expect(waits).toEqual([0, 0, 0, 1000]);
    expect(await takeIngestToken(b, SLOW)).toBe(0);
    // A refused request takes nothing: the next token is still 1 000 s of refill away, not 2 000.
    expect(await takeIngestToken(a, SLOW)).toBe(1000);
  });

  it('refills at the rate, never above the burst', async () => {
    const a = keyViewer();
    for (let i = 0; i < 3; i++) await takeIngestToken(a, SLOW);
    await letTimePass(a.apiKeyId, 1500); // 1.5 tokens
    expect(await takeIngestToken(a, SLOW)).toBe(0);
    expect(await takeIngestToken(a, SLOW)).toBe(500); // 0.5 left: half a token to go
    await letTimePass(a.apiKeyId, 1_000_000);
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await takeIngestToken(a, SLOW));
    expect(waits).toEqual([0, 0, 0, 1000]);
  });

  it('holds in total for requests at once on one pool', async () => {
    const a = keyViewer();
    const waits = await Promise.all(Array.from({ length: 40 }, () => takeIngestToken(a, { ...SLOW, burst: 25 })));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(25);
  });

  it('holds in total across two server processes taking from the same key at once', async () => {
    const apiKeyId = randomUUID();
    const burst = 60;
    const attempts = 100;
    const script = fileURLToPath(new URL('./rate-limit-process.ts', import.meta.url));
    const processes = [0, 1].map(() => {
      const child = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', script, apiKeyId, String(attempts), '0.001', String(burst)],
        // This process's environment names the test database (lib/db/testing/app-database.ts).
        { stdio: ['pipe', 'pipe', 'inherit'], env: childEnvironment({}) },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => output.includes('ready\n') && resolve());
        child.on('exit', (code) => reject(new Error(`the process ended with ${code} before it was ready`)));
      });
      const done = new Promise<{ admitted: number; refused: number; retryAfter: number }>((resolve, reject) =>
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(output.split('\n').at(-2) ?? '')) : reject(new Error(`exit code ${code}`)),
        ),
      );
      done.catch(() => {}); // awaited below; a failure before then is the ready promise's
      return { child, ready, done };
    });
    await Promise.all(processes.map(({ ready }) => ready));
    for (const { child } of processes) child.stdin.end('go\n');
    const results = await Promise.all(processes.map(({ done }) => done));

    // Per process (the old limit) each would have admitted 60 of its 100; shared, 60 in all.
    expect(results.reduce((sum, result) => sum + result.admitted, 0)).toBe(burst);
    expect(results.reduce((sum, result) => sum + result.refused, 0)).toBe(2 * attempts - burst);
    for (const result of results) expect(result.retryAfter).toBe(1000);
  });
});
