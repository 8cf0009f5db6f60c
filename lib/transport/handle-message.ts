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
import { unwrapBody } from './body';
import type { CmsKeys } from './cms';
import { recordIntakeError } from './data/intake-errors';
import { recordTransportError } from './data/transport-errors';
import { transportErrorReport } from './rules/transport-error';
import { refusalReason, type QueueKind } from './labels';
import {
  type AmqpMessageParts,
  bodyBytes,
  cleanApplicationProperties,
  cleanValue,
  sentAt,
  type TransportMetadata,
  transportMetadata,
} from './rules/amqp-message';

export interface QueueConfig {
  name: string;
  kind: QueueKind;
}

/** A body the consumer refuses before ingest (empty, unreadable, failed CMS checks). */
export class IntakeRefusal extends Error {
  override readonly name = 'IntakeRefusal';

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
  /** Our CMS keys for NHN's packaging (`application/pkcs7-mime`); null or unset: such bodies are refused, saying why. */
  cmsKeys?: () => Promise<CmsKeys | null>;
  /** Records a message from an errors queue; unset: recordTransportError with what its application properties say. */
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
      if (handling.recordTransportError) {
        await handling.recordTransportError(handling.actor, queue.name, message);
        return { outcome: 'accept', duplicate: false };
      }
      const recorded = await recordTransportError(handling.actor, transportErrorReport(queue.name, message, takenAt));
      if (!recorded) throw new Error('the transport actor may not record transport errors');
      return { outcome: 'accept', duplicate: !recorded.created };
    }
    const { bytes, signer } = await documentBytes(handling, message);
    const metadata: TransportMetadata = { ...transportMetadata(queue.name, message), ...signer };
    const result = await ingestDocument(handling.actor, bytes, {
      receivedAt: sentAt(message, takenAt),
      transport: 'AMQP',
      transportMetadata: metadata,
    });
    return { outcome: 'accept', duplicate: result.duplicate };
  } catch (error) {
    const refusal =
      error instanceof IntakeRefusal
        ? error
        : error instanceof IngestError
          ? new IntakeRefusal(error.code, refusalReason(error.code))
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

/**
 * The document's bytes: plain XML as it is, NHN's CMS packaging opened and its signer verified
 * (body.ts); with the verified signer's certificate recorded with the document.
 */
async function documentBytes(
  handling: MessageHandling,
  message: AmqpMessageParts,
): Promise<{ bytes: Uint8Array; signer: TransportMetadata }> {
  if (message.body === undefined || message.body === null) {
    throw new IntakeRefusal('BODY_MISSING', refusalReason('BODY_MISSING'));
  }
  const raw = bodyBytes(message.body);
  if (!raw) throw new IntakeRefusal('BODY_UNREADABLE', refusalReason('BODY_UNREADABLE'));
  const contentType = typeof message.content_type === 'string' ? message.content_type : null;
  const keys = handling.cmsKeys ? await handling.cmsKeys() : null;
  const body = await unwrapBody({ body: raw, contentType }, keys);
  if (!body.ok) throw new IntakeRefusal(`BODY_${body.kind}`, body.reason, body.spoofing);
  const signer: TransportMetadata = body.signer
    ? {
        cmsSignerSubject: body.signer.subject,
        cmsSignerIssuer: body.signer.issuer,
        cmsSignerSerial: body.signer.serialNumber,
      }
    : {};
  return { bytes: body.xml, signer };
}
