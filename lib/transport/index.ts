/**
 * The transport capability's door for server code: the AMQP channel's pieces. For now the body of a
 * message (plain XML or NHN's CMS packaging) and our CMS keys; the consumer joins them here.
 */
import 'server-only';

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
  type RecordedTransportError,
  type TransportErrorConcerns,
  type TransportErrorReport,
  type TransportErrorRow,
} from './data/transport-errors';
