/**
 * The AMQP 1.0 consumer (rhea-promise): one connection per server process, one receiver per queue,
 * competing with the consumers of the other processes. At least once, nothing lost:
 * - autoaccept off: a message is settled only after handleMessage decided (accept after the store,
 *   reject after the intake error is recorded, release on a transient failure);
 * - a bounded credit window per queue (`credit`): credit is given back only as messages are settled
 *   (back-pressure), and at most that many are handled at once — RabbitMQ 3.x's AMQP 1.0 plugin
 *   sometimes sends past the credit, and what it sends beyond waits, unsettled, for a free slot;
 * - a transient failure holds the message for a growing delay before releasing it, and gives no
 *   credit meanwhile, so a database outage does not spin;
 * - a dropped connection (or a receiver the broker closed) is reopened with exponential backoff and
 *   logged; what was unsettled on it is redelivered by the broker, and stored once (idempotent ingest);
 * - stop(): no more credit, messages arriving from then on released at once, the in-flight ones
 *   finished and settled, then the links and the connection closed.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import {
  Connection,
  ConnectionEvents,
  type ConnectionOptions,
  type EventContext,
  type Receiver,
  ReceiverEvents,
} from 'rhea-promise';
import { handleMessage, type MessageHandling, type QueueConfig } from './handle-message';
import type { QueueState } from './labels';
import type { AmqpMessageParts } from './rules/amqp-message';

export interface TlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  passphrase?: string;
}

export interface ConsumerOptions extends MessageHandling {
  url: string;
  tls?: TlsFiles;
  queues: readonly QueueConfig[];
  /** Unsettled messages per queue at most. */
  credit: number;
  /** A line for the log (default console.log); never a body. */
  log?: (line: string) => void;
  /** Reconnect delays: first and largest, in ms (defaults 1 s and 30 s). */
  reconnectDelayMs?: { first: number; max: number };
  /** Delays before a message that failed transiently is released: first and largest, in ms (defaults 0.5 s and 30 s). */
  releaseDelayMs?: { first: number; max: number };
}

export interface QueueStatus {
  name: string;
  kind: QueueConfig['kind'];
  state: QueueState;
  taken: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  released: number;
  /** Messages held unsettled now (being handled, or waiting for a free slot). */
  inFlight: number;
  /** The most held unsettled at once since the start. */
  maxInFlight: number;
  lastMessageAt: string | null;
  lastError: string | null;
}

export interface ConsumerStatus {
  state: QueueState;
  reconnects: number;
  connectedSince: string | null;
  lastError: string | null;
  queues: QueueStatus[];
}

interface QueueRuntime {
  config: QueueConfig;
  status: QueueStatus;
  receiver: Receiver | null;
  /** Consecutive transient failures: the next release waits longer. */
  transientFailures: number;
  /** Messages being handled now: at most the credit window, whatever the broker sends. */
  active: number;
  /** Messages the broker sent past the credit, waiting for a slot. */
  waiting: (() => void)[];
}

export class AmqpConsumer {
  private readonly queues: QueueRuntime[];
  private readonly log: (line: string) => void;
  private connection: Connection | null = null;
  private stopping = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectAttempt = 0;
  private reconnects = 0;
  private connectedSince: Date | null = null;
  private lastError: string | null = null;
  private everConnected = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** Waits of held messages (transient failures), cut short by stop(). */
  private readonly waits = new Set<() => void>();

  constructor(private readonly options: ConsumerOptions) {
    this.log = options.log ?? ((line) => console.log(line));
    this.queues = options.queues.map((config) => ({
      config,
      receiver: null,
      transientFailures: 0,
      active: 0,
      waiting: [],
      status: {
        name: config.name,
        kind: config.kind,
        state: 'connecting',
        taken: 0,
        accepted: 0,
        duplicates: 0,
        rejected: 0,
        released: 0,
        inFlight: 0,
        maxInFlight: 0,
        lastMessageAt: null,
        lastError: null,
      },
    }));
  }

  /** Starts connecting; returns at once (the connection is made, and remade, in the background). */
  start(): void {
    void this.connect();
  }

  status(): ConsumerStatus {
    const state: QueueState = this.stopping
      ? 'stopped'
      : this.connectedSince
        ? 'connected'
        : this.everConnected
          ? 'disconnected'
          : 'connecting';
    return {
      state,
      reconnects: this.reconnects,
      connectedSince: this.connectedSince?.toISOString() ?? null,
      lastError: this.lastError,
      queues: this.queues.map((queue) => ({ ...queue.status })),
    };
  }

  /** Graceful stop: no more credit, the in-flight messages finished and settled, then the connection closed. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const wake of this.waits) wake();
    for (const queue of this.queues) for (const next of queue.waiting.splice(0)) next();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.closeConnection();
    for (const queue of this.queues) queue.status.state = 'stopped';
    this.log('AMQP: the consumer stopped; nothing is in flight');
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    const connection = new Connection(connectionOptions(this.options.url, this.options.tls));
    this.connection = connection;
    for (const queue of this.queues) queue.status.state = this.everConnected ? 'disconnected' : 'connecting';
    try {
      connection.on(ConnectionEvents.disconnected, (context: EventContext) =>
        this.lost(connection, describe(context.error) ?? 'the connection was closed'),
      );
      await connection.open();
      for (const queue of this.queues) await this.openReceiver(connection, queue);
      if (this.connection !== connection) return;
      if (this.everConnected) this.reconnects += 1;
      this.everConnected = true;
      this.connectedSince = new Date();
      this.reconnectAttempt = 0;
      this.log(
        `AMQP: connected to ${safeUrl(this.options.url)}, reading ${this.queues.map((q) => `${q.config.name} (${q.config.kind})`).join(', ')}`,
      );
    } catch (error) {
      this.lost(connection, describe(error) ?? 'could not connect');
    }
  }

  private async openReceiver(connection: Connection, queue: QueueRuntime): Promise<void> {
    const receiver = await connection.createReceiver({
      name: `kpr-${queue.config.name}-${process.pid}`,
      source: { address: `/amq/queue/${queue.config.name}` },
      autoaccept: false,
      // No automatic credit: it is given back as messages are settled (topUpCredit: back-pressure).
      credit_window: 0,
      onError: (context: EventContext) =>
        this.lost(connection, describe(context.receiver?.error) ?? `the receiver of ${queue.config.name} failed`),
      onSessionError: (context: EventContext) =>
        this.lost(connection, describe(context.session?.error) ?? `the session of ${queue.config.name} failed`),
    });
    receiver.on(ReceiverEvents.message, (context: EventContext) => this.take(queue, receiver, context));
    receiver.on(ReceiverEvents.receiverClose, () => {
      if (!this.stopping) this.lost(connection, `the broker closed the receiver of ${queue.config.name}`);
    });
    queue.receiver = receiver;
    queue.status.state = 'connected';
    queue.status.lastError = null;
    this.topUpCredit(queue);
  }

  /** The connection (or one of its links) is gone: drop it and try again after a growing delay. */
  private lost(connection: Connection, reason: string): void {
    if (this.connection !== connection || this.stopping) return;
    this.connection = null;
    this.connectedSince = null;
    this.lastError = reason;
    for (const queue of this.queues) {
      queue.receiver = null;
      queue.status.state = 'disconnected';
    }
    const { first, max } = this.options.reconnectDelayMs ?? { first: 1000, max: 30_000 };
    const delay = Math.min(max, first * 2 ** this.reconnectAttempt);
    this.reconnectAttempt += 1;
    this.log(`AMQP: connection lost (${reason}); reconnecting in ${(delay / 1000).toFixed(1)} s`);
    connection.close().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }

  private take(queue: QueueRuntime, receiver: Receiver, context: EventContext): void {
    const delivery = context.delivery;
    const message = context.message as AmqpMessageParts | undefined;
    if (!delivery || !message) return;
    if (this.stopping) {
      // Credit given before stop(): back to the queue at once, untouched.
      settle(() => delivery.release());
      return;
    }
    const takenAt = new Date();
    queue.status.taken += 1;
    queue.status.inFlight += 1;
    queue.status.maxInFlight = Math.max(queue.status.maxInFlight, queue.status.inFlight);
    queue.status.lastMessageAt = takenAt.toISOString();
    const work = (async () => {
      await this.slot(queue);
      if (this.stopping) {
        // Taken but not started when stop() came: back to the queue, untouched.
        queue.status.released += 1;
        settle(() => delivery.release());
        return;
      }
      queue.active += 1;
      let settlement: Awaited<ReturnType<typeof handleMessage>>;
      try {
        settlement = await handleMessage(this.options, queue.config, message, takenAt);
      } finally {
        queue.active -= 1;
        queue.waiting.shift()?.();
      }
      if (settlement.outcome === 'accept') {
        queue.transientFailures = 0;
        queue.status.accepted += 1;
        if (settlement.duplicate) queue.status.duplicates += 1;
        settle(() => delivery.accept());
      } else if (settlement.outcome === 'reject') {
        queue.transientFailures = 0;
        queue.status.rejected += 1;
        this.log(`AMQP: refused a message from ${queue.config.name} (${settlement.code}); dead-lettered`);
        settle(() => delivery.reject({ condition: 'amqp:not-allowed', description: settlement.code }));
      } else {
        const { first, max } = this.options.releaseDelayMs ?? { first: 500, max: 30_000 };
        const delay = Math.min(max, first * 2 ** queue.transientFailures);
        queue.transientFailures += 1;
        queue.status.lastError = describe(settlement.error) ?? 'unknown error';
        if (queue.transientFailures <= 3 || queue.transientFailures % 20 === 0) {
          this.log(
            `AMQP: a message from ${queue.config.name} could not be stored now (${queue.status.lastError}); released for redelivery in ${(delay / 1000).toFixed(1)} s`,
          );
        }
        await this.wait(delay);
        queue.status.released += 1;
        settle(() => delivery.release());
      }
    })()
      .catch((error: unknown) => {
        this.log(`AMQP: settling a message from ${queue.config.name} failed: ${describe(error)}`);
      })
      .finally(() => {
        queue.status.inFlight -= 1;
        this.inFlight.delete(work);
        if (!this.stopping) this.topUpCredit(queue);
      });
    this.inFlight.add(work);
  }

  /**
   * Waits for a free slot: RabbitMQ 3.x's AMQP 1.0 plugin may send past the credit, and what it sends
   * beyond waits here, unsettled, so that no more than the window is handled at once.
   */
  private slot(queue: QueueRuntime): Promise<void> {
    if (this.stopping || queue.active < this.options.credit) return Promise.resolve();
    return new Promise((resolve) => queue.waiting.push(resolve));
  }

  /**
   * Gives the receiver in use credit back up to the window once half of it is used (settled or in
   * flight): fewer flow frames than one per message, and never more unsettled than the window. A
   * receiver opened after a reconnect counts what is still in flight from the old one.
   */
  private topUpCredit(queue: QueueRuntime): void {
    const receiver = queue.receiver;
    if (!receiver?.isOpen()) return;
    const window = this.options.credit;
    const available = window - receiver.credit - queue.status.inFlight;
    if (available >= Math.max(1, Math.floor(window / 2))) receiver.addCredit(available);
  }

  private wait(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }

  private async closeConnection(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.connectedSince = null;
    if (!connection) return;
    for (const queue of this.queues) {
      const receiver = queue.receiver;
      queue.receiver = null;
      if (receiver) await receiver.close().catch(() => undefined);
    }
    await connection.close().catch(() => undefined);
  }
}

/** Settles on the link it came from; if that link is gone the broker has already put the message back. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // The connection dropped while the message was being handled: it is redelivered.
  }
}

function connectionOptions(url: string, tls: TlsFiles | undefined): ConnectionOptions {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'amqps:';
  const options: ConnectionOptions = {
    host: parsed.hostname,
    hostname: parsed.hostname,
    port: Number(parsed.port || (secure ? 5671 : 5672)),
    username: decodeURIComponent(parsed.username || 'guest'),
    password: decodeURIComponent(parsed.password || 'guest'),
    // Our own reconnect (with its log and status); rhea's is off.
    reconnect: false,
    idle_time_out: 60_000,
    operationTimeoutInSeconds: 30,
  } as ConnectionOptions;
  if (secure) {
    Object.assign(options, {
      transport: 'tls',
      servername: parsed.hostname,
      ca: tls?.caFile ? readFileSync(tls.caFile) : undefined,
      cert: tls?.certFile ? readFileSync(tls.certFile) : undefined,
      key: tls?.keyFile ? readFileSync(tls.keyFile) : undefined,
      passphrase: tls?.passphrase,
      minVersion: 'TLSv1.2',
    });
  }
  return options;
}

/** The URL without its password, for the log. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

function describe(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'description' in error) {
    const { condition, description } = error as { condition?: string; description?: string };
    return [condition, description].filter(Boolean).join(': ');
  }
  return String(error);
}
