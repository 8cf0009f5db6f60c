import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { e2eDataDir } from './e2e/mail';
import { TIMEOUTS } from './e2e/timeouts';

// Overridable so that two test runs can share a machine (with NEXT_DIST_DIR for separate builds).
const port = Number(process.env.E2E_PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3190);
// Debian's Chromium (installed by .ci/run); CHROMIUM_PATH overrides it, and without either
// Playwright's own browser is used where one is installed.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// One Chromium worker per two cores: the Next.js server (one process, scripts/e2e-server.ts) with
// its PostgreSQL needs a core, and each worker's browser with its renderer about one more. With
// two workers on two cores the run itself kept the load above 4 before anything else ran, and
// tests ran out of time; here the suite runs in one worker, file after file. E2E_WORKERS overrides it.
const workers = Number(process.env.E2E_WORKERS ?? Math.max(1, Math.floor(availableParallelism() / 2)));

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: true,
  retries: 0,
  workers,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Signs in the shared sessions and warms the server up before the first test (e2e/global-setup.ts).
  globalSetup: './e2e/global-setup.ts',
  // Budgets sized for a busy 2-core machine; every wait ends as soon as its condition holds (e2e/timeouts.ts).
  timeout: TIMEOUTS.test,
  expect: { timeout: TIMEOUTS.expect },
  use: {
    baseURL: `http://localhost:${port}`,
    actionTimeout: TIMEOUTS.action,
    navigationTimeout: TIMEOUTS.navigation,
    trace: 'retain-on-failure',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // A local OpenID provider, so sign-in is tested with a real OIDC flow.
      command: 'node e2e/oidc-provider.mjs',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: TIMEOUTS.navigation,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(oidcPort), APP_ORIGIN: `http://localhost:${port}` },
    },
    {
      command: 'node --conditions=react-server --import tsx scripts/e2e-server.ts',
      // Ready when the server answers its health URL, which touches nothing; the server starts once
      // the database is migrated and seeded. What first requests load is warmed up in the global setup.
      url: `http://localhost:${port}/api/health`,
      // The embedded PostgreSQL's initdb, the migrations and the demo data come first.
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        AUTH_URL: `http://localhost:${port}`,
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: 'kpr-e2e',
        OIDC_CLIENT_SECRET: 'kpr-e2e-secret-that-is-long-enough-for-hs256',
        OIDC_SCOPES: 'openid email profile pid',
        OIDC_DISPLAY_NAME: 'Test-ID',
        // The launcher keeps captured mail next to this folder; the tests read it there (e2e/mail.ts).
        EMBEDDED_POSTGRES_DIR: path.join(e2eDataDir(port), 'postgres'),
        // Reminders go out whatever the time of the test run.
        REMINDER_QUIET_HOURS: 'off',
        // The annual demo season's deadline (15 January 2026) is long past on the test clock; a late
        // application is taken for a year, so e2e/follow-up.spec.ts can apply for a municipality that
        // has not delivered. The default grace (30 days) is tested in lib/follow-up (vitest).
        EXTENSION_GRACE_DAYS: '400',
        // The sessions signed in by the global setup serve the tests of the whole run (e2e/helpers.ts):
        // an idle one must not end however long a busy machine takes to get back to it.
        SESSION_IDLE_MINUTES: '600',
      },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'pipe',
    },
  ],
});
