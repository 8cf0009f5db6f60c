/**
 * What an API key for a machine client (FHI's receiving pipeline, reporting tools) looks like. The
 * secret is shown once; only its SHA-256 is stored, so a leaked database does not leak usable keys.
 */
import { createHash, randomBytes } from 'node:crypto';

export type ApiKeyScope = 'INGEST' | 'READ';

/** Keys look like `kpr_<43 url-safe characters>`; the prefix makes a leaked key easy to recognise. */
export const API_KEY_PREFIX = 'kpr_';

/** What is kept in clear to recognise a key in lists: the `kpr_` prefix and 6 more characters. */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}
