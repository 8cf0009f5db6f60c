/**
 * GET /api/health — 200 while the server answers; touches nothing (a baseline for load tests and
 * probes). It says how this process's AMQP consumer is doing ("off" without AMQP_URL): a consumer
 * that is reconnecting does not make the server unhealthy, it is reported.
 */
import { transportConsumerStatus } from '@/lib/transport';

export function GET(): Response {
  const consumer = transportConsumerStatus();
  return Response.json({
    status: 'ok',
    amqp: consumer
      ? {
          state: consumer.state,
          reconnects: consumer.reconnects,
          queues: consumer.queues.map((queue) => ({
            name: queue.name,
            state: queue.state,
            taken: queue.taken,
            lastMessageAt: queue.lastMessageAt,
          })),
        }
      : 'off',
  });
}
