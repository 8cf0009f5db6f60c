/**
 * The demo capability's door: the deterministic demo data and the demo's people, which the
 * launcher writes into a database it created itself (scripts/launch.ts), on the process's pool.
 */
import { db } from '@/lib/db';
import type { DemoOptions } from './model';
import { writeDemoUsers } from './users';
import { seedDemoIfEmpty, type DemoWriteCounts } from './write';

export { DEMO_USERS, type DemoUser } from './users';
export type { DemoOptions, DemoWriteCounts };

/**
 * The demo's people (brought up to date) and, into a database without messages yet, the demo data
 * of `options.seed`: what was written, or null when the database had data already.
 */
export async function writeDemo(options: DemoOptions): Promise<DemoWriteCounts | null> {
  await writeDemoUsers(db());
  return seedDemoIfEmpty(db(), options);
}
