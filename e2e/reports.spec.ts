import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expectNoAxeViolations, openAs } from './helpers';
import { TIMEOUTS } from './timeouts';

/** The week of the 2025 season's deadline (Monday 12 January 2026). */
const WEEK_ROW = /Uke 3 \(12\.01\.2026–18\.01\.2026\)/;

async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  return workbook;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download: file, content: await readFile((await file.path())!) };
}

test.describe.configure({ mode: 'serial' });

test('FHI staff create a report on demand, find it in the archive, download the workbook and subscribe', async ({
  page,
}) => {
  // A report built in its own process, three downloads and a subscription: three times the configured budget.
  test.slow();
  await openAs(page, 'staff', '/rapporter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ukerapporter' })).toBeVisible();

  await page.getByLabel('Sesong').selectOption('2025');
  await page.getByLabel('En dag i uken').fill('2026-01-14');
  await page.getByRole('button', { name: 'Lag rapport nå' }).click();
  // Created now, or already there from an earlier run with the same files.
  await expect(page.getByRole('status').filter({ hasText: 'Rapporten for' })).toContainText(
    /Rapporten for uke 3 \(fra 12\.01\.2026\) (er laget|fantes allerede)/,
    // The server builds the report in a process of its own first.
    { timeout: TIMEOUTS.serverWork },
  );

  const row = page.getByRole('row', { name: WEEK_ROW });
  await expect(row).toContainText('KPR 2025 (årsrapportering)');
  await expect(row).toContainText('357');
  const { download: xlsx, content } = await download(page, () => row.getByRole('link', { name: /^Excel/ }).click());
  expect(xlsx.suggestedFilename()).toBe('kpr-ukerapport-2025-2026-01-12.xlsx');
  const workbook = await workbookOf(content);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Sammendrag',
    'Kommuner',
    'Endringer',
    'Daglig',
    'EPJ-mønstre',
  ]);
  expect(workbook.getWorksheet('Kommuner')!.rowCount).toBe(358);
  expect(workbook.getWorksheet('Sammendrag')!.getRow(2).getCell(1).value).toBe('Levert');

  const subscription = page.getByRole('region', { name: 'Abonnement på e-post' });
  if (await subscription.getByRole('button', { name: 'Avslutt abonnementet' }).isVisible()) {
    await subscription.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  }
  await subscription.getByRole('button', { name: 'Abonner på ukerapporten' }).click();
  // Said, announced, and so: the page's text and button follow.
  await expect(subscription.getByRole('status')).toContainText('Du abonnerer nå på ukerapporten. Den sendes til');
  await expect(subscription).toContainText('Du får ukerapporten på e-post til');
  await expect(subscription.getByRole('button', { name: 'Avslutt abonnementet' })).toBeVisible();
  await expectNoAxeViolations(page);

  await subscription.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  await expect(subscription.getByRole('status')).toHaveText(
    'Abonnementet er avsluttet. Du får ikke lenger ukerapporten på e-post.',
  );
  await expect(subscription).toContainText('Du abonnerer ikke på ukerapporten.');
});

test('a municipal contact downloads the report and the exports of their own municipality only', async ({ page }) => {
  await openAs(page, 'osloContact', '/rapporter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ukerapporter' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lag rapport nå' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Abonnement på e-post' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const row = page.getByRole('row', { name: WEEK_ROW });
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  const { download: csv, content } = await download(page, () => row.getByRole('link', { name: /^CSV/ }).click());
  expect(csv.suggestedFilename()).toBe('kpr-ukerapport-2025-2026-01-12-0301.csv');
  const records: string[][] = parse(content, { bom: true, delimiter: ';' });
  expect(records.map((record) => record[0])).toEqual(['Kommunenummer', '0301']);
  const { content: xlsx } = await download(page, () => row.getByRole('link', { name: /^Excel/ }).click());
  expect((await workbookOf(xlsx)).getWorksheet('Kommuner')!.rowCount).toBe(2);

  // The municipality page as a workbook, with the season and the as-of date in it; a foreign one is not found.
  const own = await page.request.get('/kommuner/0301/eksport?format=xlsx&season=2025&asOf=2026-01-20');
  expect(own.status()).toBe(200);
  expect(own.headers()['content-disposition']).toContain('kpr-status-0301-2025-2026-01-20.xlsx');
  const about = (await workbookOf(await own.body())).getWorksheet('Om uttrekket')!;
  expect(about.getRow(4).values).toEqual([undefined, 'Sesong', 'KPR 2025 (årsrapportering)']);
  expect((await page.request.get('/kommuner/4601/eksport?format=csv')).status()).toBe(404);

  // The overview export holds their own municipality only, whatever the filters ask for.
  const overview = await page.request.get('/eksport?format=csv&season=2025&fylke=46');
  expect(overview.status()).toBe(200);
  expect(overview.headers()['content-disposition']).toMatch(/kpr-oversikt-2025-\d{4}-\d\d-\d\d-fylke-46\.csv/);
  const lines: string[][] = parse(await overview.body(), { bom: true, delimiter: ';' });
  // The header row first and alone: no municipality outside their scope, no lines about the file above it.
  expect(lines.map((line) => line[0])).toEqual(['Nr.']);
  const all = await page.request.get('/eksport?format=csv&season=2025');
  const allLines: string[][] = parse(await all.body(), { bom: true, delimiter: ';' });
  expect(allLines.map((line) => line[0])).toEqual(['Nr.', '0301']);
});
