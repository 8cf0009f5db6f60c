/**
 * Printing: the overview's print view, the worklist and a municipality's page, printed to PDF by
 * Chromium (print media, as a person's "Skriv ut" does) and read back as text. Each holds its
 * whole content — every row of the table, every flagged municipality, every timeline entry — and a
 * line saying the season and the instant the status is as of, and none of the navigation, filters,
 * downloads or buttons.
 */
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { openAs } from './helpers';

/** Words of the screen that paper has no use for: the main menu, the date and filter forms, downloads, buttons. */
const SCREEN_ONLY = [
  'Opplasting',
  'Logg ut',
  'Vis status nå',
  'Vis status per',
  'Filtrer',
  'Velg kolonner',
  'Last ned CSV',
  'Last ned Excel',
  'Neste side',
];

async function printed(page: Page): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

function expectNoScreenOnlyText(text: string) {
  for (const words of SCREEN_ONLY) expect(text, `«${words}» on paper`).not.toContain(words);
}

test.beforeEach(async ({ page }) => {
  await openAs(page, 'staff');
});

test('the overview prints every row of its table, with the season, the instant and the filters', async ({ page }) => {
  const query = 'season=2025&asOf=2026-01-20&fylke=46';
  await page.goto(`/?${query}`);
  // The paged screen leads to the print view of the same query.
  await page.getByRole('link', { name: 'Utskriftsvisning av hele tabellen' }).click();
  await expect(page).toHaveURL(/visning=utskrift/);
  await expect(page).toHaveURL(/fylke=46/);
  const table = page.getByRole('table', { name: /^Alle kommuner: \d+ av 357$/ });
  await expect(table).toBeVisible();

  const { text, pages } = await printed(page);
  expect(text).toContain('KPR 2025 (årsrapportering). Status per 20.01.2026 kl. 23:59. Utvalg: fylke Vestland.');
  expectNoScreenOnlyText(text);
  // Every row the CSV of the same query holds (all pages of the screen's table).
  const csv: string[][] = parse(await (await page.request.get(`/eksport?format=csv&${query}`)).body(), {
    bom: true,
    delimiter: ';',
  });
  const numbers = csv.slice(1).map(([number]) => number!);
  expect(numbers.length).toBeGreaterThan(40);
  expect(numbers.filter((number) => !text.includes(`${number} `))).toEqual([]);
  expect(pages).toBeGreaterThan(1);

  // All 357, without a filter: more than the screen's 50 a page.
  await page.goto('/?season=2025&asOf=2026-01-20&visning=utskrift');
  const all = await printed(page);
  expect(all.text).toContain('Alle kommuner. Sortert etter nr., stigende.');
  const everyone: string[][] = parse(
    await (await page.request.get('/eksport?format=csv&season=2025&asOf=2026-01-20')).body(),
    { bom: true, delimiter: ';' },
  );
  expect(everyone).toHaveLength(358);
  expect(everyone.slice(1).filter(([number]) => !all.text.includes(`${number} `))).toEqual([]);
});

test('the paged overview says on paper which page it prints', async ({ page }) => {
  await page.goto('/?season=2025&asOf=2026-01-20');
  const { text } = await printed(page);
  expect(text).toContain('Utskriften viser side 1 av 8 i tabellen.');
  expectNoScreenOnlyText(text);
});

test('the worklist prints every flagged municipality', async ({ page }) => {
  await page.goto('/arbeidsliste?season=2025&asOf=2026-01-20&visning=utskrift');
  const flagged = await page.locator('main li h3, main li h4').allTextContents();
  expect(flagged.length).toBeGreaterThan(30);
  const { text } = await printed(page);
  expect(text).toContain('KPR 2025 (årsrapportering). Status per 20.01.2026 kl. 23:59.');
  for (const heading of flagged) expect(text).toContain(heading.replace(/\s+/g, ' ').trim());
  expectNoScreenOnlyText(text);
});

test("a municipality's page prints its status, checklist and whole timeline", async ({ page }) => {
  await page.goto('/kommuner/4601?season=2025&asOf=2026-01-20');
  const timeline = page.locator('table').last().locator('tbody tr');
  const entries = await timeline.count();
  expect(entries).toBeGreaterThan(0);
  const { text } = await printed(page);
  expect(text).toContain('KPR 2025 (årsrapportering). Status per 20.01.2026 kl. 23:59.');
  expect(text).toContain('Bergen (4601)');
  for (const row of await timeline.allInnerTexts())
    expect(text).toContain(row.split('\t')[0]!.replace(/\s+/g, ' ').trim());
  expectNoScreenOnlyText(text);
});
