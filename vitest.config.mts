import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      'server-only': fileURLToPath(new URL('./lib/db/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{lib,app,components,scripts,prisma}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['lib/db/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
