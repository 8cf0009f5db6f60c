import { expect, type Page } from '@playwright/test';
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
