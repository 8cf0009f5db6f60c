/**
 * What becomes of one message taken from a queue, decided after the work is done: accept (the
 * document is stored, or was already), reject (refused for good: recorded as an intake error first,
 * then dead-lettered by the broker), or release (a transient failure such as the database being
 * down: the broker redelivers it later). Anything that is not a refusal is treated as transient, so
 * nothing is dead-lettered because of our own outage.
 */
import 'server-only';
import type { SystemActor } from '@/lib/access';
import { IngestError, ingestDocument } from '@/lib/ingest';
import { recordIntakeError } from './data/intake-errors';
import { refusalReason, type QueueKind } from './labels';
import {
  type AmqpMessageParts,
  bodyBytes,
  cleanApplicationProperties,
  cleanValue,
  isCmsContentType,
  sentAt,
  transportMetadata,
} from './rules/amqp-message';

export interface QueueConfig {
  name: string;
  kind: QueueKind;
}

/** A body the consumer refuses before ingest (empty, unreadable, failed CMS checks). */
export class BodyRefusal extends Error {
  override readonly name = 'BodyRefusal';

  constructor(
    readonly code: string,
    readonly reason: string,
    readonly spoofingSuspected = false,
  ) {
    super(reason);
  }
}

export type Settlement =
  | { outcome: 'accept'; duplicate: boolean }
  | { outcome: 'reject'; code: string }
  | { outcome: 'release'; error: unknown };

export interface MessageHandling {
  actor: SystemActor;
  /** Opens a CMS/PKCS#7 body (`application/pkcs7-mime`) to its XML, or throws a BodyRefusal. Unset: such bodies are refused. */
  unwrapCms?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /** Records a transport error from an `_error` queue (empty body, application properties). */
  recordTransportError?: (actor: SystemActor, queue: string, message: AmqpMessageParts) => Promise<void>;
}

export async function handleMessage(
  handling: MessageHandling,
  queue: QueueConfig,
  message: AmqpMessageParts,
  takenAt: Date,
): Promise<Settlement> {
  try {
    if (queue.kind === 'errors') {
      if (!handling.recordTransportError) throw new Error('no recorder for transport errors is configured');
      await handling.recordTransportError(handling.actor, queue.name, message);
      return { outcome: 'accept', duplicate: false };
    }
    const bytes = await documentBytes(handling, message);
    const result = await ingestDocument(handling.actor, bytes, {
      receivedAt: sentAt(message, takenAt),
      transport: 'AMQP',
      transportMetadata: transportMetadata(queue.name, message),
    });
    return { outcome: 'accept', duplicate: result.duplicate };
  } catch (error) {
    const refusal =
      error instanceof BodyRefusal
        ? error
        : error instanceof IngestError
          ? new BodyRefusal(error.code, refusalReason(error.code))
          : null;
    if (!refusal) return { outcome: 'release', error };
    try {
      const messageId = cleanValue(message.message_id);
      await recordIntakeError(handling.actor, {
        queue: queue.name,
        messageId: messageId === null ? null : String(messageId),
        applicationProperties: cleanApplicationProperties(message.application_properties),
        code: refusal.code,
        reason: refusal.reason,
        spoofingSuspected: refusal.spoofingSuspected,
      });
    } catch (recordError) {
      // Not recorded, so not rejected either: the broker gives it to us again once the database is back.
      return { outcome: 'release', error: recordError };
    }
    return { outcome: 'reject', code: refusal.code };
  }
}

async function documentBytes(handling: MessageHandling, message: AmqpMessageParts): Promise<Uint8Array> {
  if (message.body === undefined || message.body === null) {
    throw new BodyRefusal('BODY_MISSING', refusalReason('BODY_MISSING'));
  }
  const bytes = bodyBytes(message.body);
  if (!bytes) throw new BodyRefusal('BODY_UNREADABLE', refusalReason('BODY_UNREADABLE'));
  if (bytes.byteLength === 0) throw new BodyRefusal('BODY_MISSING', refusalReason('BODY_MISSING'));
  if (!isCmsContentType(message.content_type)) return bytes;
  if (!handling.unwrapCms) throw new BodyRefusal('CMS_NOT_CONFIGURED', refusalReason('CMS_NOT_CONFIGURED'));
  return handling.unwrapCms(bytes);
}
