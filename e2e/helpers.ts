import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { e2eDataDir } from './mail';
import { TIMEOUTS } from './timeouts';

/** The demo users (lib/demo/users.ts) by what they are. */
export const DEMO = {
  admin: 'Ingrid Haugen',
  staff: 'Per Olsen',
  osloContact: 'Lise Berg',
  bergenContact: 'Jonas Lie',
  twoMunicipalityContact: 'Marte Solberg',
} as const;

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  // The sign-in is a Server Action, a redirect and a page load (for FHI, the overview of every municipality).
  await expect(page.getByRole('banner')).toContainText(name, { timeout: TIMEOUTS.navigation });
}

/**
 * The people whose session the global setup (e2e/global-setup.ts) makes once per run, through the
 * sign-in page, for the tests that only need someone signed in: a sign-in is a Server Action, a
 * redirect and the overview, and on a busy machine it was where tests ran out of time. Tests about
 * signing in and out still do it themselves. Sessions are server-side; nothing in the tests ends
 * these (only a sign-out or a deactivation does), and the test server keeps an idle one long
 * enough for any run (SESSION_IDLE_MINUTES in playwright.config.ts).
 *
 * Not Jonas Lie (bergenContact): the authorization matrix deactivates and reactivates him, which
 * ends every session of his, so he signs in where he is needed.
 */
export const SHARED_SESSIONS = ['admin', 'staff', 'osloContact', 'twoMunicipalityContact'] as const;
export type SharedPersona = (typeof SHARED_SESSIONS)[number];

/** The storage state (the session cookie) of a shared session, kept with the test server's state. */
export function sessionFile(persona: SharedPersona): string {
  return path.join(e2eDataDir(process.env.E2E_PORT ?? 3100), 'sessions', `${persona}.json`);
}

/** The shared persona a demo user's name belongs to, if it has a shared session. */
export function sharedPersonaNamed(name: string): SharedPersona | undefined {
  return SHARED_SESSIONS.find((persona) => DEMO[persona] === name);
}

/**
 * Leaves the page where signInAs would — on `url` (the overview by default), signed in as
 * `persona`, their name in the banner — with the run's shared session instead of a new sign-in.
 */
export async function openAs(page: Page, persona: SharedPersona, url = '/'): Promise<void> {
  const state = JSON.parse(await readFile(sessionFile(persona), 'utf8')) as {
    cookies: Parameters<BrowserContext['addCookies']>[0];
  };
  await page.context().addCookies(state.cookies);
  await page.goto(url);
  await expect(page.getByRole('banner')).toContainText(DEMO[persona]);
}

/** The axe tags every browser test checks: WCAG 2.1 A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe finds no WCAG 2.1 A/AA violation on the page as it is now (at its current width). */
export async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
}

/** At `width`: the page has its heading, does not scroll sideways, and axe finds nothing. */
export async function expectAccessibleAt(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
}
