/**
 * The AMQP consumer against a real RabbitMQ (a throwaway node with the AMQP 1.0 plugin) and the real
 * test database: documents through the queues reach the municipality's status, at least once and
 * never twice, refusals dead-lettered and listed, and nothing lost when the database or the broker
 * goes away or the consumer stops. Every wait is for a condition, never for a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { systemActor } from '@/lib/access';
import { db } from '@/lib/db';
import { fixtureText } from '@/lib/db/testing/domain-fixtures';
import { createTestCast } from '@/lib/db/testing/viewers';
import { waitFor } from '@/lib/db/testing/wait';
import { adminQuery, quoteIdentifier } from '@/lib/db/server-admin';
import { getMunicipalityStatus } from '@/lib/status';
import type { CmsKeys } from './cms';
import { envelopeCms, issueCertificate, makeCertificateAuthority, sealCms, signCms } from './cms-seal';
import { AmqpConsumer, type ConsumerOptions } from './consumer';
import type { QueueConfig } from './handle-message';
import { openPublisher, type Publisher } from '@/lib/db/testing/amqp-publish';
import { type RabbitNode, startRabbitNode } from '@/lib/db/testing/rabbitmq';

const IPL = fixtureText('./good/msghead-kpr-ipl.xml');
const IDE = fixtureText('./good/msghead-kpr-ide.xml');
const APPREC = fixtureText('./good/apprec-1.0-ok.xml');
const HOSTILE = fixtureText('./bad/billion-laughs.xml');
const withMsgId = (text: string, msgId: string) => text.replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`);
/** NHN's application properties, as the sender's library sets them. */
const nhnProperties = (messageId: string) => ({
  message_id: messageId,
  application_properties: {
    fromHerId: 91235,
    toHerId: 122612,
    cpaId: 'c1d2e3f4-0000-4000-8000-000000000001',
    applicationTimeStamp: '2026-01-08T13:10:00Z',
    'X-MessageInfo-Type': 'KPR_IPL',
  },
});

let node: RabbitNode;
let publisher: Publisher;
const consumers: AmqpConsumer[] = [];
const logLines: string[] = [];

function consumer(queues: QueueConfig[], overrides: Partial<ConsumerOptions> = {}): AmqpConsumer {
  const started = new AmqpConsumer({
    url: node.url,
    queues,
    credit: 5,
    actor: systemActor('transport'),
    log: (line) => logLines.push(line),
    reconnectDelayMs: { first: 200, max: 2000 },
    releaseDelayMs: { first: 100, max: 1000 },
    ...overrides,
  });
  consumers.push(started);
  started.start();
  return started;
}

async function storedCount(msgIdPrefix: string): Promise<number> {
  return db().message.count({ where: { msgId: { startsWith: msgIdPrefix } } });
}

beforeAll(async () => {
  node = await startRabbitNode();
  await node.declareQueues([
    'flow_messages',
    'flow_apprecs',
    'dup',
    'hostile',
    'dbdown',
    'restart',
    'compete',
    'stop',
    'cms',
    'errors',
  ]);
  publisher = await openPublisher(node.url);
  // The app's client (its pool's idle-error handling comes with Prisma's adapter) is made before any outage.
  await db().season.count();
});

afterAll(async () => {
  for (const started of consumers) await started.stop();
  await publisher?.close();
  await node?.destroy();
});

describe('the AMQP consumer', () => {
  it('takes a KPR_IPL, a KPR_IDE and an AppRec through the queues into the municipality status', async () => {
    const { bergen } = await createTestCast('bergen');
    consumer([
      { name: 'flow_messages', kind: 'messages' },
      { name: 'flow_apprecs', kind: 'apprecs' },
    ]);
    await publisher.send('flow_messages', IPL, nhnProperties('amqp-ipl-1'));
    await publisher.send('flow_messages', IDE, nhnProperties('amqp-ide-1'));
    await publisher.send('flow_apprecs', APPREC, {
      message_id: 'amqp-apprec-1',
      creation_time: new Date('2026-01-08T14:20:00Z'),
    });

    await waitFor(
      'the three documents stored',
      async () => (await db().message.count()) + (await db().apprec.count()),
      (count) => count === 3,
    );
    const ipl = await db().message.findFirstOrThrow({ where: { type: 'KPR_IPL' } });
    expect(ipl.transport).toBe('AMQP');
    expect(ipl.receivedAt.toISOString()).toBe('2026-01-08T13:10:00.000Z');
    expect(ipl.transportMetadata).toMatchObject({
      queue: 'flow_messages',
      messageId: 'amqp-ipl-1',
      fromHerId: 91235,
      toHerId: 122612,
      cpaId: 'c1d2e3f4-0000-4000-8000-000000000001',
      'X-MessageInfo-Type': 'KPR_IPL',
    });
    const apprec = await db().apprec.findFirstOrThrow();
    expect(apprec.receivedAt.toISOString()).toBe('2026-01-08T14:20:00.000Z');

    const status = await getMunicipalityStatus(bergen, '4601', {
      seasonKey: '2025',
      asOf: new Date('2026-01-10T12:00:00Z'),
    });
    // The AppRec (OK) is linked to the KPR_IPL: the delivery is accepted (the fixture's own check findings keep it "with errors").
    expect(status?.state).toBe('ACCEPTED_WITH_ERRORS');
    expect(status?.timeline.length).toBeGreaterThanOrEqual(2);
    await waitFor(
      'both queues empty',
      async () => (await node.messageCount('flow_messages')) + (await node.messageCount('flow_apprecs')),
      (n) => n === 0,
    );
  });

  it('stores a message delivered twice once, and accepts both', async () => {
    const dup = consumer([{ name: 'dup', kind: 'messages' }]);
    const document = withMsgId(IPL, 'dup-1');
    await publisher.send('dup', document, nhnProperties('amqp-dup-a'));
    await publisher.send('dup', document, nhnProperties('amqp-dup-b'));
    await waitFor(
      'both taken and settled',
      async () => dup.status().queues[0]!,
      (q) => q.accepted === 2,
    );
    expect(await storedCount('dup-')).toBe(1);
    expect(dup.status().queues[0]!.duplicates).toBe(1);
  });

  it('dead-letters a hostile document and lists it, storing nothing and no identity number', async () => {
    const hostile = consumer([{ name: 'hostile', kind: 'messages' }]);
    const before = await db().message.count();
    await publisher.send('hostile', HOSTILE, {
      message_id: 'amqp-hostile-1',
      application_properties: { fromHerId: 91235, note: 'pasient 01015012345 og 12814550026' },
    });
    await waitFor(
      'the refusal',
      async () => hostile.status().queues[0]!,
      (q) => q.rejected === 1,
    );
    await waitFor(
      'the dead-letter queue',
      () => node.messageCount('hostile_dl'),
      (n) => n === 1,
    );
    expect(await node.messageCount('hostile')).toBe(0);
    expect(await db().message.count()).toBe(before);
    const [error] = await db().intakeError.findMany({ where: { queue: 'hostile' } });
    expect(error).toMatchObject({
      messageId: 'amqp-hostile-1',
      code: 'XML_DOCTYPE_FORBIDDEN',
      spoofingSuspected: false,
    });
    expect(error!.reason).toMatch(/DOCTYPE/);
    expect(JSON.stringify(error!.applicationProperties)).not.toMatch(/12814550026/);
    expect(error!.applicationProperties).toMatchObject({ fromHerId: 91235 });
  });

  it('releases messages while the database is away and stores them when it is back', async () => {
    const database = (await db().$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name'))[0]!.name;
    const server = inject('postgresServerUrl');
    const dbDown = consumer([{ name: 'dbdown', kind: 'messages' }]);
    await waitFor(
      'connected',
      async () => dbDown.status().state,
      (state) => state === 'connected',
    );
    await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(database)} ALLOW_CONNECTIONS false`);
    await adminQuery(server, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
    try {
      for (let i = 0; i < 5; i++)
        await publisher.send('dbdown', withMsgId(IPL, `dbdown-${i}`), nhnProperties(`amqp-dbdown-${i}`));
      await waitFor(
        'messages released for redelivery',
        async () => dbDown.status().queues[0]!,
        (q) => q.released >= 5,
      );
    } finally {
      await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(database)} ALLOW_CONNECTIONS true`);
    }
    await waitFor(
      'all five stored',
      () => storedCount('dbdown-'),
      (n) => n === 5,
    );
    await waitFor(
      'the queue empty',
      () => node.messageCount('dbdown'),
      (n) => n === 0,
    );
    expect(dbDown.status().queues[0]!.rejected).toBe(0);
    expect(await db().intakeError.count({ where: { queue: 'dbdown' } })).toBe(0);
  });

  it('reconnects after the broker restarts and loses nothing', async () => {
    const restart = consumer([{ name: 'restart', kind: 'messages' }]);
    for (let i = 0; i < 20; i++)
      await publisher.send('restart', withMsgId(IPL, `restart-${i}`), nhnProperties(`amqp-r-${i}`));
    await waitFor(
      'some stored',
      () => storedCount('restart-'),
      (n) => n >= 1,
    );
    await publisher.close();
    await node.stop();
    await node.start();
    publisher = await openPublisher(node.url);
    for (let i = 20; i < 40; i++)
      await publisher.send('restart', withMsgId(IPL, `restart-${i}`), nhnProperties(`amqp-r-${i}`));
    await waitFor(
      'all forty stored',
      () => storedCount('restart-'),
      (n) => n === 40,
    );
    await waitFor(
      'the queue empty',
      () => node.messageCount('restart'),
      (n) => n === 0,
    );
    expect(restart.status().reconnects).toBeGreaterThanOrEqual(1);
    expect(logLines.some((line) => line.includes('connection lost'))).toBe(true);
  });

  it('stores each document once with two consumers competing for one queue', async () => {
    const first = consumer([{ name: 'compete', kind: 'messages' }]);
    const second = consumer([{ name: 'compete', kind: 'messages' }]);
    for (let i = 0; i < 30; i++) {
      const document = withMsgId(IPL, `compete-${i}`);
      await publisher.send('compete', document, nhnProperties(`amqp-c-${i}`));
      if (i % 3 === 0) await publisher.send('compete', document, nhnProperties(`amqp-c-${i}-again`));
    }
    const accepted = () => first.status().queues[0]!.accepted + second.status().queues[0]!.accepted;
    await waitFor(
      'all forty taken and accepted',
      async () => accepted(),
      (n) => n === 40,
    );
    expect(await storedCount('compete-')).toBe(30);
    expect(first.status().queues[0]!.duplicates + second.status().queues[0]!.duplicates).toBe(10);
  });

  it('finishes what is in flight when stopped, and loses nothing', async () => {
    const stopping = consumer([{ name: 'stop', kind: 'messages' }], { credit: 10 });
    for (let i = 0; i < 60; i++)
      await publisher.send('stop', withMsgId(IPL, `stop-${i}`), nhnProperties(`amqp-s-${i}`));
    await waitFor(
      'some taken',
      async () => stopping.status().queues[0]!.taken,
      (n) => n >= 1,
    );
    await stopping.stop();
    const after = stopping.status().queues[0]!;
    expect(after.inFlight).toBe(0);
    expect(after.state).toBe('stopped');
    const stored = await storedCount('stop-');
    expect(stored).toBe(after.accepted);
    await waitFor(
      'the rest back in the queue',
      () => node.messageCount('stop'),
      (n) => n === 60 - stored,
    );
    consumer([{ name: 'stop', kind: 'messages' }]);
    await waitFor(
      'all sixty stored',
      () => storedCount('stop-'),
      (n) => n === 60,
    );
  });

  it('opens CMS bodies (signed, then enveloped), and refuses a tampered signature and a wrong recipient', async () => {
    const ca = await makeCertificateAuthority('CN=Test-CA, O=Testsertifikater, C=NO');
    const sender = await issueCertificate(ca, 'CN=Bergen kommune EPJ, O=Bergen kommune, C=NO', 'signing');
    const receiver = await issueCertificate(ca, 'CN=FHI KPR, O=Folkehelseinstituttet, C=NO', 'encryption');
    const stranger = await issueCertificate(ca, 'CN=Noen andre, O=Annen virksomhet, C=NO', 'encryption');
    const keys: CmsKeys = { receivers: [receiver], trustAnchors: [ca.certificate] };
    const cms = consumer([{ name: 'cms', kind: 'messages' }], { cmsKeys: async () => keys });
    const cmsProperties = (messageId: string) => ({
      ...nhnProperties(messageId),
      content_type: 'application/pkcs7-mime; smime-type=signed-and-enveloped-data',
    });
    const document = new TextEncoder().encode(withMsgId(IPL, 'cms-1'));
    await publisher.send(
      'cms',
      await sealCms(document, { signer: sender, recipient: receiver.certificate }),
      cmsProperties('amqp-cms-ok'),
    );
    const tampered = Buffer.from(await signCms(new TextEncoder().encode(withMsgId(IPL, 'cms-2')), sender));
    const at = tampered.indexOf('cms-2');
    tampered.write('cms-3', at);
    await publisher.send('cms', envelopeCms(tampered, receiver.certificate), cmsProperties('amqp-cms-tampered'));
    await publisher.send(
      'cms',
      await sealCms(new TextEncoder().encode(withMsgId(IPL, 'cms-4')), {
        signer: sender,
        recipient: stranger.certificate,
      }),
      cmsProperties('amqp-cms-stranger'),
    );

    await waitFor(
      'all three settled',
      async () => cms.status().queues[0]!,
      (q) => q.accepted + q.rejected === 3,
    );
    expect(cms.status().queues[0]).toMatchObject({ accepted: 1, rejected: 2 });
    const stored = await db().message.findMany({ where: { msgId: { startsWith: 'cms-' } } });
    expect(stored.map((row) => row.msgId)).toEqual(['cms-1']);
    expect(stored[0]!.transportMetadata).toMatchObject({
      cmsSignerSubject: 'CN=Bergen kommune EPJ, O=Bergen kommune, C=NO',
    });
    const errors = await db().intakeError.findMany({ where: { queue: 'cms' }, orderBy: { messageId: 'asc' } });
    expect(errors.map((e) => [e.messageId, e.code, e.spoofingSuspected])).toEqual([
      ['amqp-cms-stranger', 'BODY_not-for-us', false],
      ['amqp-cms-tampered', 'BODY_signature-invalid', true],
    ]);
    await waitFor(
      'both dead-lettered',
      () => node.messageCount('cms_dl'),
      (n) => n === 2,
    );
  });

  it('records a transport error from the _error queue once, on the timeline of the message it concerns', async () => {
    const { bergen } = await createTestCast('bergen');
    const errors = consumer([{ name: 'errors', kind: 'errors' }]);
    const error = {
      message_id: 'amqp-error-1',
      application_properties: {
        originalMessageId: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
        errorCondition: 'transport:expired-certificate',
        errorDescription: 'The certificate has expired',
        receiverTimeStamp: '2026-01-08T13:11:00Z',
        applicationTimeStamp: '2026-01-08T13:11:00Z',
      },
    };
    await publisher.send('errors', null, error);
    await publisher.send('errors', null, error);
    await waitFor(
      'both settled',
      async () => errors.status().queues[0]!,
      (q) => q.accepted === 2,
    );
    expect(errors.status().queues[0]!.duplicates).toBe(1);
    const status = await getMunicipalityStatus(bergen, '4601', {
      seasonKey: '2025',
      asOf: new Date('2026-01-10T12:00:00Z'),
    });
    const transportErrors = status!.timeline.filter((entry) => entry.kind === 'TRANSPORT_ERROR');
    expect(transportErrors).toHaveLength(1);
    expect(JSON.stringify(transportErrors[0])).toContain('transport:expired-certificate');
  });
});
