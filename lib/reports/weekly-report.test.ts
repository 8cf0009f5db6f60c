import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PersonViewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { createTestCast } from '@/lib/db/testing/viewers';
import {
  changeCount,
  countKeyFigures,
  type WeeklyReport,
  type WeeklySnapshot,
} from '@/lib/reports/rules/weekly-report';
import { buildWeeklyReport } from './data/build';
import { saveWeeklyReport } from './data/store';
import { renderWeeklyReportFiles, type ReportFileContent } from './files';
import { changeTable, dailyChangeTable } from './tables';
import { recordTestDailyDelivery, recordTestDelivery } from '@/lib/db/testing/deliveries';

const WEEK = '2026-01-12';
/** A whole delivery (KPR_IPL and KPR_IDE) and the KPR_IPL's Apprec half an hour later. */
const send = (seasonKey: string, msgId: string, municipality: string, receivedAt: string, apprec: 'OK' | 'REJECTED') =>
  recordTestDelivery(db(), { seasonKey, msgId, municipality, receivedAt, apprec });

async function requestExtension(
  number: string,
  requestedAt: string,
  decision?: { status: 'GRANTED' | 'DENIED'; at: string },
) {
  const season = await db().season.findUniqueOrThrow({ where: { key: '2025' } });
  await db().extensionRequest.create({
    data: {
      seasonId: season.id,
      municipalityNumber: number,
      requestedDeadline: new Date('2026-02-15T23:59:59.999+01:00'),
      justification: 'Bytte av EPJ',
      requestedAt: new Date(requestedAt),
      status: decision?.status ?? 'PENDING',
      grantedDeadline: decision?.status === 'GRANTED' ? new Date('2026-02-01T23:59:59.999+01:00') : null,
      decidedAt: decision && new Date(decision.at),
    },
  });
}

const FORMULAS: Record<string, string> = {
  '3201': '=1+2',
  '3203': '+SUM(A1)',
  '3205': '-3',
  '3207': '@cmd',
  '3209': '\tTab',
};

/** exceljs' types predate Node's generic Buffer. */
async function readWorkbook(file: ReportFileContent): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.content as unknown as ExcelJS.Buffer);
  return workbook;
}

const byFormat = (files: ReportFileContent[], format: ReportFileContent['format']) =>
  files.find((file) => file.format === format)!;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('the weekly report', () => {
  let staff: PersonViewer;
  let oslo: PersonViewer;
  let report: WeeklyReport;
  let files: ReportFileContent[];

  beforeAll(async () => {
    ({ staff, oslo } = await createTestCast('staff', 'oslo'));
    // Names a spreadsheet would run as formulas (reference data is the only free text in the report).
    for (const [number, name] of Object.entries(FORMULAS))
      await db().municipality.update({ where: { number }, data: { shortName: name } });
    await send('2025', 'oslo', '0301', '2026-01-13T09:00:00+01:00', 'OK'); // delivered this week
    await send('2025', 'eigersund', '1101', '2026-01-07T09:00:00+01:00', 'OK'); // delivered last week
    await send('2025', 'bergen', '4601', '2026-01-14T09:00:00+01:00', 'REJECTED'); // rejected this week
    await send('2024', 'oslo-2024', '0301', '2025-01-12T09:00:00+01:00', 'OK'); // last season, same week
    await requestExtension('5001', '2026-01-08T10:00:00+01:00', { status: 'GRANTED', at: '2026-01-13T10:00:00+01:00' });
    await requestExtension('1103', '2026-01-14T10:00:00+01:00');
    await requestExtension('1106', '2026-01-15T10:00:00+01:00', { status: 'DENIED', at: '2026-01-20T10:00:00+01:00' }); // decided after the week
    // The daily season: Molde reports every night up to Tuesday 13 January, then stops; Bodø's are
    // rejected from Wednesday 14 January on.
    const nightly = (municipality: string, night: string, from: string, to: string, status: 'OK' | 'REJECTED') =>
      recordTestDailyDelivery(db(), { municipality, from, to, receivedAt: `${night}T02:00:00+01:00`, status });
    const nights = [
      ['2026-01-06', '2026-01-05', '2026-01-05'],
      ['2026-01-07', '2026-01-06', '2026-01-06'],
      ['2026-01-08', '2026-01-07', '2026-01-07'],
      ['2026-01-09', '2026-01-08', '2026-01-08'],
      ['2026-01-12', '2026-01-09', '2026-01-11'],
      ['2026-01-13', '2026-01-12', '2026-01-12'],
    ] as const;
    for (const [night, from, to] of nights) {
      await nightly('1506', night, from, to, 'OK');
      await nightly('1804', night, from, to, 'OK');
    }
    for (const [night, day] of [
      ['2026-01-14', '2026-01-13'],
      ['2026-01-15', '2026-01-14'],
      ['2026-01-16', '2026-01-15'],
    ])
      await nightly('1804', night!, day!, day!, 'REJECTED');
    report = (await buildWeeklyReport(staff, { seasonKey: '2025', weekStart: WEEK }))!;
    files = await renderWeeklyReportFiles(report);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds what changed during the week, against last season', () => {
    const { changes } = report;
    expect(report.scope).toBe('ALL');
    expect(report.snapshot.municipalities).toHaveLength(357);
    expect(report.since).toBe('2026-01-11T22:59:59.999Z');
    expect(changes.newlyDelivered.map((row) => row.number)).toEqual(['0301']);
    expect(changes.newlyRejected.map((row) => row.number)).toEqual(['4601']);
    expect(changes.flagsRaised.MUST_RESUBMIT.map((row) => row.number)).toEqual(['4601']);
    expect(changes.extensionsRequested.map((change) => change.municipality.number)).toEqual(['1103', '1106']);
    expect(changes.extensionsDecided.map((change) => [change.municipality.number, change.extension.status])).toEqual([
      ['5001', 'GRANTED'],
    ]);
    expect(changes.stillNotStarted).toHaveLength(357 - 3);
    expect(report.keyFigures.find((figure) => figure.key === 'DELIVERED')).toMatchObject({
      count: 2,
      share: 2 / 357,
      lastSeasonCount: 1,
    });
    // Counted from the snapshot's rows (as a contact's share of a stored report is), the key figures are the overview's.
    expect(countKeyFigures(report.snapshot.municipalities)).toEqual(report.snapshot.keyFigures);
    expect(changeCount(report.changes)).toBe(
      changeTable(report).rows.filter((row) => row.kind !== 'NOT_STARTED').length +
        dailyChangeTable(report).rows.filter((row) => row.isNew).length,
    );
    const bergen = report.snapshot.municipalities.find((row) => row.number === '4601');
    expect(bergen).toMatchObject({ state: 'REJECTED', lastSentAt: '2026-01-14T08:00:00.000Z' });
    expect(report.snapshot.municipalities.find((row) => row.number === '1106')?.extensions[0]).toMatchObject({
      status: 'PENDING',
      decidedAt: null,
    });
  });

  it('has a daily section: the last seven days due nationally, who became silent and who is rejected in a run', async () => {
    const daily = report.snapshot.daily!;
    expect(daily.season.key).toBe('2026-daglig');
    // At Sunday 18 January 24:00 the last day whose grace has passed is Thursday 15 January.
    expect(daily.window).toEqual({ from: '2026-01-09', to: '2026-01-15' });
    const molde = daily.municipalities.find((row) => row.number === '1506')!;
    expect(molde).toMatchObject({ state: 'SILENT', last7: { expected: 5, covered: 2, onTime: 2 } });
    expect(daily.municipalities.find((row) => row.number === '1804')).toMatchObject({
      state: 'REJECTING',
      rejections: { count: 3, since: '2026-01-14T01:00:00.000Z' },
    });
    const changes = report.changes.daily!;
    expect(changes.becameSilent.map((row) => row.number)).toEqual(['1506']);
    expect(changes.rejecting.map((alarm) => [alarm.municipality.number, alarm.isNew])).toEqual([['1804', true]]);
    expect(changes.recovered).toEqual([]);

    const workbook = await readWorkbook(byFormat(files, 'XLSX'));
    const sheet = workbook.getWorksheet('Daglig')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Ble stille',
      '1506',
      'Molde',
      'Møre og Romsdal',
      'Siste godkjente levering 13.01.2026 kl. 02:00',
      'Ja',
    ]);
    const text = (await extractText(new Uint8Array(byFormat(files, 'PDF').content), { mergePages: true })).text.replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Daglig rapportering (KPR 2026 (daglig))');
    expect(text).toContain('Siste 7 dager med passert frist: 09.01.2026–15.01.2026');
    // Molde and Bodø cover 9 and 12 January of the five (Bodø's 13–15 rejected), everyone else none: 4 of 357 × 5.
    expect(text).toContain('Rapporteringsgrad (dekket): 0,2 %');
    // Bodø is silent too, but listed for its rejections: silence beside a run of rejections is no alarm of its own.
    expect(daily.municipalities.find((row) => row.number === '1804')!.flags).toContain('SILENT');
    expect(text).toMatch(/Avvist flere ganger på rad\s+1804\s+Bodø/);
  });

  it('writes a workbook with real dates and numbers, frozen headers and filters', async () => {
    const xlsx = byFormat(files, 'XLSX');
    expect(xlsx.fileName).toBe('kpr-ukerapport-2025-2026-01-12.xlsx');
    const workbook = await readWorkbook(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Sammendrag',
      'Kommuner',
      'Endringer',
      'Daglig',
      'EPJ-mønstre',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    const summary = workbook.getWorksheet('Sammendrag')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      'Nøkkeltall',
      'Antall',
      'Andel',
      'Antall samme uke i fjor',
      'Andel samme uke i fjor',
    ]);
    expect(summary.getRow(2).values).toEqual([undefined, 'Levert', 2, 2 / 357, 1, 1 / 357]);

    const municipalities = workbook.getWorksheet('Kommuner')!;
    expect(municipalities.rowCount).toBe(358);
    const header = (municipalities.getRow(1).values as string[]).slice(1);
    const osloRow = municipalities.getRow(2);
    expect(osloRow.getCell(header.indexOf('Kommunenummer') + 1).value).toBe('0301');
    expect(osloRow.getCell(header.indexOf('Status') + 1).value).toBe('Levert');
    // The Oslo wall clock as a real date: the deadline day ends at 23:59:59.999.
    const deadline = osloRow.getCell(header.indexOf('Frist') + 1);
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString()).toBe('2026-01-15T23:59:59.999Z');
    // No flag cleared: without a last season to go by, «Bør søke om utsettelse» was never raised.
    expect(osloRow.getCell(header.indexOf('Endringer denne uken') + 1).value).toBe('Nylig levert');

    const changes = workbook.getWorksheet('Endringer')!;
    const kinds = changes.getColumn(1).values.slice(2);
    expect(kinds.filter((kind) => kind === 'Nylig avvist')).toHaveLength(1);
    const decided = changes
      .getRows(2, changes.rowCount - 1)!
      .find((row) => row.getCell(1).value === 'Utsettelse avgjort')!;
    expect(decided.getCell(2).value).toBe('5001');
    expect((decided.getCell(6).value as Date).toISOString()).toBe('2026-01-13T10:00:00.000Z');
  });

  it('writes a CSV for Excel: BOM, one header row, a row per municipality', () => {
    const csv = byFormat(files, 'CSV');
    expect(csv.content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records: string[][] = parse(csv.content, { bom: true, delimiter: ';' });
    expect(records).toHaveLength(358);
    expect(records[0]?.slice(0, 6)).toEqual(['Kommunenummer', 'Kommune', 'Fylke', 'Status', 'Flagg', 'Frist']);
    const bergen = records.find((record) => record[0] === '4601')!;
    expect(bergen.slice(0, 6)).toEqual([
      '4601',
      'Bergen',
      'Vestland',
      'Avvist',
      'Forsinket, Må sende på nytt',
      '15.01.2026',
    ]);
    expect(bergen[9]).toBe('14.01.2026 kl. 09:00');
    expect(bergen[10]).toBe('Nylig avvist; Nytt flagg: Forsinket; Nytt flagg: Må sende på nytt');
  });

  it('neutralises every cell that would start a formula, in XLSX and CSV', async () => {
    const workbook = await readWorkbook(byFormat(files, 'XLSX'));
    const xlsxNames = new Map<string, unknown>();
    workbook
      .getWorksheet('Kommuner')!
      .eachRow((row) => xlsxNames.set(String(row.getCell(1).value), row.getCell(2).value));
    const records: string[][] = parse(byFormat(files, 'CSV').content, {
      bom: true,
      delimiter: ';',
      relax_quotes: true,
    });
    const csvNames = new Map(records.map((record) => [record[0], record[1]]));
    for (const [number, name] of Object.entries(FORMULAS)) {
      expect(xlsxNames.get(number)).toBe(`'${name}`);
      expect(csvNames.get(number)).toBe(`'${name}`);
    }
  });

  it('writes a tagged PDF with the key figures, the chart and its data, and the tables', async () => {
    const pdf = byFormat(files, 'PDF').content;
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (nb-NO)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/S \/Figure[\s\S]*?\/Alt/);
    expect(raw).toContain('/S /TH');
    const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Ukerapport ${report.snapshot.season.name}, uke 3 (12.01.2026–18.01.2026)`);
    expect(text).toContain('Nøkkeltall');
    expect(text).toContain('Levert per fylke');
    expect(text).toContain('Tallene bak diagrammet');
    expect(text).toMatch(/Nylig avvist\s+4601\s+Bergen/);
    expect(text).toContain('Utsettelse avgjort');
    expect(text).toContain('Fortsatt ikke startet: 354 kommuner');
    expect(text).toContain('Ålesund');
    // The EPJ section: these few deliveries make no group stand out, and the report says so.
    expect(text).toContain('EPJ-mønstre');
    expect(text).toContain('Ingen EPJ-system eller -versjon skiller seg ut i perioden.');
  });

  it('reads as a document: follow-up first, then the changes, then every municipality, with page numbers and headers on every page', async () => {
    const pdf = byFormat(files, 'PDF').content;
    const { text: pages, totalPages } = await extractText(new Uint8Array(pdf));
    const page = (index: number) => pages[index]!.replace(/\s+/g, ' ');
    expect(totalPages).toBeGreaterThan(3);
    // "Side n av m" on every page.
    pages.forEach((_, index) => expect(page(index)).toContain(`Side ${index + 1} av ${totalPages}`));
    // The first page: the key figures and who needs follow-up, under the most urgent flag; no changes yet.
    expect(page(0)).toContain('Nøkkeltall');
    // In the test's week nearly all are overdue: a long list goes on over rows that each fit a page.
    expect(page(0)).toMatch(/Trenger oppfølging 354 kommuner .* Forsinket 354 1103 Stavanger, /);
    expect(pages.slice(0, 2).join(' ')).toContain('(forts.)');
    // (The opening names the instant as «Endringer siden: …»; the section's heading has no colon.)
    expect(page(0)).not.toMatch(/Endringer siden \d/);
    const first = (heading: RegExp) => pages.findIndex((_, index) => heading.test(page(index)));
    const changes = first(/Endringer siden \d/);
    const municipalities = first(/Alle kommuner Kommunenummer/);
    expect(changes).toBeGreaterThan(0);
    expect(municipalities).toBeGreaterThan(changes);
    // All 357 run over several pages, each with the table's header row.
    expect(totalPages - municipalities).toBeGreaterThan(2);
    for (let index = municipalities; index < totalPages; index++)
      expect(page(index)).toMatch(/Kommunenummer Kommune Fylke Status Flagg Frist Endringer denne uken/);
    const table = pages.slice(municipalities).join(' ').replace(/\s+/g, ' ');
    const missing = report.snapshot.municipalities.filter(
      (row) => !table.includes(`${row.number} ${row.name.trim()} `),
    );
    expect(missing).toEqual([]);
  });

  it('is PDF/UA with its font embedded: a subset of Inter, and no font that is not embedded', () => {
    const raw = byFormat(files, 'PDF').content.toString('latin1');
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const fonts = [...raw.matchAll(/\/BaseFont \/([\w+-]+)/g)].map((match) => match[1]);
    expect(new Set(fonts.map((font) => font!.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['Inter-Regular', 'Inter-Bold']),
    );
    expect(fonts.every((font) => /^[A-Z]{6}\+/.test(font!))).toBe(true);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(2);
    expect(raw).not.toContain('Helvetica');
    // The repeated header rows and page numbers are artifacts, not content a reader meets twice.
    expect(raw).toContain('/S /THead');
    expect(raw).toContain('/S /TBody');
  });

  it('gives the same bytes when the same week is built again, whenever that is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-01T12:34:56Z'));
    const again = await renderWeeklyReportFiles(
      (await buildWeeklyReport(staff, { seasonKey: '2025', weekStart: WEEK }))!,
    );
    for (const file of files) {
      const other = byFormat(again, file.format);
      expect(other.sha256).toBe(file.sha256);
      expect(sha256(other.content)).toBe(sha256(file.content));
    }
  });

  it("holds only a municipal contact's own municipalities", async () => {
    const own = (await buildWeeklyReport(oslo, { seasonKey: '2025', weekStart: WEEK }))!;
    expect(own.scope).toBe('OWN_MUNICIPALITIES');
    expect(own.snapshot.municipalities.map((row) => row.number)).toEqual(['0301']);
    expect(own.snapshot.keyFigures.total).toBe(1);
    // The EPJ section compares every municipality with the rest: not in a contact's share.
    expect(report.snapshot.epj).toBeTruthy();
    expect(own.snapshot.epj).toBeNull();
    expect(own.keyFigures.find((figure) => figure.key === 'DELIVERED')).toMatchObject({
      count: 1,
      share: 1,
      lastSeasonCount: 1,
      lastSeasonShare: 1,
    });
    expect(own.changes.newlyRejected).toEqual([]);
    expect(own.changes.extensionsRequested).toEqual([]);
    expect(own.snapshot.daily!.municipalities.map((row) => row.number)).toEqual(['0301']);
    // A contact's own report counts their own municipalities, this week and the week before.
    expect(own.changes.daily).toMatchObject({
      becameSilent: [],
      rejecting: [],
      previousLast7: { expected: 5, covered: 0, onTime: 0 },
    });
    const ownFiles = await renderWeeklyReportFiles(own);
    const records: string[][] = parse(byFormat(ownFiles, 'CSV').content, { bom: true, delimiter: ';' });
    expect(records.map((record) => record[0])).toEqual(['Kommunenummer', '0301']);
    const workbook = await readWorkbook(byFormat(ownFiles, 'XLSX'));
    expect(workbook.getWorksheet('Kommuner')!.rowCount).toBe(2);
    expect(new Set(workbook.getWorksheet('Endringer')!.getColumn(2).values.slice(2))).toEqual(new Set(['0301']));
    const { text } = await extractText(new Uint8Array(byFormat(ownFiles, 'PDF').content), { mergePages: true });
    expect(text).toContain('Oslo');
    expect(text).not.toContain('Bergen');
    expect(text).not.toContain('4601');
    expect(text).not.toContain('Molde');
    await expect(saveWeeklyReport(staff, own, ownFiles)).rejects.toThrow(/every municipality/);
  });

  it('stores a report once per season and week, and builds the next week on the stored one', async () => {
    const first = await saveWeeklyReport(staff, report, files);
    const second = await saveWeeklyReport(staff, report, files);
    expect(second.id).toBe(first.id);
    const stored = await db().weeklyReport.findMany({ include: { files: { orderBy: { format: 'asc' } } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.asOf.toISOString()).toBe('2026-01-18T22:59:59.999Z');
    expect(stored[0]!.files.map((file) => [file.format, file.sha256])).toEqual(
      (['XLSX', 'CSV', 'PDF'] as const).map((format) => [format, byFormat(files, format).sha256]),
    );
    expect(sha256(Buffer.from(stored[0]!.files.find((file) => file.format === 'PDF')!.content))).toBe(
      byFormat(files, 'PDF').sha256,
    );

    // The stored snapshot is the baseline of the week after, even where it differs from a derivation.
    const snapshot = stored[0]!.snapshot as unknown as WeeklySnapshot;
    const edited = {
      ...snapshot,
      municipalities: snapshot.municipalities.map((row) =>
        row.number === '4601' ? { ...row, state: 'DELIVERED' } : row,
      ),
    };
    await db().weeklyReport.update({
      where: { id: first.id },
      data: { snapshot: edited as unknown as Prisma.InputJsonValue },
    });
    const next = (await buildWeeklyReport(staff, { seasonKey: '2025', weekStart: '2026-01-19' }))!;
    expect(next.since).toBe('2026-01-18T22:59:59.999Z');
    expect(next.changes.newlyRejected.map((row) => row.number)).toEqual(['4601']);
    expect(next.changes.newlyDelivered).toEqual([]);
  });

  it('answers null for a season that does not exist', async () => {
    expect(await buildWeeklyReport(staff, { seasonKey: '1999', weekStart: WEEK })).toBeNull();
  });
});
