import { expect, test } from '@playwright/test';
import { createApiKeyThroughUi } from './api-keys';
import { DEMO, expectNoAxeViolations, openAs, signInAs } from './helpers';

test('anonymous visitors are sent to the sign-in page, which says it is a demo', async ({ page }) => {
  await page.goto('/kommuner/0301');
  await expect(page).toHaveURL(/\/logg-inn/);
  await expect(page.getByRole('heading', { name: 'Dette er en demo' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('FHI staff see all 357 municipalities; a contact sees only their own', async ({ page }) => {
  await signInAs(page, DEMO.staff);
  await expect(page.getByRole('table', { name: /^Alle kommuner: 357 av 357/ })).toBeVisible();

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/logg-inn/);

  await signInAs(page, DEMO.osloContact);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Min kommune');
  // A contact's home is a card per municipality they serve.
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(1);
  await expect(cards).toHaveAccessibleName('Oslo (0301)');
  await cards.getByRole('link', { name: 'Se hele årsleveransen for Oslo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oslo (0301)');

  // A foreign municipality is answered exactly like a missing one.
  const foreign = await page.goto('/kommuner/4601');
  expect(foreign?.status()).toBe(404);
  const missing = await page.goto('/kommuner/9999');
  expect(missing?.status()).toBe(404);
});

test('a contact serving two municipalities sees both', async ({ page }) => {
  await openAs(page, 'twoMunicipalityContact');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mine kommuner');
  // One card each, most urgent first; the season's table lists both by number.
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article', { name: 'Halden (3101)' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Moss (3103)' })).toBeVisible();
  await page.goto('/?season=2025');
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(['Halden', 'Moss']);
});

test('an admin registers a contact with municipalities, sees them listed and deactivates them', async ({ page }) => {
  await openAs(page, 'admin');
  await page.getByRole('link', { name: 'Brukere' }).click();
  await expect(page.getByRole('heading', { name: /Kommuner med færre enn 2 aktive kontaktpersoner/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Registrer ny bruker' }).click();
  await page.getByRole('button', { name: 'Registrer bruker' }).click();
  await expect(page.getByText('Skriv inn navnet.').first()).toBeVisible();

  const email = `ny.kontakt.${Date.now()}@bergen.example.no`;
  await page.getByLabel('Navn').fill('Nina Kontakt');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Kommuner (kommunenummer, for kontaktpersoner)').fill('4601, 9999');
  await page.getByRole('button', { name: 'Registrer bruker' }).click();
  await expect(page.getByText('Ukjent kommunenummer: 9999.').first()).toBeVisible();
  await page.getByLabel('Kommuner (kommunenummer, for kontaktpersoner)').fill('4601');
  await page.getByRole('button', { name: 'Registrer bruker' }).click();
  await expect(page).toHaveURL(/\/admin\/brukere\?registrert=/);
  // Each change is said, announced, and is so.
  await expect(page.getByRole('status')).toHaveText(
    'Nina Kontakt er registrert som ny bruker (Kontaktperson i kommunen).',
  );
  const row = page.getByRole('row', { name: /Nina Kontakt/ });
  await expect(row).toContainText('Bergen (4601)');
  await expect(row).toContainText('Aldri');
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name: 'Nina Kontakt' }).click();
  await page.getByLabel('Navn').fill('Nina Kontakt Berg');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(page.getByRole('status')).toHaveText('Endringene for Nina Kontakt Berg er lagret.');
  await expect(row.getByRole('link')).toHaveText('Nina Kontakt Berg');

  await row.getByRole('link', { name: 'Nina Kontakt Berg' }).click();
  await page.getByRole('button', { name: 'Deaktiver bruker' }).click();
  await expect(page.getByRole('status')).toHaveText('Nina Kontakt Berg er deaktivert og kan ikke lenger logge inn.');
  await expect(page.getByRole('main')).toContainText('Deaktivert.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aktiver bruker igjen' }).click();
  await expect(page.getByRole('status')).toHaveText('Nina Kontakt Berg er aktivert igjen og kan logge inn.');
  await expect(page.getByRole('button', { name: 'Deaktiver bruker' })).toBeVisible();
  await page.goto('/admin/brukere');
  await expect(row).toContainText('Aktiv');
  await expect(page.getByRole('status')).toHaveText('');
});

test('an admin revokes an API key: told so, listed as revoked, and the key no longer opens the API', async ({
  page,
  browser,
  request,
}) => {
  const name = `E2E tilbakekall ${Date.now()}`;
  const secret = await createApiKeyThroughUi(browser, name, ['READ']);
  const withKey = { headers: { Authorization: `Bearer ${secret}` } };
  expect((await request.get('/api/v1/status', withKey)).status()).toBe(200);
  await openAs(page, 'admin', '/admin/api-nokler');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: `Tilbakekall ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: name })).toHaveText(
    `Nøkkelen «${name}» er tilbakekalt. Systemer som bruker den, blir avvist fra nå av.`,
  );
  await expect(row).toContainText('Tilbakekalt');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect((await request.get('/api/v1/status', withKey)).status()).toBe(401);
  await expectNoAxeViolations(page);
});

test('the audit log answers who looked at a municipality', async ({ page, browser }) => {
  const contact = await browser.newPage();
  await signInAs(contact, DEMO.bergenContact);
  await contact.goto('/kommuner/4601');
  await expect(contact.getByRole('heading', { level: 1 })).toHaveText('Bergen (4601)');
  await contact.close();

  await openAs(page, 'admin');
  await page.goto('/admin/logg?municipality=4601&days=30');
  await page.getByLabel('Handling').selectOption({ label: 'Så en kommune' });
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page).toHaveURL(/action=municipality\.view/);
  await expect(page.getByRole('row', { name: /Jonas Lie/ }).first()).toContainText('Så en kommune');
  await expectNoAxeViolations(page);
});

test('staff and contacts cannot reach the administration', async ({ page }) => {
  await openAs(page, 'staff');
  await expect(page.getByRole('link', { name: 'Brukere' })).toHaveCount(0);
  expect((await page.goto('/admin/brukere'))?.status()).toBe(404);
  expect((await page.goto('/admin/logg'))?.status()).toBe(404);
});

test('responses carry the security headers, and signed-in pages are never cached', async ({ page }) => {
  const signInPage = await page.goto('/logg-inn');
  const headers = signInPage!.headers();
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');

  await signInAs(page, DEMO.staff);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const home = await page.goto('/');
  expect(home!.headers()['cache-control']).toMatch(/no-store/);
});
