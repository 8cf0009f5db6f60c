/**
 * The reports DAL on a real database: FHI create and download the stored report of every
 * municipality; a contact's archive and files hold only their own municipalities, rendered the
 * same every time; anything else is not found; everything is audited.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonViewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { auditRowsDuring, createTestCast } from '@/lib/db/testing/viewers';
import {
  createWeeklyReport,
  getReportSubscription,
  getWeeklyReportFile,
  listReportDeliveries,
  listWeeklyReports,
  setReportSubscription,
} from './archive';

/** Tuesday 20 January 2026: the week of 12 January has ended. */
const NOW = new Date('2026-01-20T10:00:00+01:00');

const send = (msgId: string, municipality: string, receivedAt: string, apprec: 'OK' | 'REJECTED') =>
  recordTestDelivery(db(), { msgId, municipality, receivedAt, apprec });

async function workbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ExcelJS.Buffer);
  return book;
}

describe('the reports DAL', () => {
  let staff: PersonViewer;
  let oslo: PersonViewer;
  let reportId: string;
  /** FHI's first creation of the week's report and the audit rows it wrote: made once for the file. */
  let result: Awaited<ReturnType<typeof createWeeklyReport>>;
  let audits: Awaited<ReturnType<typeof auditRowsDuring>>;

  beforeAll(async () => {
    ({ staff, oslo } = await createTestCast('staff', 'oslo'));
    await send('oslo', '0301', '2026-01-13T09:00:00+01:00', 'OK');
    await send('bergen', '4601', '2026-01-14T09:00:00+01:00', 'REJECTED');
    // The report every test here reads, built in the report process (the slowest step of the
    // file): a set-up of the file, checked by the first test.
    audits = await auditRowsDuring(db(), async () => {
      result = await createWeeklyReport(staff, { season: '2025', week: '2026-01-15' }, NOW);
    });
    reportId = result?.ok ? result.report.id : '';
  });

  it('lets FHI create the report of a week that has ended, audited; a second run changes nothing', async () => {
    expect(result).toMatchObject({
      ok: true,
      report: { seasonKey: '2025', weekStart: '2026-01-12', outcome: 'CREATED', hasChanges: true },
    });
    expect(audits.map((row) => [row.action, row.outcome, row.actorUserId])).toEqual([
      ['report.create', 'SUCCESS', staff.userId],
    ]);
    expect(await createWeeklyReport(staff, { season: '2025', week: '2026-01-18' }, NOW)).toMatchObject({
      ok: true,
      report: { id: reportId, outcome: 'UNCHANGED' },
    });
    expect(await createWeeklyReport(staff, { season: '2025', week: '2026-01-20' }, NOW)).toEqual({
      ok: false,
      message: 'Uken er ikke over ennå. Velg en uke som er avsluttet.',
    });
    expect(await createWeeklyReport(staff, { season: '1999', week: '2026-01-12' }, NOW)).toEqual({
      ok: false,
      message: 'Fant ikke sesongen.',
    });
  });

  it('refuses a municipal contact to create a report, and audits the refusal', async () => {
    const audits = await auditRowsDuring(db(), async () =>
      expect(await createWeeklyReport(oslo, { season: '2025', week: '2026-01-05' }, NOW)).toBeNull(),
    );
    expect(audits.map((row) => [row.action, row.outcome])).toEqual([['access.denied', 'DENIED']]);
    expect(await db().weeklyReport.count()).toBe(1);
  });

  it('lists the archive: every municipality for FHI, only their own for a contact', async () => {
    const [all] = await listWeeklyReports(staff);
    expect(all).toMatchObject({
      id: reportId,
      seasonKey: '2025',
      weekStart: '2026-01-12',
      weekEnd: '2026-01-18',
      weekNumber: 3,
      municipalities: 357,
      replacedAt: null,
    });
    expect(all!.keyFigures.find((figure) => figure.key === 'DELIVERED')).toMatchObject({ count: 1, share: 1 / 357 });
    expect(all!.changeCount).toBeGreaterThanOrEqual(3);
    expect(all!.deliveries).toEqual({ QUEUED: 0, SENT: 0, FAILED: 0, SKIPPED: 0 });

    const audits = await auditRowsDuring(db(), async () => {
      const [own] = await listWeeklyReports(oslo);
      expect(own).toMatchObject({ id: reportId, municipalities: 1, deliveries: null });
      expect(own!.keyFigures.find((figure) => figure.key === 'DELIVERED')).toMatchObject({ count: 1, share: 1 });
      expect(own!.keyFigures.find((figure) => figure.key === 'NOT_STARTED')).toMatchObject({ count: 0 });
      // Oslo's own changes only: delivered. (The advice to apply for an extension was never raised:
      // the test database's last season has no deliveries to estimate the risk from.)
      expect(own!.changeCount).toBe(1);
    });
    expect(audits.map((row) => [row.action, row.actorUserId])).toEqual([['report.list', oslo.userId]]);
  });

  it('gives FHI the stored files and audits each download', async () => {
    const stored = await db().reportFile.findMany({ where: { reportId } });
    const audits = await auditRowsDuring(db(), async () => {
      for (const format of ['xlsx', 'csv', 'pdf']) {
        const file = (await getWeeklyReportFile(staff, reportId, format))!;
        const original = stored.find((row) => row.format === format.toUpperCase())!;
        expect(file.fileName).toBe(original.fileName);
        expect(file.body.equals(Buffer.from(original.content))).toBe(true);
      }
    });
    expect(
      audits.map((row) => [
        row.action,
        (row.details as { format: string; scope: string }).format,
        (row.details as { scope: string }).scope,
      ]),
    ).toEqual([
      ['report.download', 'XLSX', 'ALL'],
      ['report.download', 'CSV', 'ALL'],
      ['report.download', 'PDF', 'ALL'],
    ]);
  });

  it('gives a contact files of their own municipality only, cut from the stored snapshot, the same bytes every time', async () => {
    const csv = (await getWeeklyReportFile(oslo, reportId, 'csv'))!;
    expect(csv.fileName).toBe('kpr-ukerapport-2025-2026-01-12-0301.csv');
    const records: string[][] = parse(csv.body, { bom: true, delimiter: ';' });
    expect(records.map((record) => record[0])).toEqual(['Kommunenummer', '0301']);
    expect((await getWeeklyReportFile(oslo, reportId, 'csv'))!.body.equals(csv.body)).toBe(true);

    const xlsx = (await getWeeklyReportFile(oslo, reportId, 'xlsx'))!;
    const book = await workbook(xlsx.body);
    expect(book.getWorksheet('Kommuner')!.rowCount).toBe(2);
    expect(new Set(book.getWorksheet('Endringer')!.getColumn(2).values.slice(2))).toEqual(new Set(['0301']));
    const summary = book.getWorksheet('Sammendrag')!;
    expect(summary.getRow(2).values).toEqual([undefined, 'Levert', 1, 1]);
    expect((await getWeeklyReportFile(oslo, reportId, 'xlsx'))!.body.equals(xlsx.body)).toBe(true);

    const pdf = (await getWeeklyReportFile(oslo, reportId, 'pdf'))!;
    const { text } = await extractText(new Uint8Array(pdf.body), { mergePages: true });
    expect(text).toContain('Oslo');
    expect(text).not.toContain('Bergen');
    expect(text).not.toContain('4601');

    // The stored snapshot, not a new derivation: data arriving later for the week does not show.
    await send('oslo-late', '0301', '2026-01-14T12:00:00+01:00', 'REJECTED');
    expect((await getWeeklyReportFile(oslo, reportId, 'csv'))!.body.equals(csv.body)).toBe(true);
  });

  it('answers not found for a report that does not exist, a bad id or a bad format', async () => {
    const audits = await auditRowsDuring(db(), async () => {
      expect(await getWeeklyReportFile(oslo, randomUUID(), 'csv')).toBeNull();
      expect(await getWeeklyReportFile(staff, randomUUID(), 'xlsx')).toBeNull();
      expect(await getWeeklyReportFile(oslo, 'not-a-uuid', 'csv')).toBeNull();
      expect(await getWeeklyReportFile(staff, reportId, 'docx')).toBeNull();
    });
    expect(audits).toEqual([]);
  });

  it('lets FHI subscribe and unsubscribe, audited; a contact cannot', async () => {
    expect(await getReportSubscription(staff)).toMatchObject({ subscribed: false });
    const audits = await auditRowsDuring(db(), async () => {
      expect(await setReportSubscription(staff, true)).toBe(true);
      expect(await setReportSubscription(staff, true)).toBe(true);
      expect(await getReportSubscription(staff)).toMatchObject({ subscribed: true });
      expect(await setReportSubscription(staff, false)).toBe(false);
    });
    expect(audits.map((row) => row.action)).toEqual(['report.subscribe', 'report.subscribe', 'report.unsubscribe']);
    expect(await getReportSubscription(staff)).toMatchObject({ subscribed: false });

    expect(await getReportSubscription(oslo)).toBeNull();
    const denied = await auditRowsDuring(db(), async () => {
      expect(await setReportSubscription(oslo, true)).toBeNull();
      expect(await listReportDeliveries(oslo)).toBeNull();
    });
    expect(denied.map((row) => row.action)).toEqual(['access.denied', 'access.denied']);
    expect(await db().reportSubscription.count()).toBe(0);
  });
});
