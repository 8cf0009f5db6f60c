/**
 * Runs once before the first browser test, after Playwright has seen the test server answer its
 * health URL (playwright.config.ts). It makes the server as ready as it will be for the tests, so
 * that no test pays for a cold start on a busy machine:
 *
 * 1. signs in once through the sign-in page as each person with a shared session and keeps the
 *    storage state (helpers.ts: SHARED_SESSIONS, sessionFile), and
 * 2. requests every page and route handler in the build once as each role (anonymous, FHI admin,
 *    FHI staff, municipal contact): a production server loads a route's code, and the data access
 *    layer its caches, on the first request that needs them. That first request was among the
 *    ones that ran out of time when it fell to a test.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, request, type FullConfig } from '@playwright/test';
import { DEMO, SHARED_SESSIONS, sessionFile, signInAs, type SharedPersona } from './helpers';
import { TIMEOUTS } from './timeouts';

/** One person of each role; anonymous is the fourth. */
const WARM_UP_ROLES: (SharedPersona | 'anonymous')[] = ['anonymous', 'admin', 'staff', 'osloContact'];

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A value for each dynamic segment of a route, so that the route's own code runs (not found is fine). */
function sampleUrl(route: string): string {
  const url = route
    .replace('[...nextauth]', 'session')
    .replace('[number]', '0301')
    .replace('[format]', 'csv')
    .replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000');
  // The exports need a format to get as far as building a file.
  return url.endsWith('/eksport') ? `${url}?format=csv` : url;
}

async function waitForHealth(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const until = Date.now() + TIMEOUTS.navigation;
  try {
    for (;;) {
      const status = await api
        .get('/api/health', { timeout: TIMEOUTS.action })
        .then((response) => response.status())
        .catch(() => 0);
      if (status === 200) return;
      if (Date.now() > until) throw new Error(`the test server is not ready: GET /api/health answered ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await api.dispose();
  }
}

async function signInSharedSessions(config: FullConfig, baseURL: string): Promise<void> {
  const { launchOptions, locale, timezoneId } = config.projects[0]!.use;
  const started = Date.now();
  const browser = await chromium.launch(launchOptions);
  try {
    for (const persona of SHARED_SESSIONS) {
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      context.setDefaultTimeout(TIMEOUTS.action);
      context.setDefaultNavigationTimeout(TIMEOUTS.navigation);
      await signInAs(await context.newPage(), DEMO[persona]);
      await mkdir(path.dirname(sessionFile(persona)), { recursive: true });
      await context.storageState({ path: sessionFile(persona) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`global setup: ${SHARED_SESSIONS.length} shared sessions signed in in ${seconds(started)}`);
}

async function warmUpRoutes(baseURL: string): Promise<void> {
  const buildDir = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(await readFile(`${buildDir}/app-path-routes-manifest.json`, 'utf8')) as Record<
    string,
    string
  >;
  const routes = [...new Set(Object.values(manifest))].filter((route) => !route.startsWith('/_')).sort();
  const started = Date.now();
  let requests = 0;
  for (const role of WARM_UP_ROLES) {
    const api = await request.newContext({
      baseURL,
      storageState: role === 'anonymous' ? undefined : sessionFile(role),
      timeout: TIMEOUTS.navigation,
    });
    try {
      for (const route of routes) {
        const url = sampleUrl(route);
        const response = await api.get(url, { maxRedirects: 0 });
        requests++;
        // The tests judge the answers; a server error here is only worth a line in the log.
        if (response.status() >= 500) console.warn(`warm-up: ${role} GET ${url} answered ${response.status()}`);
        await response.dispose();
      }
    } finally {
      await api.dispose();
    }
  }
  console.log(
    `global setup: warmed up with ${requests} requests (${routes.length} routes × ${WARM_UP_ROLES.length} roles) in ${seconds(started)}`,
  );
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]!.use.baseURL!;
  await waitForHealth(baseURL);
  await signInSharedSessions(config, baseURL);
  await warmUpRoutes(baseURL);
}
