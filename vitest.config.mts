import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests of code that uses the app's own database client get a database of their own per file. */
const APP_DATABASE_TESTS = [
  'lib/*/data.test.ts',
  'lib/*/data/**/*.test.ts',
  'lib/*/jobs.test.ts',
  'lib/access/*.test.ts',
  'lib/ingest/*.test.ts',
  'lib/reports/*.test.ts',
  'lib/transport/*.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      'server-only': fileURLToPath(new URL('./lib/db/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    globalSetup: ['lib/db/testing/global-setup.ts'],
    // Test files run in this many worker processes at once. One core stays for PostgreSQL and the
    // processes the database tests start (the report process, pg-boss, the capture SMTP server):
    // on 2 cores the files run one after another, and no database test starves another.
    maxWorkers: Math.max(1, availableParallelism() - 1),
    // Budgets sized for a busy 2-core machine, several times the slowest test or set-up there, so
    // that none depends on how fast the machine is: the weekly report's data test (three builds in
    // the report process) took 4 s on a quiet machine and 15 s at a load of 8 against the old 30 s.
    // Every wait in the tests is for a condition (lib/db/testing/wait.ts), never for a time.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,app,components,scripts,prisma}/**/*.test.{ts,tsx}'],
          exclude: APP_DATABASE_TESTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'app-database',
          include: APP_DATABASE_TESTS,
          setupFiles: ['lib/db/testing/app-database.ts'],
        },
      },
    ],
  },
});
