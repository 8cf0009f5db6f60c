/**
 * The second lock's connection side: a view of a pool on which every transaction runs with an
 * actor's PostgreSQL role and municipality scope (`SET LOCAL`, lib/access/rules/database-scope.ts),
 * so the row-level security policies apply even to a query that forgot its own scope.
 *
 * A query outside a transaction becomes one: the opening statements (one round trip), the query,
 * COMMIT. A transaction (Prisma's, which starts with `BEGIN`) gets the opening statements in place
 * of its `BEGIN`, at no extra round trip. Everything is local to the transaction, so a connection
 * goes back to the pool as it came.
 */
import pg from 'pg';
import { openingStatements, type DatabaseScope } from '@/lib/access/rules/database-scope';

function isBegin(config: unknown): boolean {
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' && /^\s*BEGIN\s*;?\s*$/i.test(text);
}

/** `client` with its `BEGIN` replaced by the opening statements of the scope. */
function scopedClient(client: pg.PoolClient, opening: string): pg.PoolClient {
  const query = (config: unknown, ...rest: unknown[]) =>
    isBegin(config)
      ? client.query(opening)
      : (client.query as (...args: unknown[]) => Promise<pg.QueryResult>)(config, ...rest);
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A pool (for pg and for Prisma's adapter, which wants a `pg.Pool`) that shares `pool`'s
 * connections and runs everything in transactions of `scope`. Ending it ends nothing: `pool`
 * belongs to its opener.
 */
export function scopedPool(pool: pg.Pool, scope: DatabaseScope): pg.Pool {
  const opening = openingStatements(scope);
  const scoped = Object.create(pool) as pg.Pool;
  scoped.connect = (async () => scopedClient(await pool.connect(), opening)) as pg.Pool['connect'];
  scoped.query = (async (config: unknown, values?: unknown) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(opening);
      const result = await (client.query as (...args: unknown[]) => Promise<pg.QueryResult>)(config, values);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }) as pg.Pool['query'];
  scoped.on = ((event: string, listener: (...args: unknown[]) => void) => {
    pool.on(event as 'error', listener);
    return scoped;
  }) as pg.Pool['on'];
  scoped.removeListener = ((event: string, listener: (...args: unknown[]) => void) => {
    pool.removeListener(event, listener);
    return scoped;
  }) as pg.Pool['removeListener'];
  scoped.end = (async () => {}) as pg.Pool['end'];
  return scoped;
}
