/**
 * A PostgreSQL server for tools and tests: the one at DATABASE_URL when set, else a throwaway
 * embedded instance in a temporary directory that is removed when stopped.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';
import { withDatabase } from './schema-engine';

export interface PostgresServer {
  /** A URL on the server; its database part is replaced to reach other databases. */
  url: string;
  /** A throwaway embedded server: everything on it goes when it stops. */
  embedded: boolean;
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startPostgresServer(databaseUrl: string | undefined): Promise<PostgresServer> {
  let url = databaseUrl;
  let stop = async () => {};
  if (!url) {
    const parent = await mkdtemp(path.join(tmpdir(), 'kpr-pg-'));
    // As root the server runs as the `postgres` user, which must be able to enter the directory.
    await chmod(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0, database: 'postgres', persistent: false });
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
      await rm(parent, { recursive: true, force: true });
    };
  }
  const serverUrl = url;
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return {
    url: serverUrl,
    embedded: !databaseUrl,
    async createDatabase(name, template) {
      await admin(serverUrl, `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
      return withDatabase(serverUrl, name);
    },
    async dropDatabase(name) {
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    },
    stop,
  };
}
