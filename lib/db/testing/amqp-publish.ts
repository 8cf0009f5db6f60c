/**
 * Publishing to a queue for the consumer's tests and bench:amqp: a document as a data section with
 * NHN's application properties, persistent (it survives a broker restart), settled by the broker
 * before the promise resolves.
 */
import { type AwaitableSender, Connection, type Message } from 'rhea-promise';

export interface Publisher {
  send(queue: string, body: Uint8Array | string | null, properties?: Partial<Message>): Promise<void>;
  close(): Promise<void>;
}

export async function openPublisher(url: string): Promise<Publisher> {
  const parsed = new URL(url);
  const connection = new Connection({
    host: parsed.hostname,
    hostname: parsed.hostname,
    port: Number(parsed.port),
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    reconnect: false,
  });
  await connection.open();
  const senders = new Map<string, AwaitableSender>();
  return {
    async send(queue, body, properties = {}) {
      let sender = senders.get(queue);
      if (!sender) {
        sender = await connection.createAwaitableSender({ target: { address: `/amq/queue/${queue}` } });
        senders.set(queue, sender);
      }
      const content = typeof body === 'string' ? Buffer.from(body, 'utf8') : body === null ? null : Buffer.from(body);
      await sender.send({
        durable: true,
        ...(content ? { body: { typecode: 0x75, content } as unknown as Message['body'] } : { body: '' }),
        ...properties,
      });
    },
    async close() {
      await connection.close();
    },
  };
}
