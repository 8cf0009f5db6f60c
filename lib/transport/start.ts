/**
 * This server process's AMQP consumer, made from the environment: started from instrumentation.ts
 * next to the job worker, in every server process (the processes compete for the queues' messages;
 * idempotent ingest stores each document once), and stopped gracefully when the process is told
 * to stop. Off when AMQP_URL is unset (the Quick start needs no broker) or AMQP_CONSUMER=off.
 */
import 'server-only';
import { systemActor } from '@/lib/access';
import { env } from '@/lib/core/env';
import { AmqpConsumer, type ConsumerOptions, type ConsumerStatus } from './consumer';
import { cmsKeysFromEnv } from './cms-env';
import { recordTransportErrorMessage } from './data/transport-errors';
import type { MessageHandling } from './handle-message';

const globalForTransport = globalThis as unknown as { amqpConsumer?: AmqpConsumer };

/** How messages are opened and transport errors recorded (the CMS and transport-error parts plug in here). */
function messageHandling(): Omit<MessageHandling, 'actor'> {
  return {
    cmsKeys: cmsKeysFromEnv,
    recordTransportError: async (actor, queue, message) => {
      await recordTransportErrorMessage(actor, queue, message);
    },
  };
}

/** The consumer's options from the environment; null when the consumer is off. */
export function consumerOptionsFromEnv(): ConsumerOptions | null {
  if (!env.AMQP_URL || env.AMQP_CONSUMER === 'off') return null;
  const handling = messageHandling();
  const queues = env.AMQP_QUEUES.filter((queue) => queue.kind !== 'errors' || handling.recordTransportError);
  for (const skipped of env.AMQP_QUEUES.filter((queue) => !queues.includes(queue))) {
    console.log(`AMQP: ${skipped.name} (errors) is not read: no recorder for transport errors in this build`);
  }
  return {
    url: env.AMQP_URL,
    tls: {
      caFile: env.AMQP_TLS_CA_FILE,
      certFile: env.AMQP_TLS_CERT_FILE,
      keyFile: env.AMQP_TLS_KEY_FILE,
      passphrase: env.AMQP_TLS_KEY_PASSPHRASE,
    },
    queues,
    credit: env.AMQP_CREDIT,
    actor: systemActor('transport'),
    ...handling,
  };
}

/** Starts this process's consumer once (kept across hot reloads in development); null when off. */
export function startTransportConsumer(): AmqpConsumer | null {
  if (globalForTransport.amqpConsumer) return globalForTransport.amqpConsumer;
  const options = consumerOptionsFromEnv();
  if (!options) return null;
  const consumer = new AmqpConsumer(options);
  globalForTransport.amqpConsumer = consumer;
  consumer.start();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void consumer.stop());
  }
  return consumer;
}

/** Stops this process's consumer gracefully (nothing in flight is lost). */
export async function stopTransportConsumer(): Promise<void> {
  const consumer = globalForTransport.amqpConsumer;
  globalForTransport.amqpConsumer = undefined;
  await consumer?.stop();
}

/** The state of this process's consumer; null when it is off. */
export function transportConsumerStatus(): ConsumerStatus | null {
  return globalForTransport.amqpConsumer?.status() ?? null;
}
