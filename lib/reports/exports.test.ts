/**
 * Exports of what a person sees, parsed back: a municipality's page and the overview table with
 * its filters, as CSV (csv-parse) and XLSX (exceljs), on status derived from a real database.
 */
import { buffer } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_PAGE_SIZE, statusTableParamsSchema } from '@/lib/status/rules/table-params';
import type { PersonViewer } from '@/lib/access/rules/actor';
import { getMunicipalityStatus, getStatusOverview } from '@/lib/status/data/status';
import { db } from '@/lib/db';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { createTestCast } from '@/lib/db/testing/viewers';
import { endOfOsloDay } from '@/lib/core/calendar';
import { statusTableModel, toStatusTableRow } from '@/lib/status/rules/table';
import { exportMunicipality, exportOverview, overviewExportOf, type ExportFile } from './exports';

const QUERY = { seasonKey: '2025', asOf: endOfOsloDay('2026-01-20') };

const send = (msgId: string, municipality: string, receivedAt: string, apprec: 'OK' | 'REJECTED') =>
  recordTestDelivery(db(), { msgId, municipality, receivedAt, apprec });

const bytes = async (file: ExportFile) => (file.body instanceof Readable ? buffer(file.body) : file.body);
const csvRecords = async (file: ExportFile): Promise<string[][]> =>
  parse(await bytes(file), { bom: true, delimiter: ';' });
async function workbook(file: ExportFile): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytes(file)) as unknown as ExcelJS.Buffer);
  return book;
}
const rowsOf = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (Array.isArray(row) ? row.slice(1) : []));

describe('exports of what a person sees', () => {
  let staff: PersonViewer;
  let bergen: PersonViewer;

  beforeAll(async () => {
    ({ staff, bergen } = await createTestCast('staff', 'bergen'));
    await send('oslo', '0301', '2026-01-13T09:00:00+01:00', 'OK');
    await send('bergen', '4601', '2026-01-14T09:00:00+01:00', 'REJECTED');
    await send('stavanger', '1103', '2026-01-14T10:00:00+01:00', 'REJECTED');
    // Reference-data text a spreadsheet would run as a formula.
    await db().municipality.update({ where: { number: '4601' }, data: { name: '=HYPERLINK("http://evil")' } });
    await db().municipality.update({ where: { number: '1103' }, data: { shortName: '@Stavanger' } });
  });

  it("writes a municipality's page as CSV: the header row first, then state, flags with reason and next step, figures, checklist and timeline", async () => {
    const municipality = (await getMunicipalityStatus(bergen, '4601', QUERY))!;
    const file = await exportMunicipality(municipality, 'csv');
    // What the file is about is in its name: number, season and as-of day.
    expect(file.fileName).toBe('kpr-status-4601-2025-2026-01-20.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const raw = await bytes(file);
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // Every record has the header's columns: a strict reader imports it as it is.
    const records: string[][] = parse(raw, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual([
      'Del',
      'Punkt',
      'Verdi',
      'Antall',
      'Tidspunkt',
      'Begrunnelse og detaljer',
      'Neste steg',
    ]);
    const body = records.slice(1);
    expect(body[0]!.slice(0, 3)).toEqual(['Status', 'Status', 'Avvist']);
    const mustResubmit = body.find((record) => record[0] === 'Flagg' && record[1] === 'Må sende på nytt')!;
    expect(mustResubmit[5]).toBe(municipality.flags.find((flag) => flag.code === 'MUST_RESUBMIT')!.reason);
    expect(mustResubmit[6]).toBe(municipality.flags.find((flag) => flag.code === 'MUST_RESUBMIT')!.nextStep);
    expect(body.find((record) => record[1] === 'Frist')!.slice(2, 5)).toEqual([
      'Sesongens frist',
      '',
      '15.01.2026 kl. 23:59',
    ]);
    expect(body.find((record) => record[1] === 'Produksjonsleveranser')![3]).toBe('1');
    // Past the deadline the file gives the outcome, as the page does, and counts no time left.
    expect(body.find((record) => record[1] === 'Utfall')!.slice(2, 6)).toEqual([
      'Ikke levert',
      '',
      '',
      'Ikke levert: fristen gikk ut 15.01.2026 kl. 23:59.',
    ]);
    expect(body.filter((record) => record[1]!.endsWith('dager igjen'))).toEqual([]);
    expect(body.filter((record) => record[0] === 'Sjekkliste')).toHaveLength(municipality.checklist.length);
    const timeline = body.filter((record) => record[0] === 'Tidslinje');
    expect(timeline).toHaveLength(municipality.timeline.length);
    expect(timeline.map((record) => record[1])).toContain('Apprec: Avvist');
    expect(timeline.find((record) => record[1] === 'KPR_IPL sendt til produksjon')![4]).toBe('14.01.2026 kl. 09:00');
  });

  it('counts the working and calendar days left while the deadline is ahead, and gives no outcome yet', async () => {
    const before = { seasonKey: '2025', asOf: endOfOsloDay('2026-01-12') };
    const municipality = (await getMunicipalityStatus(bergen, '4601', before))!;
    const records: string[][] = parse(await bytes(await exportMunicipality(municipality, 'csv')), {
      bom: true,
      delimiter: ';',
    });
    expect(records.filter((record) => record[1]!.endsWith('dager igjen')).map((record) => record.slice(1, 4))).toEqual([
      ['Arbeidsdager igjen', '', '3'],
      ['Kalenderdager igjen', '', '3'],
    ]);
    expect(records.some((record) => record[1] === 'Utfall')).toBe(false);
  });

  it("writes a municipality's page as XLSX: a sheet about the export and one table with real dates and numbers, frozen header and filter", async () => {
    const municipality = (await getMunicipalityStatus(staff, '4601', QUERY))!;
    const file = await exportMunicipality(municipality, 'xlsx');
    expect(file.fileName).toBe('kpr-status-4601-2025-2026-01-20.xlsx');
    const book = await workbook(file);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Om uttrekket', 'Kommune']);
    const about = rowsOf(book.getWorksheet('Om uttrekket')!);
    expect(about[0]).toEqual(['Opplysning', 'Verdi']);
    expect(about[1]).toEqual(['Kommune', `'=HYPERLINK("http://evil") (4601)`]);
    // The Oslo wall clock as a real date.
    expect(about[4]![0]).toBe('Status per');
    expect((about[4]![1] as Date).toISOString()).toBe('2026-01-20T23:59:59.999Z');
    const sheet = book.getWorksheet('Kommune')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(['Del', 'Punkt', 'Verdi', 'Antall', 'Tidspunkt', 'Begrunnelse og detaljer', 'Neste steg']);
    expect(rows.find((row) => row[1] === 'Produksjonsleveranser')![3]).toBe(1);
    expect((rows.find((row) => row[1] === 'Frist')![4] as Date).toISOString()).toBe('2026-01-15T23:59:59.999Z');
    // The same page at the same instant gives the same bytes.
    expect((await bytes(await exportMunicipality(municipality, 'xlsx'))).equals(await bytes(file))).toBe(true);
  });

  it('writes the overview with its filters: every matching row in the table order, the filters and as-of printed', async () => {
    const overview = (await getStatusOverview(staff, QUERY))!;
    const params = statusTableParamsSchema.parse({
      status: 'REJECTED',
      sort: 'name',
      retning: 'desc',
      kol: ['name', 'state', 'deadline'],
    });
    const expected = statusTableModel(
      overview.rows.map((row) => toStatusTableRow(row, overview.asOf)),
      params,
    ).rows.map((row) => row.number);
    expect(expected).toEqual(['4601', '1103']);

    const csv = await exportOverview(overviewExportOf(overview, params), 'csv');
    // The CSV is the table alone; its name says the season, the day and the filter in words.
    expect(csv.fileName).toBe('kpr-oversikt-2025-2026-01-20-status-avvist.csv');
    const records = await csvRecords(csv);
    expect(records[0]).toEqual(['Nr.', 'Kommune', 'Status', 'Frist', 'Utsatt frist']);
    expect(records.slice(1)).toEqual([
      ['4601', 'Bergen', 'Avvist', '15.01.2026', 'Nei'],
      ['1103', "'@Stavanger", 'Avvist', '15.01.2026', 'Nei'],
    ]);

    const xlsx = await exportOverview(overviewExportOf(overview, params), 'xlsx');
    expect(xlsx.fileName).toBe('kpr-oversikt-2025-2026-01-20-status-avvist.xlsx');
    const book = await workbook(xlsx);
    expect(rowsOf(book.getWorksheet('Om uttrekket')!).slice(1)).toEqual([
      ['Sesong', 'KPR 2025 (årsrapportering)'],
      ['Status per', new Date('2026-01-20T23:59:59.999Z')],
      ['Søk', 'Ingen'],
      ['Fylke', 'Alle'],
      ['Status', 'Avvist'],
      ['Flagg', 'Alle'],
      ['Sortert etter', 'Kommune, synkende'],
      ['Kommuner i uttrekket', 2],
      ['Kommuner uten filter', 357],
    ]);
    const rows = rowsOf(book.getWorksheet('Kommuner')!);
    expect(rows.map((row) => row[0])).toEqual(['Nr.', '4601', '1103']);
    expect(rows[2]![1]).toBe("'@Stavanger");
    expect(rows[1]![3]).toBeInstanceOf(Date);
  });

  it('exports all pages, not only the one shown, and names the county filter', async () => {
    const overview = (await getStatusOverview(staff, QUERY))!;
    const all = await csvRecords(
      await exportOverview(overviewExportOf(overview, statusTableParamsSchema.parse({ side: '2' })), 'csv'),
    );
    expect(all[0]![0]).toBe('Nr.');
    const allRows = all.slice(1);
    expect(allRows).toHaveLength(357);
    expect(allRows.length).toBeGreaterThan(STATUS_PAGE_SIZE);
    expect(allRows.map((row) => row[0])).toEqual([...allRows.map((row) => row[0])].sort());
    // Five days after the deadline: «Fristen er passert» as on the screen; days left only under a granted extension.
    const daysLeft = all[0]!.indexOf('Arbeidsdager igjen');
    const extended = all[0]!.indexOf('Utsatt frist');
    for (const row of allRows) {
      expect(row[daysLeft]).toMatch(/^(Fristen er passert|\d+)$/);
      if (row[extended] === 'Nei') expect(row[daysLeft]).toBe('Fristen er passert');
    }

    const vestlandFile = await exportOverview(
      overviewExportOf(overview, statusTableParamsSchema.parse({ fylke: '46', flagg: 'MUST_RESUBMIT', q: 'Bø/Ås' })),
      'csv',
    );
    expect(vestlandFile.fileName).toBe(
      'kpr-oversikt-2025-2026-01-20-sok-bo-as-fylke-vestland-flagg-ma-sende-pa-nytt.csv',
    );
    const vestland = await csvRecords(
      await exportOverview(overviewExportOf(overview, statusTableParamsSchema.parse({ fylke: '46' })), 'csv'),
    );
    expect(vestland[0]![0]).toBe('Nr.');
    const rows = vestland.slice(1);
    expect(rows).toHaveLength(overview.rows.filter((row) => row.countyNumber === '46').length);
  });

  it("holds only a contact's own municipalities", async () => {
    const overview = (await getStatusOverview(bergen, QUERY))!;
    const records = await csvRecords(
      await exportOverview(overviewExportOf(overview, statusTableParamsSchema.parse({})), 'csv'),
    );
    expect(records.map((record) => record[0])).toEqual(['Nr.', '4601']);
  });
});
