/**
 * The transport capability's door: the AMQP consumer (started in every server process by
 * instrumentation.ts), its state for the status page and /api/health, and the intake errors.
 */
import 'server-only';

export { AmqpConsumer, type ConsumerOptions, type ConsumerStatus, type QueueStatus } from './consumer';
export { BodyRefusal, handleMessage, type MessageHandling, type QueueConfig, type Settlement } from './handle-message';
export { countStoredByQueue, listIntakeErrors, type IntakeErrorRow } from './data/intake-errors';
export {
  consumerOptionsFromEnv,
  startTransportConsumer,
  stopTransportConsumer,
  transportConsumerStatus,
} from './start';
