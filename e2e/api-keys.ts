import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO, openAs, sharedPersonaNamed, signInAs } from './helpers';

/** Opens `path` signed in as a demo user: with the run's shared session where there is one, else after a sign-in. */
export async function signInAndOpen(page: Page, name: string, path: string): Promise<void> {
  const shared = sharedPersonaNamed(name);
  if (shared) return openAs(page, shared, path);
  await signInAs(page, name);
  await page.goto(path);
}

/** Creates an API key through the admin page (as the demo FHI admin) and returns its secret, shown once. */
export async function createApiKeyThroughUi(
  browser: Browser,
  name: string,
  scopes: ('INGEST' | 'READ')[],
): Promise<string> {
  const page = await browser.newPage();
  try {
    await signInAndOpen(page, DEMO.admin, '/admin/api-nokler');
    await page.getByLabel('Navn').fill(name);
    for (const scope of scopes) await page.getByRole('checkbox', { name: new RegExp(`^${scope}`) }).check();
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    const secret = page.getByRole('textbox', { name: 'API-nøkkel' });
    await expect(secret).toHaveValue(/^kpr_/);
    return await secret.inputValue();
  } finally {
    await page.context().close();
  }
}
