/**
 * A local RabbitMQ for trying the AMQP channel (`npm run amqp:broker`): a throwaway node with the
 * AMQP 1.0 plugin on port 5672 (AMQP_BROKER_PORT), Debian's `rabbitmq-server` in a temporary folder,
 * the queues of AMQP_QUEUES declared (each with a `<name>_dl` dead-letter queue), until Ctrl+C; then
 * it stops and its folder (and every message in it) is removed.
 */
import { env } from '@/lib/core/env';
import { type RabbitNode, startRabbitNode } from '@/lib/db/testing/rabbitmq';

let node: RabbitNode | null = null;
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('Stopping RabbitMQ …');
  await node?.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

console.log(`Starting RabbitMQ on port ${env.AMQP_BROKER_PORT} …`);
node = await startRabbitNode({ port: env.AMQP_BROKER_PORT });
const queues = env.AMQP_QUEUES.map((queue) => queue.name);
await node.declareQueues(queues);
console.log(`RabbitMQ (AMQP 1.0) is running at ${node.url}`);
console.log(`Queues: ${queues.map((name) => `${name} (dead letters: ${name}_dl)`).join(', ')}`);
console.log(
  `Start the app with AMQP_URL=${node.url} and publish with npm run amqp:send -- <file.xml>. Ctrl+C stops it.`,
);
if (stopping) await node.destroy();
setInterval(() => undefined, 1 << 30);
