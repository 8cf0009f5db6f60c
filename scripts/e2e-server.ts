/**
 * The server the browser tests run against (playwright.config.ts): the production build
 * (`next build` first) on a fresh database of its own — on a throwaway embedded PostgreSQL, or on
 * the server at DATABASE_URL — migrated, with reference and demo data. Removed when stopped.
 */
import { randomBytes } from 'node:crypto';
import { env } from '../lib/core/env';
import { startPostgresServer } from '../lib/db/throwaway';
import { prepareLaunchDatabase, runNext } from './launch';

const server = await startPostgresServer(env.DATABASE_URL);
const database = `kpr_e2e_${process.pid}_${Date.now()}`;
const url = await server.createDatabase(database);
await prepareLaunchDatabase(url, {
  demoSeed: env.DEMO_SEED,
  demoApiKey: env.DEMO_API_KEY ? { secret: env.DEMO_API_KEY, demoDatabase: true } : undefined,
});
await runNext('start', {
  port: env.PORT,
  databaseUrl: url,
  demoDatabase: true,
  authSecret: randomBytes(32).toString('base64url'),
  cleanup: async () => {
    if (!server.embedded) await server.dropDatabase(database);
    await server.stop();
  },
});
