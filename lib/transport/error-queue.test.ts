/**
 * An `_error` queue through a real RabbitMQ: the consumer, wired as the app wires it, records NHN's
 * transport errors (empty body, application properties) once each, linked to the message they
 * concern, and the error shows on the municipality's timeline and flags; one about an unknown
 * message is kept and listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/access';
import { db } from '@/lib/db';
import { recordTestDelivery } from '@/lib/db/testing/deliveries';
import { createTestCast } from '@/lib/db/testing/viewers';
import { waitFor } from '@/lib/db/testing/wait';
import { openPublisher, type Publisher } from '@/lib/db/testing/amqp-publish';
import { type RabbitNode, startRabbitNode } from '@/lib/db/testing/rabbitmq';
import { getMunicipalityStatus } from '@/lib/status';
import { AmqpConsumer } from './consumer';
import { listTransportErrors, recordTransportErrorMessage } from './data/transport-errors';

let node: RabbitNode;
let publisher: Publisher;
let consumer: AmqpConsumer | undefined;

beforeAll(async () => {
  node = await startRabbitNode();
  await node.declareQueues(['85217_error']);
  publisher = await openPublisher(node.url);
});

afterAll(async () => {
  await consumer?.stop();
  await publisher?.close();
  await node?.destroy();
});

const errorProperties = (messageId: string, originalMessageId: string, errorCondition: string) => ({
  message_id: messageId,
  application_properties: {
    originalMessageId,
    errorCondition,
    errorDescription: 'Invalid end date',
    receiverTimeStamp: '2026-01-05T09:10:00Z',
    fromHerId: 122612,
    toHerId: 85217,
  },
});

describe('an _error queue', () => {
  it('records each transport error once, on the timeline of the municipality whose message it concerns', async () => {
    const { staff, oslo } = await createTestCast('staff', 'oslo');
    await recordTestDelivery(db(), {
      msgId: 'oslo-7',
      municipality: '0301',
      receivedAt: '2026-01-05T10:00:00+01:00',
      apprec: 'OK',
    });
    consumer = new AmqpConsumer({
      url: node.url,
      queues: [{ name: '85217_error', kind: 'errors' }],
      credit: 5,
      actor: systemActor('transport'),
      log: () => {},
      reconnectDelayMs: { first: 200, max: 2000 },
      releaseDelayMs: { first: 100, max: 1000 },
      recordTransportError: async (actor, queue, message) => {
        await recordTransportErrorMessage(actor, queue, message);
      },
    });
    consumer.start();

    const expired = errorProperties('err-1', 'oslo-7-KPR_IPL', 'transport:expired-certificate');
    await publisher.send('85217_error', null, expired);
    await publisher.send('85217_error', null, expired); // redelivered
    await publisher.send('85217_error', null, errorProperties('err-2', 'unknown-msg', 'abuse:spoofing-attack'));

    await waitFor(
      'the transport errors recorded and the queue empty',
      async () => ({ rows: await db().transportError.count(), queue: await node.messageCount('85217_error') }),
      (state) => state.rows === 2 && state.queue === 0,
    );

    const status = await getMunicipalityStatus(oslo, '0301', {
      seasonKey: '2025',
      asOf: new Date('2026-01-05T10:20:00+01:00'),
    });
    expect(status!.timeline.filter((entry) => entry.kind === 'TRANSPORT_ERROR')).toEqual([
      {
        kind: 'TRANSPORT_ERROR',
        at: new Date('2026-01-05T09:10:00Z'),
        condition: 'transport:expired-certificate',
        msgId: 'oslo-7-KPR_IPL',
        apprecId: null,
      },
    ]);
    expect(status!.flags.map((flag) => flag.code)).toContain('TRANSPORT_ERROR');

    const unlinked = await listTransportErrors(staff, { unlinkedOnly: true });
    expect(unlinked).toMatchObject([
      {
        originalMessageId: 'unknown-msg',
        label: 'Transportfeil: mistanke om forfalsket avsender',
        queue: '85217_error',
      },
    ]);
  });
});
