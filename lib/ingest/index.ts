/**
 * The ingest capability's door for server code (routes, pages, Server Actions, scripts): take in a
 * KPR document or FHI's findings for an actor, the API's admission of a caller, the self-check's
 * context and save. Every function takes the actor first; none takes a database client. The
 * browser's self-check reads the pure parts directly: readers/, rules/ and labels.ts.
 */
import 'server-only';

export {
  ingestDocument,
  sha256Hex,
  type ApprecIngestSummary,
  type IngestFindingSummary,
  type IngestOptions,
  type IngestResult,
  type IngestSummary,
  type IngestTransport,
  type MessageIngestSummary,
} from './ingest-document';
export { IngestError, type IngestErrorCode } from './errors';
export {
  idempotencyKeySchema,
  importFindings,
  type FindingsFormat,
  type FindingsImportOptions,
  type FindingsImportResult,
  type FindingsImportSummary,
} from './import-findings';
export { admitIngestCaller, type IngestAdmission } from './api';
export { readBodyWithLimit, type BodyReading } from './read-body';
export { recordIngestRefusal } from './data/audit';
export {
  assignDocumentMunicipality,
  listMunicipalityChoices,
  listUnattributedDocuments,
  type AssignmentResult,
  type UnattributedDocumentRow,
} from './data/attribution';
export { getLatestSelfCheck, getSelfCheckContext, saveSelfCheck } from './data/self-checks';
export { readStoredDocuments, type StoredDocuments, type StoredRow } from './data/stored-documents';
export {
  selfCheckInputSchema,
  type SelfCheckContext,
  type SelfCheckInput,
  type SelfCheckMunicipality,
  type SelfCheckSummary,
} from './rules/self-check';
