// EPJ patterns: FHI finds the demo's vendor wave (January's T02 rejections on one version), each
// municipality linked to a page whose timeline shows the rejection; the daily season's October
// volume drop; the period and season in the URL; axe clean at desktop and phone width, no sideways
// scrolling; closed to a municipal contact.
import { expect, test } from '@playwright/test';
import { expectAccessibleAt, openAs } from './helpers';

const JANUARY = '/epj?season=2025&from=2026-01-01&to=2026-01-20&asOf=2026-01-20';

test('FHI finds January’s vendor wave: one version rejected with T02, its municipalities listed and linked', async ({
  page,
}) => {
  await openAs(page, 'staff', JANUARY);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('EPJ-mønstre');
  const patterns = page.getByRole('region', { name: 'Grupper som skiller seg ut' });
  const wave = patterns
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /T02 XML validerer ikke/ }) });
  await expect(wave).toHaveCount(1);
  const sentence = await wave
    .getByText(/kommuner på .* ble avvist med T02 XML validerer ikke fra 0[5-9]\.01\.2026/)
    .innerText();
  const affected = Number(/^(\d+) av \d+ kommuner/.exec(sentence)?.[1]);
  expect(affected).toBeGreaterThanOrEqual(8);
  const links = wave.getByRole('link');
  await expect(links).toHaveCount(affected);

  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);

  // The first municipality's own page shows the rejection with T02 on its timeline.
  await page.setViewportSize({ width: 1280, height: 900 });
  const first = links.first();
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.replace(/ \(\d{4}\)$/, ''));
  await expect(page.getByText(/T02/).first()).toBeVisible();
});

test('the daily season shows October’s volume drop on one version; the period is in the URL', async ({ page }) => {
  await openAs(page, 'staff', '/epj?season=2026-daglig&from=2026-10-01&to=2026-10-31');
  await expect(page.getByRole('navigation', { name: 'Velg sesong' }).getByText('KPR 2026 (daglig)')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('textbox', { name: 'Fra og med' })).toHaveValue('2026-10-01');
  const patterns = page.getByRole('region', { name: 'Grupper som skiller seg ut' });
  await expect(patterns.getByText(/kommuner på .* fikk volumfall fra \d\d\.10\.2026/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: /per EPJ-system og versjon/ })).toBeVisible();
  await expectAccessibleAt(page, 390);
});

test('a municipal contact does not find the page', async ({ page }) => {
  await openAs(page, 'osloContact');
  const response = await page.goto('/epj');
  expect(response?.status()).toBe(404);
});
