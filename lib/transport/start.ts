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
import type { MessageHandling } from './handle-message';

const globalForTransport = globalThis as unknown as { amqpConsumer?: AmqpConsumer };

/** How CMS bodies are opened: with our keys from AMQP_CMS_* (none: such bodies are refused, saying why). */
function messageHandling(): Omit<MessageHandling, 'actor'> {
  return {
    cmsKeys: cmsKeysFromEnv,
  };
}

/** The consumer's options from the environment; null when the consumer is off. */
export function consumerOptionsFromEnv(): ConsumerOptions | null {
  if (!env.AMQP_URL || env.AMQP_CONSUMER === 'off') return null;
  const handling = messageHandling();
  return {
    url: env.AMQP_URL,
    tls: {
      caFile: env.AMQP_TLS_CA_FILE,
      certFile: env.AMQP_TLS_CERT_FILE,
      keyFile: env.AMQP_TLS_KEY_FILE,
      passphrase: env.AMQP_TLS_KEY_PASSPHRASE,
    },
    queues: env.AMQP_QUEUES,
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
  // Stop gracefully on the signal; then, if nothing else (Next.js) handles it, the signal's default: exit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void consumer.stop().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    });
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
