/**
 * The weekly report jobs end to end: the report derived from the database and stored, pg-boss in
 * the same database, mail through nodemailer to the real capture SMTP server, parsed back with
 * mailparser (and the attached workbook with exceljs).
 */
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { waitFor } from '@/lib/db/testing/wait';
import { env } from '@/lib/core/env';
import { startCaptureServer, type CaptureServer } from '@/lib/core/mail/capture-server';
import { createMailer, type Mailer } from '@/lib/core/mail/mailer';
import { registerWeeklyReportJobs, runWeeklyReport, WEEKLY_REPORT_QUEUE } from './jobs';
import { startJobWorker, type JobWorker } from '../jobs/worker';

const WEEK = '2026-01-12';
const SEND_ATTEMPTS = 3;
/** Monday after WEEK, 07:00 in Oslo: when the schedule makes WEEK's report. */
const MONDAY_MORNING = new Date('2026-01-19T07:00:00+01:00');

const deliver = (msgId: string, municipality: string, receivedAt: string) =>
  recordTestDelivery(db(), { msgId, municipality, receivedAt, apprec: 'OK' });

async function person(name: string, role: 'FHI_STAFF' | 'FHI_ADMIN' | 'MUNICIPAL_CONTACT', subscribed: boolean) {
  return db().user.create({
    data: {
      name,
      email: `${name.toLowerCase().replaceAll(' ', '.')}@fhi.example.no`,
      role,
      ...(subscribed && { reportSubscription: { create: {} } }),
    },
  });
}

const deliveriesOf = (weekStart: string) =>
  db().reportDelivery.findMany({
    where: { report: { weekStart: new Date(`${weekStart}T00:00:00Z`) } },
    orderBy: { email: 'asc' },
  });
const nothingQueued = async () => (await db().reportDelivery.count({ where: { status: 'QUEUED' } })) === 0;
const filesOf = (weekStart: string) =>
  db().reportFile.findMany({
    where: { report: { weekStart: new Date(`${weekStart}T00:00:00Z`) } },
    orderBy: { format: 'asc' },
  });

describe('weekly report jobs through the capture SMTP server', () => {
  let smtp: CaptureServer;
  let mailer: Mailer;
  let worker: JobWorker;
  const people: Record<string, { id: string; email: string }> = {};
  const logged: string[] = [];

  beforeAll(async () => {
    smtp = await startCaptureServer();
    mailer = createMailer(smtp.url, 'KPR-status <ikke-svar@kpr.example.no>');
    worker = await startJobWorker({
      databaseUrl: process.env.DATABASE_URL!,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    await registerWeeklyReportJobs(worker, {
      schedule: env.WEEKLY_REPORT_SCHEDULE,
      mailer,
      sendAttempts: SEND_ATTEMPTS,
      retryDelaySeconds: 1,
      baseUrl: 'http://kpr.test',
      log: (line) => logged.push(line),
    });
    people.staff = await person('Per Olsen', 'FHI_STAFF', true);
    people.admin = await person('Anne Admin', 'FHI_ADMIN', true);
    people.unsubscribed = await person('Ikke Abonnent', 'FHI_STAFF', false);
    people.former = await person('Tidligere Ansatt', 'FHI_STAFF', true);
    await db().user.update({ where: { id: people.former.id }, data: { active: false } });
    // Subscribed while at FHI, now a municipal contact: must not receive the report of every municipality.
    people.moved = await person('Byttet Rolle', 'FHI_STAFF', true);
    await db().user.update({ where: { id: people.moved.id }, data: { role: 'MUNICIPAL_CONTACT' } });
    await deliver('oslo', '0301', '2026-01-13T09:00:00+01:00');
  });

  afterAll(async () => {
    await worker?.stop();
    mailer?.close();
    await smtp?.stop();
  });

  it('schedules the report on Mondays at 07:00 in Oslo by default', async () => {
    expect(env.WEEKLY_REPORT_SCHEDULE).toBe('0 7 * * 1');
    const schedules = await db().$queryRaw<{ name: string; cron: string; timezone: string }[]>`
      SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ${WEEKLY_REPORT_QUEUE}`;
    expect(schedules).toEqual([{ name: WEEKLY_REPORT_QUEUE, cron: '0 7 * * 1', timezone: 'Europe/Oslo' }]);
  });

  it('makes the report of the week just ended and mails it, with the workbook attached, to active FHI subscribers only', async () => {
    const result = await runWeeklyReport(worker, {}, { now: MONDAY_MORNING, mail: true });
    expect(result.report).toMatchObject({ seasonKey: '2025', weekStart: WEEK, outcome: 'CREATED', hasChanges: true });
    expect(result).toMatchObject({ queued: 2, skipped: 0 });
    await waitFor(
      'the mails',
      async () => smtp.mails.length,
      (count) => count >= 2,
    );
    await waitFor('all sent', nothingQueued, Boolean);

    const mails = await Promise.all(smtp.mails.map((mail) => simpleParser(mail.raw)));
    const to = mails.map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : '')).sort();
    expect(to).toEqual([people.admin!.email, people.staff!.email].sort());
    const mail = mails[0]!;
    expect(mail.subject).toBe('Ukerapport KPR 2025 (årsrapportering), uke 3 (fra 12.01.2026)');
    expect(mail.text).toContain('Alle rapporter (også som CSV og PDF): http://kpr.test/rapporter');
    expect(mail.html).toContain('<a href="http://kpr.test/rapporter">');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['kpr-ukerapport-2025-2026-01-12.xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(mail.attachments[0]!.content as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Sammendrag',
      'Kommuner',
      'Endringer',
      'Daglig',
      'EPJ-mønstre',
    ]);
    expect(workbook.getWorksheet('Kommuner')!.rowCount).toBe(358);
    expect(workbook.getWorksheet('Endringer')!.getRow(2).getCell(1).value).toBe('Nylig levert');
    // The attachment is the stored file, byte for byte.
    const xlsx = (await filesOf(WEEK)).find((file) => file.format === 'XLSX');
    expect(Buffer.from(xlsx!.content).equals(mail.attachments[0]!.content)).toBe(true);

    const deliveries = await deliveriesOf(WEEK);
    expect(deliveries.map((delivery) => [delivery.userId, delivery.status, delivery.attempts])).toEqual(
      [people.admin!, people.staff!].sort((a, b) => a.email.localeCompare(b.email)).map((p) => [p.id, 'SENT', 1]),
    );
    for (const delivery of deliveries) expect(delivery.messageId).toMatch(/^<.+>$/);
  });

  it('changes nothing and mails nobody when the same week runs again: the files are byte-identical', async () => {
    const before = await filesOf(WEEK);
    const mailsBefore = smtp.mails.length;
    const again = await runWeeklyReport(
      worker,
      { seasonKey: '2025', weekStart: WEEK },
      { now: new Date('2026-02-01T12:00:00+01:00'), mail: true },
    );
    expect(again).toMatchObject({ queued: 0, skipped: 0, report: { outcome: 'UNCHANGED' } });
    const after = await filesOf(WEEK);
    expect(after.map((file) => [file.format, file.sha256, Buffer.from(file.content).toString('base64')])).toEqual(
      before.map((file) => [file.format, file.sha256, Buffer.from(file.content).toString('base64')]),
    );
    const [stored] = await db().weeklyReport.findMany({ where: { weekStart: new Date(`${WEEK}T00:00:00Z`) } });
    expect(stored!.replacedAt).toBeNull();
    expect(await nothingQueued()).toBe(true);
    expect(smtp.mails.length).toBe(mailsBefore);
  });

  it('records a skip for every subscriber, and mails nobody, when nothing changed since the previous snapshot', async () => {
    const mailsBefore = smtp.mails.length;
    const result = await runWeeklyReport(
      worker,
      { seasonKey: '2025', weekStart: '2026-03-02' },
      { now: new Date('2026-03-09T07:00:00+01:00'), mail: true },
    );
    expect(result).toMatchObject({ queued: 0, skipped: 2, report: { outcome: 'CREATED', hasChanges: false } });
    expect((await deliveriesOf('2026-03-02')).map((delivery) => delivery.status)).toEqual(['SKIPPED', 'SKIPPED']);
    expect(smtp.mails.length).toBe(mailsBefore);
  });

  it('retries a mail the SMTP server refuses, through the scheduled job queue, and sends it when the server accepts again', async () => {
    await deliver('bergen', '4601', '2026-03-10T09:00:00+01:00');
    smtp.refuse({ code: 451, message: 'Try again later' });
    const mailsBefore = smtp.mails.length;
    await worker.send(WEEKLY_REPORT_QUEUE, { seasonKey: '2025', weekStart: '2026-03-09' });
    const refused = await waitFor(
      'a refused attempt',
      () => deliveriesOf('2026-03-09'),
      (rows) => rows.length === 2 && rows.every((row) => row.attempts >= 1),
    );
    for (const row of refused) {
      expect(row).toMatchObject({ status: 'QUEUED', sentAt: null });
      expect(row.lastError).toContain('451');
    }
    smtp.refuse(null);
    await waitFor('all sent', nothingQueued, Boolean);
    const sent = await deliveriesOf('2026-03-09');
    for (const row of sent) {
      expect(row.status).toBe('SENT');
      expect(row.attempts).toBeGreaterThanOrEqual(2);
    }
    expect(smtp.mails.length).toBe(mailsBefore + 2);
    expect(
      logged.some((line) =>
        /^Weekly report 2025 2026-03-09: created; 2 mail\(s\) queued, 0 skipped \(no changes\); built in \d+ ms, XLSX \d+ ms, CSV \d+ ms, PDF \d+ ms, peak \d+ MB$/.test(
          line,
        ),
      ),
    ).toBe(true);
  });

  it('records a mail as failed, with the last error, after every attempt was refused', async () => {
    await deliver('tromso', '5501', '2026-03-17T09:00:00+01:00');
    smtp.refuse({ code: 550, message: 'Mailbox unavailable' });
    const mailsBefore = smtp.mails.length;
    expect(
      (
        await runWeeklyReport(
          worker,
          { seasonKey: '2025', weekStart: '2026-03-16' },
          { now: new Date('2026-03-23T07:00:00+01:00'), mail: true },
        )
      ).queued,
    ).toBe(2);
    const failed = await waitFor(
      'the failures',
      () => deliveriesOf('2026-03-16'),
      (rows) => rows.every((row) => row.status === 'FAILED'),
    );
    smtp.refuse(null);
    for (const row of failed) {
      expect(row).toMatchObject({ attempts: SEND_ATTEMPTS, sentAt: null, messageId: null });
      expect(row.lastError).toContain('550');
    }
    expect(smtp.mails.length).toBe(mailsBefore);
  });

  it('mails nobody who unsubscribed between the run and the send', async () => {
    await deliver('stavanger', '1103', '2026-03-24T09:00:00+01:00');
    smtp.refuse({ code: 451, message: 'Try again later' });
    await runWeeklyReport(
      worker,
      { seasonKey: '2025', weekStart: '2026-03-23' },
      { now: new Date('2026-03-30T07:00:00+01:00'), mail: true },
    );
    await waitFor(
      'a refused attempt',
      () => deliveriesOf('2026-03-23'),
      (rows) => rows.every((row) => row.attempts >= 1),
    );
    await db().reportSubscription.delete({ where: { userId: people.admin!.id } });
    const mailsBefore = smtp.mails.length;
    smtp.refuse(null);
    await waitFor('all done', nothingQueued, Boolean);
    const rows = await deliveriesOf('2026-03-23');
    expect(rows.find((row) => row.userId === people.admin!.id)).toMatchObject({ status: 'SKIPPED', sentAt: null });
    expect(rows.find((row) => row.userId === people.staff!.id)).toMatchObject({ status: 'SENT' });
    expect(smtp.mails.slice(mailsBefore).map((mail) => mail.to[0])).toEqual([people.staff!.email]);
  });
});
