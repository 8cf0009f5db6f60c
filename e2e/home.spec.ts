import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openAs } from './helpers';

test.beforeEach(async ({ page }) => {
  // Where a sign-in as FHI staff lands, with the run's shared session (e2e/global-setup.ts).
  await openAs(page, 'staff');
});

test('the annual overview shows the status of all 357 municipalities, a page at a time', async ({ page }) => {
  await page.goto('/?season=2025');
  await expect(page).toHaveTitle(/Oversikt/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('KPR 2025');
  const table = page.getByRole('table', { name: /^Alle kommuner: 357 av 357, side 1 av 8/ });
  await expect(table.getByRole('rowheader')).toHaveCount(50);
  await expect(table.getByRole('row', { name: /^0301 Oslo Oslo/ })).toBeVisible();
  // The season is over: no row counts working days left.
  await expect(table.getByRole('cell', { name: 'Fristen er passert', exact: true })).toHaveCount(50);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  await expect(skipLink).toBeFocused();
  await skipLink.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the home page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await expectNoAxeViolations(page);
});
