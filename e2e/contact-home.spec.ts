/**
 * A contact's home page is their municipalities (one card each): the state, the time left or the
 * season's outcome and the next step are there without a click, at desktop and phone width. A
 * municipality that has delivered is offered no extension form after the deadline; a replayed page
 * offers no actions and says so. The help page "Slik leser du statusen" is axe-clean, and every
 * state badge links to an entry that exists on it.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleAt, openAs } from './helpers';

const OUTCOMES = /Levert innen fristen|Levert innen innvilget utsatt frist|Levert for sent|Ikke levert/;

/** The hrefs of the help links on the page, and how many state badges (.ds-tag) in `scope` are not inside one. */
async function badgeLinks(page: Page, scope: string) {
  return page.evaluate((selector) => {
    const tags = [...document.querySelectorAll(`${selector} .ds-tag`)];
    return {
      tags: tags.length,
      unlinked: tags.filter((tag) => !tag.closest('a[href^="/hjelp#"]')).map((tag) => tag.textContent),
      hrefs: [...document.querySelectorAll('a[href^="/hjelp#"]')].map((link) => link.getAttribute('href')!),
    };
  }, scope);
}

for (const width of [1280, 390]) {
  test(`a contact sees state, time left or outcome and next step without a click (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openAs(page, 'osloContact');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min kommune');
    const card = page.getByRole('article', { name: 'Oslo (0301)' });
    const daily = card.getByRole('region', { name: 'Daglig rapportering' });
    const annual = card.getByRole('region', { name: /^Årsleveransen – KPR 2025/ });
    // Daily: the state as a badge, days since the last accepted delivery, the next step.
    await expect(daily.locator('.ds-tag')).toBeVisible();
    await expect(daily.getByText(/Siste godkjente levering|Ingen godkjent daglig levering ennå/)).toBeVisible();
    await expect(daily.getByText('Neste steg:')).toBeVisible();
    // Annual, long after its deadline: the outcome, no time-left counter.
    await expect(annual.locator('.ds-tag').first()).toHaveText(OUTCOMES);
    await expect(annual.getByText('Neste steg:')).toBeVisible();
    await expect(annual.getByText('Siste hendelse')).toBeVisible();
    await expect(annual.getByText('Apprec', { exact: true })).toBeVisible();
    await expect(annual.getByText(/Sjekkliste: \d+ av \d+ oppfylt/)).toBeVisible();
    await expect(card).not.toContainText('arbeidsdager igjen');
    await expect(card).not.toContainText('gikk ut for');
    await expectAccessibleAt(page, width);
  });
}

test('a contact of two municipalities gets one card each; the badges link to the help page', async ({ page }) => {
  await openAs(page, 'twoMunicipalityContact');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine kommuner');
  await expect(page.getByRole('article')).toHaveCount(2);
  const links = await badgeLinks(page, 'main article');
  expect(links.tags).toBeGreaterThanOrEqual(4);
  expect(links.unlinked).toEqual([]);
});

test('a municipality that has delivered is offered no extension form after the deadline', async ({ page }) => {
  let delivered: { number: string; state: string } | undefined;
  for (const persona of ['twoMunicipalityContact', 'osloContact'] as const) {
    await openAs(page, persona);
    const status = (await (await page.request.get('/api/v1/status?season=2025')).json()) as {
      municipalities: { number: string; state: string }[];
    };
    delivered = status.municipalities.find((row) => row.state === 'DELIVERED');
    if (delivered) break;
  }
  expect(delivered, 'one of the contact’s municipalities has delivered').toBeDefined();
  await page.goto(`/kommuner/${delivered!.number}`);
  const section = page.getByRole('region', { name: 'Søknad om utsatt frist' });
  await expect(section).toContainText('Kommunen har levert, så det er ikke noe å søke utsatt frist for.');
  await expect(section.getByRole('form', { name: 'Søk om utsatt frist' })).toHaveCount(0);
  // The status says how the season ended, not how long ago the deadline was.
  const state = page.getByRole('region', { name: 'Status' });
  await expect(state.getByText('Utfall', { exact: true })).toBeVisible();
  await expect(state).not.toContainText('gikk ut for');
  const links = await badgeLinks(page, 'main section[aria-labelledby="status"]');
  expect(links.tags).toBeGreaterThanOrEqual(1);
  expect(links.unlinked).toEqual([]);
});

test('a replayed page shows the past and offers no actions', async ({ page }) => {
  await openAs(page, 'osloContact', '/kommuner/0301?asOf=2026-01-10');
  await expect(page.getByText('Du ser et tilbakeblikk.')).toBeVisible();
  for (const name of ['Send søknaden', 'Trekk søknaden', 'Legg til notat'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  // No Server Action form at all (Next.js gives each one a hidden $ACTION field).
  await expect(page.locator('main form input[name^="$ACTION"]')).toHaveCount(0);
  // Before the deadline, the annual season shows its time left, no outcome.
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('arbeidsdager igjen');

  await page.goto('/?asOf=2026-01-10');
  await expect(page.getByRole('status').filter({ hasText: 'Du ser et tilbakeblikk' })).toBeVisible();
  await expect(page.locator('main form input[name^="$ACTION"]')).toHaveCount(0);
});

test('the help page is axe-clean and has an entry for every badge FHI see', async ({ page }) => {
  await openAs(page, 'staff', '/?season=2025');
  const table = await badgeLinks(page, 'main table');
  expect(table.tags).toBeGreaterThan(0);
  expect(table.unlinked).toEqual([]);
  await page.goto('/?season=2026-daglig');
  const daily = await badgeLinks(page, 'main table');
  expect(daily.unlinked).toEqual([]);

  await page.goto('/hjelp');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Slik leser du statusen');
  for (const href of new Set([...table.hrefs, ...daily.hrefs])) {
    const id = href.split('#')[1]!;
    await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
  }
  await expect(page.getByRole('region', { name: 'Ordliste' })).toContainText('Fristsøknad');
  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);
});
