import { expect, test, type Page } from '@playwright/test';
import { openAs } from './helpers';

const OIDC_PORT = process.env.E2E_OIDC_PORT ?? '3190';

/**
 * Signs in with the test OpenID provider. The first time, its development login form takes the
 * name and asks for consent; after that the provider's own session signs the person straight in.
 */
async function signInWithOidc(page: Page, login: string, { firstTime }: { firstTime: boolean }): Promise<void> {
  await page.goto('/logg-inn');
  await page.getByRole('button', { name: 'Logg inn med Test-ID' }).click();
  if (firstTime) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible();
    await page.locator('button[type="submit"]').click();
  }
  await page.waitForURL((url) => url.port !== OIDC_PORT);
}

test('a registered person signs in with the identity provider, is linked by e-mail, and signs out', async ({
  page,
  browser,
}) => {
  const login = `oidc-${Date.now()}`;
  const admin = await browser.newPage();
  await openAs(admin, 'admin');
  await admin.goto('/admin/brukere/ny');
  await admin.getByLabel('Navn').fill('Olav Oidc');
  await admin.getByLabel('E-post').fill(`${login}@idp.example.no`);
  await admin.getByLabel('Kommuner (kommunenummer, for kontaktpersoner)').fill('1103');
  await admin.getByRole('button', { name: 'Registrer bruker' }).click();
  await expect(admin).toHaveURL(/\/admin\/brukere\?registrert=/);
  await expect(admin.getByRole('status').filter({ hasText: 'Olav Oidc er registrert som ny bruker' })).toBeVisible();
  await admin.close();

  await signInWithOidc(page, login, { firstTime: true });
  await expect(page.getByRole('banner')).toContainText('Olav Oidc');
  await expect(page.getByRole('article')).toHaveAccessibleName('Stavanger (1103)');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/logg-inn/);
  expect((await page.goto('/kommuner/1103'))?.url()).toMatch(/\/logg-inn/);

  // The second time the subject is already linked.
  await signInWithOidc(page, login, { firstTime: false });
  await expect(page.getByRole('banner')).toContainText('Olav Oidc');

  // Each sign-in and sign-out left exactly one audit row.
  const auditor = await browser.newPage();
  await openAs(auditor, 'admin');
  await auditor.goto(`/admin/logg?user=${login}&action=auth.sign_in`);
  await expect(auditor.getByRole('row', { name: /Olav Oidc/ })).toHaveCount(2);
  await auditor.goto(`/admin/logg?user=${login}&action=auth.sign_out`);
  await expect(auditor.getByRole('row', { name: /Olav Oidc/ })).toHaveCount(1);
});

test('a person the product does not know gets "no access" and nothing else', async ({ page }) => {
  await signInWithOidc(page, `unknown-${Date.now()}`, { firstTime: true });
  await expect(page).toHaveURL(/\/ingen-tilgang/);
  await expect(page.getByRole('heading', { name: 'Ingen tilgang' })).toBeVisible();
  const home = await page.goto('/');
  expect(home?.url()).toMatch(/\/logg-inn/);
});
