/**
 * The access capability's door for server code: who is asking (actors, roles, the municipality
 * scope), the audit log, users, API keys, the demo's people and key. Sessions and the sign-in's
 * look-ups stay inside (Auth.js's callbacks, lib/access/auth.ts, are their only caller). Nothing here reads the request, so jobs, the weekly report's process and the launcher
 * may import it; routes, pages and Server Actions find the request-bound part in request.ts.
 */
export {
  auditActor,
  canSeeMunicipality,
  isAdmin,
  isFhi,
  isSystemActor,
  municipalityScope,
  scopeParameter,
  scopeWhere,
  systemActor,
  type Actor,
  type AuditActor,
  type MunicipalityScope,
  type PersonViewer,
  type Role,
  type SystemActor,
  type SystemName,
  type Viewer,
} from './rules/actor';
export { REQUEST_ID_HEADER } from './rules/request-id';
export { API_KEY_PREFIX, apiKeyPrefix, generateApiKeySecret, hashApiKey, type ApiKeyScope } from './api-keys';
export { auditEventColumns, recordAudit, type AuditAction, type AuditEntry, type AuditOutcome } from './data/audit';
export { denied } from './data/denied';
export {
  AUDIT_PAGE_SIZE,
  auditSearchSchema,
  searchAuditLog,
  type AuditEventRow,
  type AuditSearch,
} from './data/audit-log';
export {
  createUser,
  getUser,
  listUnderstaffedMunicipalities,
  listUsers,
  MIN_ACTIVE_CONTACTS,
  setUserActive,
  updateUser,
  userInputSchema,
  type UnderstaffedMunicipalityRow,
  type UserInput,
  type UserRow,
  type UserWriteResult,
} from './data/users';
export {
  apiKeyInputSchema,
  createApiKey,
  listApiKeys,
  provisionDemoApiKey,
  revokeApiKey,
  type ApiKeyInput,
  type ApiKeyRow,
} from './data/api-keys';
export { checkApiKey, type ApiKeyCheck } from './data/api-key-check';
export { DEMO_PROVIDER_ID, OIDC_PROVIDER_ID } from './data/sign-in';
export { listDemoUsers, type DemoUserRow } from './data/demo-users';
