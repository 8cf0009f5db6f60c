import { expect, type Page } from '@playwright/test';

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
  // The sign-in lands on the overview, which can take a while on a cold server.
  await expect(page.getByRole('banner')).toContainText(name, { timeout: 30_000 });
}
