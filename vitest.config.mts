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
    testTimeout: 30_000,
    hookTimeout: 120_000,
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
