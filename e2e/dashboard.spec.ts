import { expect, request, test } from '@playwright/test';
import { DEMO, expectNoAxeViolations, openAs, signInAs } from './helpers';

test.describe('FHI staff', () => {
  test.beforeEach(async ({ page }) => {
    // Where a sign-in as FHI staff lands, with the run's shared session (e2e/global-setup.ts). Not
    // `test.use({ storageState })`: the contexts a test makes itself would get it too, and the test
    // without JavaScript signs in there.
    await openAs(page, 'staff');
  });

  test('see how many delivered, and how this compares with last year on the same date', async ({ page }) => {
    await page.goto('/?season=2025&asOf=2026-01-20');
    await expect(page.getByText('Viser status slik den var ved utgangen av 20.01.2026')).toBeVisible();
    const figures = page.getByRole('region', { name: 'Nøkkeltall' });
    for (const label of [
      'Levert',
      'Godkjent med feil',
      'Sendt, venter på Apprec',
      'Ikke startet',
      'Godkjent levering',
      'Levert innen fristen',
      'Forsinket',
      'Må sende på nytt',
      'Bør søke om utsettelse',
    ]) {
      await expect(figures.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(figures.getByText(/av 357 \(\d+\s%\)/).first()).toBeVisible();
    await expect(figures.getByText(/På samme dag før fristen i KPR 2024/)).toBeVisible();
    // Each chart has its data as a table.
    await page.getByText('Vis tallene som tabell').first().click();
    await expect(
      page.getByRole('table', { name: 'Andel kommuner med godkjent levering ved utgangen av hver dag' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('find who must resubmit and why, through the filter form and the worklist', async ({ page }) => {
    await page.goto('/?season=2025&asOf=2026-01-20');
    await page.getByRole('combobox', { name: 'Flagg' }).selectOption('MUST_RESUBMIT');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/flagg=MUST_RESUBMIT/);
    await expect(page).toHaveURL(/asOf=2026-01-20/);
    const table = page.getByRole('table', { name: /^Alle kommuner: \d+ av 357/ });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first()).toContainText('Må sende på nytt');
    // The downloads carry the same filters and date, and hold every matching row (all pages).
    const matching = Number((await table.locator('caption').textContent())!.match(/: (\d+) av/)![1]);
    for (const [name, format] of [
      ['Last ned CSV', 'csv'],
      ['Last ned Excel', 'xlsx'],
    ]) {
      const href = (await page.getByRole('link', { name }).getAttribute('href'))!;
      expect(Object.fromEntries(new URL(href, 'http://x').searchParams)).toMatchObject({
        format,
        flagg: 'MUST_RESUBMIT',
        asOf: '2026-01-20',
      });
      const download = await page.request.get(href);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toContain('attachment');
      if (format === 'csv')
        expect((await download.text()).split('\n').filter((line) => /^"?\d{4}"?[;,]/.test(line))).toHaveLength(
          matching,
        );
    }

    await page.getByRole('link', { name: 'Arbeidsliste' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Arbeidsliste');
    const first = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3 }) })
      .first();
    await expect(first.getByText('Neste steg:').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('find who should apply for an extension before the deadline', async ({ page }) => {
    // Raised by last season's curve: on the working day before the deadline, not for everyone undelivered.
    await page.goto('/?season=2025&asOf=2026-01-14&flagg=SHOULD_APPLY_FOR_EXTENSION');
    const table = page.getByRole('table', { name: /^Alle kommuner: \d+ av 357/ });
    await expect(table).toBeVisible();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first()).toContainText('Bør søke om utsettelse');
  });

  test('sort, page and choose columns with links that work without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, DEMO.staff);
    await page.goto('/?season=2025');
    await page.getByRole('link', { name: /Sorter etter kommune, stigende/ }).click();
    await expect(page.getByRole('columnheader', { name: /etter kommune/ })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('link', { name: 'Neste side' }).click();
    await expect(page.getByRole('table', { name: /side 2 av 8/ })).toBeVisible();
    await expect(page).toHaveURL(/sort=name/);
    await page.goto('/?season=2025&kol=name&kol=flags');
    await expect(page.getByRole('table', { name: /^Alle kommuner/ }).getByRole('columnheader')).toHaveText([
      /Nr\./,
      /Kommune/,
      /Status/,
      'Flagg',
    ]);
    await context.close();
  });

  test('the table is usable with the keyboard', async ({ page }) => {
    await page.goto('/?season=2025');
    const sortByName = page.getByRole('link', { name: /Sorter etter kommune, stigende/ });
    await sortByName.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=name&retning=asc/);
    await expect(page.getByRole('columnheader', { name: /etter kommune/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  test('a municipality page shows state, checklist, timeline and last season', async ({ page }) => {
    await page.goto('/kommuner/4601?asOf=2026-01-20');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bergen (4601)');
    await expect(page.getByRole('heading', { name: 'Flagg og neste steg' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Krysses av ut fra mottatte meldinger/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /sammenlignet med KPR 2024/ })).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: /Alle meldinger, Apprec, funn og utsettelser/ })
        .locator('tbody tr')
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the overview fits a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

  test('the status API answers with the same derivation, and bad parameters with 400', async ({ page }) => {
    const all = await page.request.get('/api/v1/status?season=2025&asOf=2026-01-20');
    expect(all.status()).toBe(200);
    const body = (await all.json()) as {
      municipalities: { number: string; state: string }[];
      keyFigures: { total: number };
    };
    expect(body.municipalities).toHaveLength(357);
    expect(body.keyFigures.total).toBe(357);
    const one = await page.request.get('/api/v1/municipalities/4601/status?asOf=2026-01-20');
    expect(one.status()).toBe(200);
    expect((await one.json()) as { state: string }).toMatchObject({
      state: body.municipalities.find((m) => m.number === '4601')!.state,
    });
    const bad = await page.request.get('/api/v1/status?asOf=2026-02-30');
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_QUERY' } });
    expect((await page.request.get('/api/v1/status?season=1999')).status()).toBe(404);
  });
});

test('a municipal contact sees their own municipality only', async ({ page, baseURL }) => {
  await openAs(page, 'osloContact');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Min kommune');
  // The home page is a card per municipality served (e2e/contact-home.spec.ts); the table is a season's.
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Oslo (0301)' })).toBeVisible();
  await page.goto('/?season=2025');
  await expect(page.getByRole('table', { name: /^Dine kommuner: 1 av 1/ }).getByRole('rowheader')).toHaveText('Oslo');
  await expect(page.getByRole('link', { name: 'Arbeidsliste' })).toHaveCount(0);
  expect((await page.goto('/arbeidsliste'))?.status()).toBe(404);
  expect((await page.goto('/kommuner/4601'))?.status()).toBe(404);
  await page.goto('/kommuner/0301');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oslo (0301)');
  await expectNoAxeViolations(page);

  const own = await page.request.get('/api/v1/status');
  expect(((await own.json()) as { municipalities: { number: string }[] }).municipalities.map((m) => m.number)).toEqual([
    '0301',
  ]);
  expect((await page.request.get('/api/v1/municipalities/4601/status')).status()).toBe(404);
  const anonymous = await request.newContext({ baseURL });
  const refused = await anonymous.get('/api/v1/status');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  await anonymous.dispose();
});
