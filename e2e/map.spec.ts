// The map of Norway: all 357 municipalities drawn on the server, each a link named with its state and
// coloured like the table says, reachable by keyboard, axe-clean at desktop and phone width; a county
// can be focused; a contact sees their own municipalities outlined and no other municipality's state.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleAt, openAs } from './helpers';

interface MapLink {
  number: string;
  label: string;
  /** The legend's label of the pattern the municipality is filled with. */
  legend: string;
}

/** The map's frame (its own document) and the figure around it with the legend. */
const mapFrame = (page: Page, place = 'Norge') => page.locator(`iframe[title="Kart over ${place}"]`);
const mapFigure = (page: Page, place = 'Norge') => page.locator('figure', { has: mapFrame(page, place) });
const mapGroup = (page: Page, place = 'Norge') =>
  mapFrame(page, place)
    .contentFrame()
    .getByRole('group', { name: `Kart over ${place}` });

/** Every municipality link of the map, with the legend entry its fill belongs to. */
async function mapLinks(page: Page, place = 'Norge'): Promise<MapLink[]> {
  await expect(mapGroup(page, place)).toBeVisible();
  const legend = new Map(
    await mapFigure(page, place)
      .locator('figcaption li')
      .evaluateAll((items) =>
        items.map((item) => [
          item.querySelector('rect')!.getAttribute('fill')!,
          // "Levert (12)" → "Levert"
          item.textContent!.trim().replace(/\s*\([\d\s\u00a0]+\)$/, ''),
        ]),
      ),
  );
  const links = await mapGroup(page, place)
    .locator('a')
    .evaluateAll((links) =>
      links.map((link) => ({
        number: link.getAttribute('href')!.split('/')[2]!,
        label: link.getAttribute('aria-label')!,
        fill: link.getAttribute('fill')!,
      })),
    );
  return links.map(({ fill, ...link }) => ({ ...link, legend: legend.get(fill) ?? '' }));
}

/** The overview table's rows (number, name, state) on every page. */
async function tableStates(page: Page, url: string): Promise<Map<string, { name: string; state: string }>> {
  const rows = new Map<string, { name: string; state: string }>();
  for (let side = 1; ; side++) {
    await page.goto(`${url}&side=${side}`);
    const found = await page
      .getByRole('table', { name: /^Alle kommuner/ })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          number: tr.querySelector('th a')!.getAttribute('href')!.split('/')[2]!,
          name: tr.querySelector('th a')!.textContent!.trim(),
          state: tr.querySelector('.ds-tag')!.textContent!.trim(),
        })),
      );
    for (const row of found) rows.set(row.number, row);
    if (!(await page.getByRole('link', { name: 'Neste side' }).count())) return rows;
  }
}

test('all 357 municipalities are on the map, coloured and named by the same state as the table', async ({ page }) => {
  test.slow();
  await openAs(page, 'staff', '/kart?season=2025');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kart – KPR 2025');
  await expect(page.getByText('Kartdata: © Kartverket (CC BY 4.0)')).toBeVisible();
  const links = await mapLinks(page);
  expect(new Set(links.map((link) => link.number)).size).toBe(357);
  expect(links).toHaveLength(357);

  const table = await tableStates(page, '/?season=2025');
  expect(table.size).toBe(357);
  for (const link of links) {
    const row = table.get(link.number)!;
    expect(link.label, link.number).toBe(`${row.name}: ${row.state}`);
    expect(link.legend, link.number).toBe(row.state);
  }
});

test('the map is reachable by keyboard, with a visible focus, and axe-clean at 1280 and 390 px', async ({ page }) => {
  await openAs(page, 'staff', '/kart?season=2025');
  const map = mapGroup(page);
  // None of the 357 links is taken out of the tab order.
  expect(await map.locator('a[href]:not([tabindex="-1"])').count()).toBe(357);
  await page.getByRole('link', { name: 'Hopp over kartet' }).focus();
  await page.keyboard.press('Tab');
  const oslo = map.getByRole('link', { name: /^Oslo: / });
  await expect(oslo).toBeFocused();
  await expect(oslo.locator('path')).toHaveCSS('stroke-width', '3px');
  await page.keyboard.press('Tab');
  await expect(map.locator('a').nth(1)).toBeFocused();
  // The skip link jumps past the map.
  await page.getByRole('link', { name: 'Hopp over kartet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#etter-kartet$/);

  // The classes as a table.
  await page.getByText('Vis kartet som tabell').click();
  const classes = page.getByRole('table', { name: 'Kart over Norge' });
  await expect(classes.getByRole('rowheader', { name: 'Levert' })).toBeVisible();

  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);
});

test('the map’s document is framed only by the site’s pages, revalidated by ETag, and its links open in the whole window', async ({
  page,
}) => {
  await openAs(page, 'staff', '/kart?season=2025');
  const src = (await mapFrame(page).getAttribute('src'))!;
  expect(src).toMatch(/^\/kart\/ramme\?(.+&)?season=2025/);
  const first = await page.request.get(src);
  expect(first.status()).toBe(200);
  expect(first.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(first.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  const again = await page.request.get(src, { headers: { 'if-none-match': first.headers()['etag']! } });
  expect(again.status()).toBe(304);
  // Every other page stays unframeable.
  expect((await page.request.get('/kart?season=2025')).headers()['x-frame-options']).toBe('DENY');

  await mapGroup(page)
    .getByRole('link', { name: /^Oslo: / })
    .click();
  await expect(page).toHaveURL(/\/kommuner\/0301$/);
});

test('a county is focused from the URL, and the overview map follows the table’s filters', async ({ page }) => {
  await openAs(page, 'staff', '/kart?season=2025');
  await page.getByRole('navigation', { name: 'Vis fylke på kartet' }).getByRole('link', { name: 'Vestland' }).click();
  await expect(page).toHaveURL(/fylke=46/);
  const vestland = await mapLinks(page, 'Vestland');
  expect(vestland.length).toBe(43);
  expect(vestland.every((link) => link.number.startsWith('46'))).toBe(true);
  await expectAccessibleAt(page, 390);

  // On the overview, a state filter leaves the other municipalities plain and without a link.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?season=2025&status=DELIVERED');
  const delivered = await mapLinks(page);
  const caption = await page
    .getByRole('table', { name: /^Alle kommuner: / })
    .locator('caption')
    .textContent();
  expect(caption).toMatch(new RegExp(`^Alle kommuner: ${delivered.length} av 357`));
  expect(delivered.every((link) => link.legend === 'Levert')).toBe(true);
  await expect(mapFigure(page)).toContainText('Ikke med i utvalget');
});

test('on the overview, the map’s table names the small classes and sends a large one to the table filtered to it', async ({
  page,
}) => {
  await openAs(page, 'staff', '/?season=2025');
  const map = page.getByRole('region', { name: 'Kart' });
  await map.getByText('Vis kartet som tabell').click();
  const classes = map.getByRole('table', { name: 'Kart over Norge' });
  // The names a class lists are those the map fills with its pattern, in the map's order.
  const links = await mapLinks(page);
  const list = new Intl.ListFormat('nb-NO', { type: 'conjunction' });
  for (const row of await classes.locator('tbody tr').all()) {
    const label = (await row.getByRole('rowheader').textContent())!;
    const count = Number((await row.locator('td').first().textContent())!.replace(/\D/g, ''));
    const members = links.filter((link) => link.legend === label);
    expect(members, label).toHaveLength(count);
    const cell = row.locator('td').last();
    if (count > 25) await expect(cell).toHaveText(`Se alle ${count} i tabellen`);
    else
      await expect(cell).toHaveText(
        list.format(members.map((link) => link.label.slice(0, -`: ${label}`.length))) || '–',
      );
  }
  const delivered = classes.getByRole('row', { name: /^Levert / });
  const count = (await delivered.locator('td').first().textContent())!;
  await delivered.getByRole('link', { name: `Se alle ${count} i tabellen` }).click();
  await expect(page).toHaveURL(/[?&]status=DELIVERED\b.*#kommuner$/);
  await expect(page.getByRole('table', { name: /^Alle kommuner: / }).locator('caption')).toHaveText(
    new RegExp(`^Alle kommuner: ${count} av 357`),
  );

  // The map's own page has no such table beside it: every class names its municipalities.
  await page.goto('/kart?season=2025');
  await page.getByText('Vis kartet som tabell').click();
  await expect(
    page
      .getByRole('table', { name: 'Kart over Norge' })
      .getByRole('row', { name: /^Levert / })
      .getByRole('link'),
  ).toHaveCount(0);
});

test('the daily season’s map bands the 7-day rate and names each municipality’s state as the table does', async ({
  page,
}) => {
  await openAs(page, 'staff', '/kart');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('KPR 2026 (daglig)');
  const links = await mapLinks(page);
  expect(links).toHaveLength(357);
  for (const link of links) expect(link.label).toMatch(/: .+, rapporteringsgrad 7 dager (\d+\s%|–)$/);
  await page.goto('/');
  const rows = await page
    .getByRole('table', { name: /^Alle kommuner/ })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        number: tr.querySelector('th a, td a')!.getAttribute('href')!.split('/')[2]!,
        state: tr.querySelector('.ds-tag')!.textContent!.trim(),
      })),
    );
  expect(rows.length).toBeGreaterThan(0);
  const byNumber = new Map(links.map((link) => [link.number, link.label]));
  for (const row of rows) expect(byNumber.get(row.number), row.number).toContain(`: ${row.state}, `);
  await expectAccessibleAt(page, 1280);
});

test('a contact sees their own municipalities highlighted in the country, and no other municipality’s state', async ({
  page,
}) => {
  await openAs(page, 'twoMunicipalityContact', '/kart?season=2025');
  const links = await mapLinks(page);
  expect(links.map((link) => link.number).sort()).toEqual(['3101', '3103']);
  const figure = mapFigure(page);
  await expect(figure).toContainText('Din kommune');
  await expect(figure).toContainText('Andre kommuner (uten status) (355)');
  // Nothing on the page or in the map's document names another municipality with a state.
  for (const html of [await page.content(), await page.frame({ url: /\/kart\/ramme/ })!.content()]) {
    expect(html).not.toMatch(/Oslo: /);
    expect(html).not.toContain('/kommuner/0301');
  }
  await expectAccessibleAt(page, 390);
});
