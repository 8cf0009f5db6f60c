/**
 * The application's database (server only): a PrismaClient and plain SQL for an actor, both on the
 * process's one pool on `DATABASE_URL`, which the launcher (scripts/dev.ts, scripts/start.ts) sets
 * to the embedded PostgreSQL when it is unset. Only data modules (`lib/<capability>/data*`) import this.
 */
import 'server-only';
import type pg from 'pg';
import type { Actor } from '@/lib/access/rules/actor';
import { createPrismaClient, type PrismaClient } from './client';
import { actorPool, appPool } from './sql';

export { sql } from './sql';

/** Clients kept per role and scope; the least recently used goes when there are more. */
const MAX_CLIENTS = 64;

const globalForPrisma = globalThis as unknown as { prisma?: { clients: Map<string, PrismaClient>; pool: pg.Pool } };

/**
 * The client `actor` uses (server only): on the process's pool, with every transaction in the
 * actor's role and municipality scope, so row-level security holds (lib/db/scoped-pool.ts). One
 * client per role and scope (FHI and every job share theirs; a contact's is shared by the contacts
 * of the same municipalities), made on first use, and again if that pool was closed and another
 * opened (a launcher or benchmark that writes, closes and later opens the pool again).
 * Without an actor: the login role that owns the tables, which row-level security does not hold —
 * for tests' set-up and inspection only; ESLint refuses `db()` anywhere else.
 */
export function db(actor?: Actor): PrismaClient {
  const { pool, key } = actor ? actorPool(actor) : { pool: appPool(), key: 'owner' };
  const base = actor ? (Object.getPrototypeOf(pool) as pg.Pool) : pool;
  if (globalForPrisma.prisma?.pool !== base) globalForPrisma.prisma = { clients: new Map(), pool: base };
  const { clients } = globalForPrisma.prisma;
  let client = clients.get(key);
  if (client) {
    clients.delete(key);
  } else {
    client = createPrismaClient(pool);
    const oldest = clients.size >= MAX_CLIENTS ? clients.keys().next().value : undefined;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.set(key, client);
  return client;
}
