/**
 * A PostgreSQL server for tools and tests: the one at DATABASE_URL when set, else a throwaway
 * embedded instance in a temporary directory that is removed when stopped.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded';
import { adminQuery, quoteIdentifier, withDatabase } from './server-admin';

export interface PostgresServer {
  /** A URL on the server; its database part is replaced to reach other databases. */
  url: string;
  /** A throwaway embedded server: everything on it goes when it stops. */
  embedded: boolean;
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
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
  return {
    url: serverUrl,
    embedded: !databaseUrl,
    async createDatabase(name, template) {
      await adminQuery(
        serverUrl,
        `CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''}`,
      );
      return withDatabase(serverUrl, name);
    },
    async dropDatabase(name) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
    stop,
  };
}
