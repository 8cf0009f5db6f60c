import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/access/rules/actor';
import { writeDemo } from '@/lib/demo';
import { deriveStatusOverview } from '@/lib/status';
import { backupDatabase, restoreDatabase } from './backup';
import { db } from './index';
import { adminQuery, quoteIdentifier, withDatabase } from './server-admin';
import { closeAppPool, openAppPool } from './sql';
import { createTestDatabase, type TestDatabase } from './testing/database';

/** Every table of `public` (Prisma's migration record aside) with its row count and a digest of its rows. */
async function contents(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const {
        rows: [row],
      } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(to_jsonb(t)::text, ',' ORDER BY to_jsonb(t)::text)) AS digest FROM public.${quoteIdentifier(name)} t`,
      );
      result[name] = { rows: Number(row!.rows), digest: row!.digest ?? '' };
    }
    return result;
  } finally {
    await client.end();
  }
}

const OVERVIEW_QUERY = { seasonKey: '2025', asOf: new Date('2026-01-16T12:00:00Z') };
const overview = () => deriveStatusOverview(systemActor('launcher'), OVERVIEW_QUERY);

describe('backup and restore (npm run db:backup, npm run db:restore)', () => {
  let database: TestDatabase;
  let directory: string;
  let file: string;
  let before: Awaited<ReturnType<typeof contents>>;
  let overviewBefore: Awaited<ReturnType<typeof overview>>;

  // One database with the demo season and a row in the tables the demo leaves empty, backed up once.
  beforeAll(async () => {
    database = await createTestDatabase();
    openAppPool(database.url, 4);
    await writeDemo({ seed: 2025 });
    const key = await db().apiKey.create({
      data: { name: 'Mottak', prefix: 'kpr_abcd', hash: 'a'.repeat(64), scopes: ['INGEST', 'READ'] },
    });
    await db().ingestRateBucket.create({
      data: { apiKeyId: key.id, tokens: 0.123456789012345, refilledAt: new Date(), admitted: false },
    });
    for (let i = 0; i < 3; i++)
      await db().auditEvent.create({
        data: { action: 'ingest.message', outcome: 'SUCCESS', actorApiKeyId: key.id, details: { n: i, ø: [1.5] } },
      });
    const season = await db().season.findUniqueOrThrow({ where: { key: '2025' } });
    await db().weeklyReport.create({
      data: {
        seasonId: season.id,
        weekStart: new Date('2026-01-12T00:00:00Z'),
        asOf: new Date('2026-01-18T22:59:59.999Z'),
        snapshot: { rows: [] },
        since: new Date('2026-01-11T22:59:59.999Z'),
        changes: {},
        changeCount: 0,
        files: {
          create: {
            format: 'PDF',
            fileName: 'rapport.pdf',
            contentType: 'application/pdf',
            content: Buffer.from([0, 1, 2, 254, 255, 0x5c, 0x78]),
            sha256: 'b'.repeat(64),
          },
        },
      },
    });
    before = await contents(database.url);
    overviewBefore = await overview();
    directory = await mkdtemp(path.join(tmpdir(), 'kpr-backup-'));
    file = path.join(directory, 'kpr.backup.gz');
    await backupDatabase(database.url, file);
  });

  afterAll(async () => {
    await closeAppPool();
    await database?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('gives, after the database is dropped and restored, the same rows in every table and the same overview', async () => {
    expect(before.message!.rows).toBeGreaterThan(100);
    for (const table of ['api_key', 'audit_event', 'report_file', 'ingest_rate_bucket', 'app_user', 'municipality'])
      expect(before[table]!.rows, table).toBeGreaterThan(0);
    expect(overviewBefore?.rows.length).toBe(357);

    await closeAppPool();
    await database.drop();
    await adminQuery(database.url, `CREATE DATABASE ${quoteIdentifier(database.name)} TEMPLATE template0`);
    const summary = await restoreDatabase(database.url, file);
    openAppPool(database.url, 4);

    expect(summary.tables.message).toBe(before.message!.rows);
    expect(await contents(database.url)).toEqual(before);
    expect(await overview()).toEqual(overviewBefore);
    // The autoincrement ids go on after the restored ones.
    const maxBefore = (await db().auditEvent.aggregate({ _max: { id: true } }))._max.id!;
    const next = await db().auditEvent.create({ data: { action: 'ingest.message', outcome: 'SUCCESS' } });
    expect(next.id).toBeGreaterThan(maxBefore);
  });

  it('refuses a database that is not empty, and leaves it as it was', async () => {
    const counts = await contents(database.url);
    await expect(restoreDatabase(database.url, file)).rejects.toThrow(/not empty/);
    expect(await contents(database.url)).toEqual(counts);
  });

  it('refuses a cut-off backup and leaves no rows behind', async () => {
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const cut = path.join(directory, 'cut.backup.gz');
    await writeFile(cut, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    const name = `kpr_restore_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await adminQuery(database.url, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`);
    try {
      await expect(restoreDatabase(withDatabase(database.url, name), cut)).rejects.toThrow(/cut off/);
      const left = await contents(withDatabase(database.url, name));
      expect(Object.values(left).every((table) => table.rows === 0)).toBe(true);
    } finally {
      await adminQuery(database.url, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    }
  });
});
