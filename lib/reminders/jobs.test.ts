/**
 * The reminder jobs end to end: status derived from the database, pg-boss in the same database,
 * mail through nodemailer to the real capture SMTP server, parsed back with mailparser.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { ReminderConfig } from '@/lib/reminders/rules/reminders';
import { startCaptureServer, type CaptureServer } from '@/lib/core/mail/capture-server';
import { createMailer, type Mailer } from '@/lib/core/mail/mailer';
import {
  REMINDER_RUN_QUEUE,
  REMINDER_SEND_QUEUE,
  registerReminderJobs,
  runReminders,
  sendReminder,
  type ReminderSendJob,
} from './jobs';
import { connectJobSender, startJobWorker, type Job, type JobWorker } from '../jobs/worker';
import { recordTestApprec, recordTestDailyDelivery, recordTestMessage } from '@/lib/db/testing/deliveries';
import { waitFor } from '@/lib/db/testing/wait';
import { createTestViewer } from '@/lib/db/testing/viewers';
import { listMunicipalityReminders } from './data';
import { decideExtensionRequest, requestExtension } from '@/lib/follow-up/data/extensions';

const CONFIG: ReminderConfig = {
  pointsBeforeDeadline: [10, 5, 2, 1],
  dayKind: 'WORKING',
  quietHours: { start: '20:00', end: '07:00' },
  extensionDecisionMaxAgeDays: 7,
  baseUrl: 'http://kpr.test',
};
/** Monday 12 January 2026: three working days before the 2025 season's deadline (point 5). */
const MONDAY = new Date('2026-01-12T10:00:00+01:00');
const SEND_ATTEMPTS = 3;

async function send(
  msgId: string,
  type: 'KPR_IPL' | 'KPR_IDE',
  municipality: string,
  receivedAt: string,
  apprec?: 'OK' | 'REJECTED',
) {
  await recordTestMessage(db(), { msgId, type, municipality, receivedAt });
  if (apprec) await recordTestApprec(db(), msgId, apprec, new Date(new Date(receivedAt).getTime() + 3_600_000));
}

async function contact(name: string, numbers: string[], active = true) {
  return db().user.create({
    data: {
      name,
      email: `${name.toLowerCase().replaceAll(' ', '.')}@kommune.example.no`,
      role: 'MUNICIPAL_CONTACT',
      active,
      memberships: { create: numbers.map((municipalityNumber) => ({ municipalityNumber })) },
    },
  });
}

async function decideExtension(number: string, status: 'GRANTED' | 'DENIED', decidedAt: string) {
  const season = await db().season.findUniqueOrThrow({ where: { key: '2025' } });
  await db().extensionRequest.create({
    data: {
      seasonId: season.id,
      municipalityNumber: number,
      requestedDeadline: new Date('2026-01-30T23:59:59.999+01:00'),
      justification: 'Nytt fagsystem',
      requestedAt: new Date('2026-01-09T09:00:00+01:00'),
      status,
      decidedAt: new Date(decidedAt),
    },
  });
}

const remindersOf = (userId: string) =>
  db().reminder.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    include: { items: { orderBy: { dedupeKey: 'asc' } } },
  });
const nothingQueued = async () => (await db().reminder.count({ where: { status: 'QUEUED' } })) === 0;

describe('reminder jobs through the capture SMTP server', () => {
  let smtp: CaptureServer;
  let mailer: Mailer;
  let worker: JobWorker;
  const people: Record<string, { id: string; email: string }> = {};

  beforeAll(async () => {
    smtp = await startCaptureServer();
    mailer = createMailer(smtp.url, 'KPR-status <ikke-svar@kpr.example.no>');
    worker = await startJobWorker({
      databaseUrl: process.env.DATABASE_URL!,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    // The send jobs run at midday, whatever the time of the test run (the quiet hours would put them off).
    const clock = () => new Date('2026-01-13T12:00:00+01:00');
    await registerReminderJobs(worker, mailer, {
      config: CONFIG,
      schedule: null,
      sendAttempts: SEND_ATTEMPTS,
      retryDelaySeconds: 1,
      log: () => {},
      clock,
    });

    // Oslo has sent nothing; Bergen was rejected; Tromsø has delivered.
    await send('bergen-ipl', 'KPR_IPL', '4601', '2026-01-09T09:00:00+01:00', 'REJECTED');
    await send('bergen-ide', 'KPR_IDE', '4601', '2026-01-09T09:01:00+01:00');
    await send('tromso-ipl', 'KPR_IPL', '5501', '2026-01-08T09:00:00+01:00', 'OK');
    await send('tromso-ide', 'KPR_IDE', '5501', '2026-01-08T09:01:00+01:00');
    people.shared = await contact('Marte Solberg', ['0301', '4601']);
    people.oslo = await contact('Lise Berg', ['0301']);
    people.bergen = await contact('Jonas Lie', ['4601']);
    people.tromso = await contact('Sara Eira', ['5501']);
    people.former = await contact('Tidligere Kontakt', ['0301'], false);
    people.staff = await db().user.create({
      data: { name: 'Per Olsen', email: 'per.olsen@fhi.example.no', role: 'FHI_STAFF' },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    mailer?.close();
    await smtp?.stop();
  });

  it('sends one bundled mail to each active contact of an undelivered municipality, and nothing for a delivered one', async () => {
    const result = await runReminders(worker, MONDAY, CONFIG);
    expect(result).toEqual({ logged: 3, deferredUntil: null });
    await waitFor(
      'the mails',
      async () => smtp.mails.length,
      (count) => count >= 3,
    );
    await waitFor('all sent', nothingQueued, Boolean);

    const mails = await Promise.all(smtp.mails.map((mail) => simpleParser(mail.raw)));
    const byAddress = new Map(
      mails.map((mail) => [mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : '', mail]),
    );
    expect([...byAddress.keys()].sort()).toEqual(
      [people.bergen!.email, people.oslo!.email, people.shared!.email].sort(),
    );

    const shared = byAddress.get(people.shared!.email)!;
    expect(shared.subject).toBe('Påminnelse for 2 kommuner – KPR 2025 (årsrapportering)');
    expect(shared.text).toContain('Hei Marte Solberg,');
    expect(shared.text).toContain('Oslo (0301)');
    expect(shared.text).toContain('Bergen (4601)');
    expect(shared.text).toContain('Fristen 15.01.2026 kl. 23:59 er om 3 arbeidsdager');
    expect(shared.text).toContain(
      'Avvist i Apprec: Fagmeldingen (KPR_IPL) ble avvist i Apprec 09.01.2026 kl. 10:00: T02 XML validerer ikke.',
    );
    expect(shared.text).toContain('Se status: http://kpr.test/kommuner/4601');
    expect(shared.html).toContain('<a href="http://kpr.test/kommuner/0301">Se status for Oslo</a>');
    expect(byAddress.get(people.oslo!.email)!.subject).toBe('Påminnelse for Oslo – KPR 2025 (årsrapportering)');

    const [logged] = await remindersOf(people.shared!.id);
    expect(logged).toMatchObject({
      status: 'SENT',
      attempts: 1,
      lastError: null,
      messageId: shared.messageId,
      email: people.shared!.email,
    });
    expect(logged!.sentAt).toBeInstanceOf(Date);
    expect(logged!.items.map((item) => `${item.municipalityNumber}:${item.trigger}`).sort()).toEqual([
      '0301:DEADLINE_POINT',
      '4601:APPREC_REJECTED',
      '4601:DEADLINE_POINT',
    ]);
    for (const nobody of [people.tromso!, people.former!, people.staff!])
      expect(await remindersOf(nobody.id)).toEqual([]);
  });

  it('sends nothing new on a second run', async () => {
    const before = smtp.mails.length;
    expect(await runReminders(worker, new Date(MONDAY.getTime() + 15 * 60_000), CONFIG)).toEqual({
      logged: 0,
      deferredUntil: null,
    });
    expect(await nothingQueued()).toBe(true);
    expect(smtp.mails.length).toBe(before);
  });

  it('retries a mail the SMTP server refuses, and sends it when the server accepts again', async () => {
    await decideExtension('0301', 'GRANTED', '2026-01-12T11:00:00+01:00');
    smtp.refuse({ code: 451, message: 'Try again later' });
    const before = smtp.mails.length;
    expect((await runReminders(worker, new Date('2026-01-12T12:00:00+01:00'), CONFIG)).logged).toBe(2);
    const refused = await waitFor(
      'a refused attempt',
      () => remindersOf(people.oslo!.id),
      (rows) => (rows.at(-1)?.attempts ?? 0) >= 1,
    );
    expect(refused.at(-1)).toMatchObject({ status: 'QUEUED', sentAt: null });
    expect(refused.at(-1)!.lastError).toContain('451');
    smtp.refuse(null);
    await waitFor('all sent', nothingQueued, Boolean);
    const [, granted] = await remindersOf(people.oslo!.id);
    expect(granted).toMatchObject({ status: 'SENT' });
    expect(granted!.attempts).toBeGreaterThanOrEqual(2);
    expect(granted!.items.map((item) => item.trigger)).toEqual(['EXTENSION_DECIDED']);
    expect(smtp.mails.length).toBe(before + 2);
    const mail = await simpleParser(smtp.mails.at(-1)!.raw);
    expect(mail.text).toContain('FHI innvilget søknaden om utsettelse 12.01.2026. Ny frist er 30.01.2026 kl. 23:59.');
  });

  it('records a mail as failed, with the last error, after every attempt was refused', async () => {
    await decideExtension('4601', 'DENIED', '2026-01-12T13:00:00+01:00');
    smtp.refuse({ code: 550, message: 'Mailbox unavailable' });
    const before = smtp.mails.length;
    expect((await runReminders(worker, new Date('2026-01-12T14:00:00+01:00'), CONFIG)).logged).toBe(2);
    const rows = await waitFor(
      'the failures',
      () => db().reminder.findMany({ where: { status: 'FAILED' } }),
      (failed) => failed.length === 2,
    );
    smtp.refuse(null);
    for (const row of rows) expect(row).toMatchObject({ attempts: SEND_ATTEMPTS, sentAt: null, messageId: null });
    expect(rows[0]!.lastError).toContain('550');
    expect(smtp.mails.length).toBe(before);
    // A failed reminder is not decided again by the next run: FHI sees it instead.
    expect((await runReminders(worker, new Date('2026-01-12T14:15:00+01:00'), CONFIG)).logged).toBe(0);
  });

  it('defers in quiet hours and sends when they end', async () => {
    const newcomer = await contact('Ny Kontakt', ['0301']);
    const before = smtp.mails.length;
    expect(await runReminders(worker, new Date('2026-01-12T23:00:00+01:00'), CONFIG)).toEqual({
      logged: 0,
      deferredUntil: new Date('2026-01-13T07:00:00+01:00'),
    });
    expect(await remindersOf(newcomer.id)).toEqual([]);
    // The newcomer hears of Oslo's extension; Bergen's contacts reach the deadline point of 2 working days.
    expect(await runReminders(worker, new Date('2026-01-13T07:15:00+01:00'), CONFIG)).toEqual({
      logged: 3,
      deferredUntil: null,
    });
    await waitFor('all sent', nothingQueued, Boolean);
    expect(
      smtp.mails
        .slice(before)
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual([newcomer.email, people.bergen!.email, people.shared!.email].sort());
    const [deferred] = await remindersOf(newcomer.id);
    expect(deferred!.items.map((item) => item.trigger)).toEqual(['EXTENSION_DECIDED']);
  });

  it('an extension decided in the product: a queued run mails that municipality’s active contacts, and nobody else', async () => {
    const applicant = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['1103']);
    const colleague = await contact('Kari Nordmann', ['1103']);
    await contact('Sluttet Kontakt', ['1103'], false);
    const staff = await createTestViewer(db(), 'FHI_STAFF');
    const applied = await requestExtension(
      applicant,
      '1103',
      {
        requestedDate: '2026-02-13',
        reasonCategory: 'STAFF_SHORTAGE',
        justification: 'Den som har ansvaret er sykmeldt.',
        plannedFix: 'En vikar får tilgang.',
      },
      {},
      new Date('2026-01-12T15:00:00+01:00'),
    );
    expect(applied).toMatchObject({ ok: true });
    const before = smtp.mails.length;
    const id = applied?.ok ? applied.id : '';
    expect(
      await decideExtensionRequest(
        staff,
        id,
        { decision: 'GRANT', grantedDate: '2026-02-06', note: '' },
        new Date('2026-01-13T11:00:00+01:00'),
      ),
    ).toMatchObject({ ok: true });
    // What the decision's Server Action does (lib/jobs/start.ts queueReminderRun): queue a run now,
    // here from a client that only queues, as a server process without the worker does.
    const sender = await connectJobSender({ databaseUrl: process.env.DATABASE_URL!, log: () => {} });
    await sender.send(REMINDER_RUN_QUEUE, {});
    await sender.stop();
    await waitFor(
      'the two mails',
      async () => smtp.mails.length - before,
      (count) => count >= 2,
    );
    await waitFor('all sent', nothingQueued, Boolean);
    const mails = await Promise.all(smtp.mails.slice(before).map((mail) => simpleParser(mail.raw)));
    const applicantEmail = (await db().user.findUniqueOrThrow({ where: { id: applicant.userId } })).email;
    expect(
      smtp.mails
        .slice(before)
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual([colleague.email, applicantEmail].sort());
    for (const mail of mails)
      expect(mail.text).toContain('FHI innvilget søknaden om utsettelse 13.01.2026. Ny frist er 06.02.2026 kl. 23:59.');
  });

  it('puts a retry that falls in the quiet hours off until they end, without sending or counting it', async () => {
    // The job put off to the end of the quiet hours (an instant already past) must wait for this
    // test, not for the worker: the worker stops, and the retries queue through a client that only queues.
    await worker.stop();
    const sender = await connectJobSender({ databaseUrl: process.env.DATABASE_URL!, log: () => {} });
    const season = await db().season.findUniqueOrThrow({ where: { key: '2025' } });
    const reminder = await db().reminder.create({
      data: {
        userId: people.oslo!.id,
        seasonId: season.id,
        email: people.oslo!.email,
        subject: 'Påminnelse',
        textBody: 'tekst',
        htmlBody: '<p>tekst</p>',
        attempts: 1,
        lastError: '451 Try again later',
      },
    });
    const retry = {
      id: reminder.id,
      name: REMINDER_SEND_QUEUE,
      data: { reminderId: reminder.id },
      retryCount: 1,
      retryLimit: SEND_ATTEMPTS - 1,
    } as Job<ReminderSendJob>;
    const before = smtp.mails.length;
    await sendReminder(sender, mailer, retry, CONFIG.quietHours, new Date('2026-01-13T06:30:00+01:00'));
    await sendReminder(sender, mailer, retry, CONFIG.quietHours, new Date('2026-01-13T06:45:00+01:00'));
    expect(smtp.mails.length).toBe(before);
    expect(await db().reminder.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({
      status: 'QUEUED',
      attempts: 1,
      sentAt: null,
    });
    // One job, from the end of the quiet hours, however often the retry is put off to then.
    const jobs = await db().$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = ${REMINDER_SEND_QUEUE} AND data->>'reminderId' = ${reminder.id}`;
    expect(jobs).toEqual([{ start_after: new Date('2026-01-13T07:00:00+01:00') }]);

    // Outside the quiet hours it is sent.
    await sendReminder(sender, mailer, retry, CONFIG.quietHours, new Date('2026-01-13T07:00:00+01:00'));
    await sender.stop();
    expect(await db().reminder.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
    expect(smtp.mails.length).toBe(before + 1);
  });
});

describe('daily reminders through the capture SMTP server: once per episode', () => {
  let smtp: CaptureServer;
  let mailer: Mailer;
  let worker: JobWorker;
  let person: { id: string; email: string };
  const dailyReminders = () =>
    db().reminder.findMany({
      where: { userId: person.id, season: { key: '2026-daglig' } },
      orderBy: { createdAt: 'asc' },
      include: { items: { orderBy: { dedupeKey: 'asc' } } },
    });
  /** A nightly accepted (or rejected) delivery at 02:00 on `night`, covering the day before. */
  const nightly = (municipality: string, night: string, status: 'OK' | 'REJECTED' = 'OK') => {
    const day = new Date(`${night}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    const covered = day.toISOString().slice(0, 10);
    return recordTestDailyDelivery(db(), {
      municipality,
      from: covered,
      to: covered,
      receivedAt: `${night}T02:00:00+02:00`,
      status,
    });
  };

  beforeAll(async () => {
    smtp = await startCaptureServer();
    mailer = createMailer(smtp.url, 'KPR-status <ikke-svar@kpr.example.no>');
    worker = await startJobWorker({
      databaseUrl: process.env.DATABASE_URL!,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    await registerReminderJobs(worker, mailer, {
      config: CONFIG,
      schedule: null,
      sendAttempts: SEND_ATTEMPTS,
      retryDelaySeconds: 1,
      log: () => {},
      clock: () => new Date('2026-09-16T12:00:00+02:00'),
    });
    // Molde reports every night up to Wednesday 9 September, then stops; Bodø's last three are rejected.
    for (const night of ['2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08', '2026-09-09'])
      await nightly('1506', night);
    for (const night of ['2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08']) await nightly('1804', night);
    for (const night of ['2026-09-09', '2026-09-10', '2026-09-11']) await nightly('1804', night, 'REJECTED');
    person = await contact('Daglig Kontakt', ['1506', '1804']);
  });

  afterAll(async () => {
    await worker?.stop();
    mailer?.close();
    await smtp?.stop();
  });

  it('mails one bundle when Molde turns silent and Bodø is rejected three times in a row', async () => {
    await runReminders(worker, new Date('2026-09-16T12:00:00+02:00'), CONFIG);
    await waitFor(
      'sent',
      async () => (await dailyReminders()).map((row) => row.status),
      (rows) => rows[0] === 'SENT',
    );
    const [reminder] = await dailyReminders();
    expect(reminder!.items.map((item) => `${item.municipalityNumber}:${item.trigger}`)).toEqual([
      '1506:DAILY_SILENT',
      '1804:DAILY_REJECTING',
    ]);
    const mail = await simpleParser(smtp.mails.find((sent) => sent.to.includes(person.email))!.raw);
    expect(mail.subject).toBe('Påminnelse for 2 kommuner – KPR 2026 (daglig)');
    expect(mail.text).toContain('Molde (1506)');
    expect(mail.text).toContain('Daglig rapportering: Stille: Ingen godkjent levering på 5 arbeidsdager');
    expect(mail.text).toContain('Daglig rapportering: Avvist flere ganger på rad: De 3 siste leveringene er avvist');
    expect(mail.text).toContain('Se status: http://kpr.test/kommuner/1804/daglig');
  });

  it('says nothing more while the episodes last; a new silence after a recovery is news again', async () => {
    await runReminders(worker, new Date('2026-09-17T12:00:00+02:00'), CONFIG);
    expect(await dailyReminders()).toHaveLength(1);
    // Molde is back on 18 September (covering the days it missed), then silent again from the 21st.
    await recordTestDailyDelivery(db(), {
      municipality: '1506',
      from: '2026-09-09',
      to: '2026-09-17',
      receivedAt: '2026-09-18T02:00:00+02:00',
      status: 'OK',
    });
    await runReminders(worker, new Date('2026-09-18T12:00:00+02:00'), CONFIG);
    expect(await dailyReminders()).toHaveLength(1);
    await runReminders(worker, new Date('2026-09-24T12:00:00+02:00'), CONFIG);
    const reminders = await waitFor('the second sent', dailyReminders, (rows) => rows[1]?.status === 'SENT');
    expect(reminders).toHaveLength(2);
    // Only the new episode: Bodø's run of rejections was told already.
    expect(reminders[1]!.items.map((item) => `${item.municipalityNumber}:${item.trigger}:${item.event}`)).toEqual([
      `1506:DAILY_SILENT:${new Date('2026-09-18T02:00:00+02:00').toISOString()}`,
    ]);
  });

  it('lists them on each municipality’s daily page: its own items, for FHI and its contacts only', async () => {
    const [molde, bodo, staff] = [
      await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['1506']),
      await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['1804']),
      await createTestViewer(db(), 'FHI_STAFF'),
    ];
    const mailed = (await dailyReminders()).map((reminder) => reminder.id);
    const toPerson = (rows: Awaited<ReturnType<typeof listMunicipalityReminders>>) =>
      (rows ?? [])
        .filter((row) => mailed.includes(row.id))
        .map((row) => ({ id: row.id, status: row.status, items: row.items.map((item) => item.trigger) }));

    // Molde's page: both silences, newest first, each with Molde's item only (not Bodø's in the bundle).
    const moldeLog = await listMunicipalityReminders(molde, '1506', { seasonKey: '2026-daglig' });
    expect(toPerson(moldeLog)).toEqual([
      { id: mailed[1], status: 'SENT', items: ['DAILY_SILENT'] },
      { id: mailed[0], status: 'SENT', items: ['DAILY_SILENT'] },
    ]);
    // A contact sees no address; FHI does.
    expect(moldeLog!.find((row) => row.id === mailed[0])).toMatchObject({
      recipientName: 'Daglig Kontakt',
      email: null,
    });
    const staffLog = await listMunicipalityReminders(staff, '1506', { seasonKey: '2026-daglig' });
    expect(staffLog!.find((row) => row.id === mailed[0])!.email).toBe(person.email);
    // Bodø's page: the first bundle, with Bodø's run of rejections only.
    expect(toPerson(await listMunicipalityReminders(bodo, '1804', { seasonKey: '2026-daglig' }))).toEqual([
      { id: mailed[0], status: 'SENT', items: ['DAILY_REJECTING'] },
    ]);
    // Another municipality's contact gets nothing; the annual season's log has none of them.
    expect(await listMunicipalityReminders(bodo, '1506', { seasonKey: '2026-daglig' })).toBeNull();
    expect(toPerson(await listMunicipalityReminders(staff, '1506', { seasonKey: '2025' }))).toEqual([]);
  });
});
