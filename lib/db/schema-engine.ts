/**
 * Prisma's schema engine compiled to WebAssembly, driven through the `pg` driver adapter. It runs
 * Prisma's own migration logic (diff, create, apply; recorded in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does) without the native engine download.
 */
import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import * as runtime from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { adminQuery, quoteIdentifier, withDatabase } from './server-admin';

export type SchemaEngine = runtime.SchemaEngine;
export type MigrationList = runtime.MigrationList;

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
export const NO_FILTERS: runtime.SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The engine's JavaScript glue is one module per process, however often this file is loaded (test
 * runners load it once per project), so its instance and the queue below are kept process-wide.
 */
const shared = globalThis as typeof globalThis & {
  kprSchemaEngine?: { wasmReady?: Promise<void>; queue: Promise<unknown>; lastPanic?: string };
};
const engineState = (shared.kprSchemaEngine ??= { queue: Promise.resolve() });

/** Node refuses a `.wasm` import without an experimental flag, so instantiate it by hand, once. */
function loadWasm(): Promise<void> {
  engineState.wasmReady ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => (engineState.lastPanic = message),
    };
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return engineState.wasmReady;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** Result rows whose columns (by index) were of PostgreSQL's internal one-byte type "char". */
const charColumnsOfRows = new WeakMap<unknown[], number[]>();

/**
 * The engine reads PostgreSQL's catalogs, which have columns of the internal one-byte type "char"
 * (e.g. pg_constraint.contype). The pg driver adapter refuses that type ("Column type 'char' could
 * not be deserialized"), so this client lets the adapter read such a column as text and remembers
 * which columns they were; `withCharColumns` then reports them to the engine as characters.
 */
class CatalogReadingClient extends pg.Client {
  // pg's query() has a dozen overloads; this forwards every form and only relabels result fields.
  override query(...args: unknown[]): never {
    const relabel = <R>(result: R): R => {
      for (const res of (Array.isArray(result) ? result : [result]) as (pg.QueryResult | undefined)[]) {
        const charColumns: number[] = [];
        res?.fields?.forEach((field, index) => {
          if (field.dataTypeID !== PG_CHAR_OID) return;
          field.dataTypeID = PG_TEXT_OID;
          charColumns.push(index);
        });
        if (res && charColumns.length > 0) charColumnsOfRows.set(res.rows, charColumns);
      }
      return result;
    };
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : relabel(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(relabel) : pending) as never;
  }
}

type Queryable = Pick<SqlQueryable, 'queryRaw'>;

function withCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOfRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  if ('startTransaction' in queryable && typeof queryable.startTransaction === 'function') {
    const startTransaction = (queryable as unknown as SqlDriverAdapter).startTransaction.bind(queryable);
    (queryable as unknown as SqlDriverAdapter).startTransaction = async (isolationLevel) =>
      withCharColumns(await startTransaction(isolationLevel));
  }
  return queryable;
}

/**
 * The adapter's executeScript splits a migration at every ";", which breaks function bodies
 * (`$$ … ; … $$`). PostgreSQL runs a whole multi-statement script in one simple-protocol query,
 * as Prisma's native engine sends it.
 */
function withWholeScripts<T extends SqlDriverAdapter>(adapter: T, pool: pg.Pool): T {
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      const e = error as pg.DatabaseError;
      throw new DriverAdapterError({
        kind: 'postgres',
        code: e.code ?? 'N/A',
        severity: e.severity ?? 'N/A',
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
      });
    }
  };
  return adapter;
}

/** The adapter the engine gets: PrismaPg with the two fixes above. */
type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

async function engineAdapter(pool: pg.Pool): Promise<PgAdapter> {
  return withWholeScripts(withCharColumns(await new PrismaPg(pool).connect()), pool);
}

function enginePool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2, Client: CatalogReadingClient });
}

/**
 * PrismaPg's own shadow database helper drops the database while its pool is still open, which
 * fails; this one closes the pool first and forces the drop.
 */
class ShadowAwarePg extends PrismaPg {
  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {
    super(pool);
  }

  override async connect() {
    return engineAdapter(this.pool);
  }

  override async connectToShadowDb() {
    const name = `kpr_shadow_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(this.url, `CREATE DATABASE ${quoteIdentifier(name)}`);
    const pool = enginePool(withDatabase(this.url, name));
    const adapter = await engineAdapter(pool);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end();
      await adminQuery(this.url, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    };
    return adapter;
  }
}

export async function readSchema(): Promise<runtime.SchemasContainer> {
  return { files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') }] };
}

/** The migrations folder as the engine expects it (Prisma's own layout: `<name>/migration.sql`). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(dir, name, 'migration.sql'), 'utf8').then(
            (value): runtime.JsResult<string, string> => ({ tag: 'ok', value }),
            (error: Error): runtime.JsResult<string, string> => ({ tag: 'error', value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Runs `work` with a schema engine connected to `url`; always frees it. The WebAssembly engine is not re-entrant, so engines take turns. */
export function withSchemaEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const turn = engineState.queue.then(() => runSchemaEngine(url, work));
  engineState.queue = turn.catch(() => {});
  return turn;
}

async function runSchemaEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const schema = await readSchema();
  const pool = enginePool(url);
  const engine = await runtime.SchemaEngine.new(
    { datamodels: schema.files.map((file) => [file.path, file.content]) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new ShadowAwarePg(pool, url)),
  );
  try {
    return await work(engine);
  } catch (error) {
    if (engineState.lastPanic)
      throw new Error(`Prisma schema engine panicked: ${engineState.lastPanic}`, { cause: error });
    throw error;
  } finally {
    engineState.lastPanic = undefined;
    engine.free();
    await pool.end();
  }
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations` (of those `include` takes: a
 * restore builds the schema a backup was made on); returns their names.
 */
export async function applyMigrations(url: string, include: (name: string) => boolean = () => true): Promise<string[]> {
  const all = await readMigrations();
  const migrationsList = { ...all, migrationDirectories: all.migrationDirectories.filter((dir) => include(dir.path)) };
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built by the migrations up to `schema.prisma` (empty when
 * they agree). Replays the migrations on a shadow database on the same server.
 */
export async function pendingSchemaChange(url: string): Promise<string> {
  const [migrationsList, schema] = await Promise.all([readMigrations(), readSchema()]);
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  });
}
