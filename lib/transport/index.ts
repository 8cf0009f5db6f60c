/**
 * The transport capability's door for server code: the AMQP consumer (started in every server
 * process by instrumentation.ts), its state for the status page and /api/health, the intake errors,
 * and the body of a message (plain XML or NHN's CMS packaging) with our CMS keys.
 */
import 'server-only';

export { AmqpConsumer, type ConsumerOptions, type ConsumerStatus, type QueueStatus } from './consumer';
export {
  IntakeRefusal,
  handleMessage,
  type MessageHandling,
  type QueueConfig,
  type Settlement,
} from './handle-message';
export { countStoredByQueue, listIntakeErrors, type IntakeErrorRow } from './data/intake-errors';
export {
  consumerOptionsFromEnv,
  startTransportConsumer,
  stopTransportConsumer,
  transportConsumerStatus,
} from './start';
export {
  bodyPackaging,
  unwrapBody,
  type BodyInput,
  type BodyRefusal,
  type BodyRefusalKind,
  type UnwrappedBody,
} from './body';
export {
  cmsRefusal,
  loadCmsKeys,
  openCms,
  readPemCertificates,
  readPkcs12,
  type CmsCredential,
  type CmsKeySource,
  type CmsKeys,
  type CmsOpened,
  type CmsRefusal,
  type CmsRefusalKind,
  type CmsSigner,
} from './cms';
export { cmsKeysFromEnv } from './cms-env';
export {
  listTransportErrors,
  recordTransportError,
  recordTransportErrorMessage,
  type RecordedTransportError,
  type TransportErrorConcerns,
  type TransportErrorReport,
  type TransportErrorRow,
} from './data/transport-errors';
export { transportErrorReport } from './rules/transport-error';
