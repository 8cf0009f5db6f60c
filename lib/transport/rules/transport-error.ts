/**
 * A transport error as it comes off an `_error` queue (an empty body; what matters is in the
 * application properties originalMessageId, errorCondition, errorDescription, receiverTimeStamp),
 * turned into what recordTransportError stores. Pure.
 */
import { sentAt, type AmqpMessageParts } from './amqp-message';

/** A transport error as it came off the queue: the application properties, and the message's own id and time. */
export interface TransportErrorReport {
  /** The error message's own AMQP message-id, when it has one (redelivery keeps it). */
  messageId?: string | null;
  /** originalMessageId: the MsgId (AMQP message-id) of the message in error. */
  originalMessageId: string | null;
  /** errorCondition, e.g. transport:expired-certificate; unknown or missing ones get a generic Norwegian text. */
  errorCondition: string | null;
  errorDescription?: string | null;
  /** receiverTimeStamp as sent (ISO 8601 text or an instant); kept when readable. */
  receiverTimeStamp?: string | Date | null;
  /** The receiver's or the broker's timestamp, else when it was taken from the queue. */
  receivedAt: Date;
  queue?: string | null;
  fromHerId?: number | string | null;
  toHerId?: number | string | null;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** The application properties by name, whatever the case a sender wrote them in (originalMessageId, OriginalMessageId). */
function property(properties: Record<string, unknown>, name: string): unknown {
  if (name in properties) return properties[name];
  const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : properties[key];
}

/** What an `_error` queue's message reports; `takenAt` is when the consumer took it. */
export function transportErrorReport(queue: string, message: AmqpMessageParts, takenAt: Date): TransportErrorReport {
  const properties = message.application_properties ?? {};
  const receiverTimeStamp = property(properties, 'receiverTimeStamp');
  const fromHerId = property(properties, 'fromHerId');
  const toHerId = property(properties, 'toHerId');
  return {
    messageId: text(message.message_id),
    originalMessageId: text(property(properties, 'originalMessageId')),
    errorCondition: text(property(properties, 'errorCondition')),
    errorDescription: text(property(properties, 'errorDescription')),
    receiverTimeStamp: text(receiverTimeStamp),
    receivedAt: sentAt(
      { application_properties: { applicationTimeStamp: receiverTimeStamp }, creation_time: message.creation_time },
      takenAt,
    ),
    queue,
    fromHerId: typeof fromHerId === 'number' ? fromHerId : text(fromHerId),
    toHerId: typeof toHerId === 'number' ? toHerId : text(toHerId),
  };
}
