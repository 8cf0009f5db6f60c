/**
 * Auth.js's session cookie, which holds only a server-side session id (lib/access/data/sessions.ts),
 * encrypted. Reading the id means decrypting the cookie: about a millisecond of CPU on every
 * signed-in request. The same cookie always holds the same id, so the id read from a cookie is
 * kept for a few minutes. That never lets in a session the database has ended: the viewer is
 * loaded from the session's row on every request, which says whether it was signed out, has been
 * idle too long or is older than the session's limit (the cookie's own expiry is that same limit).
 */
import { LRUCache } from 'lru-cache';

/** The cookie's names: without and with the `__Secure-` prefix (HTTPS). Auth.js splits a long one into `.0`, `.1`… */
export const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

const isSessionCookie = (name: string) =>
  SESSION_COOKIES.some((prefix) => name === prefix || name.startsWith(`${prefix}.`));

/**
 * `sessionId(cookies, read)`: the session id in the request's session cookie, read (decrypted) by
 * `read` only the first time that cookie is seen within `ttlMs`. Null without a session cookie; a
 * cookie that holds no id is never kept, so it is read again next time.
 */
export function sessionIdReader({ max = 10_000, ttlMs = 5 * 60_000 }: { max?: number; ttlMs?: number } = {}) {
  const ids = new LRUCache<string, string>({ max, ttl: ttlMs });
  return async (
    cookies: readonly { name: string; value: string }[],
    read: () => Promise<string | null>,
  ): Promise<string | null> => {
    const key = cookies
      .filter((cookie) => isSessionCookie(cookie.name))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .sort()
      .join('; ');
    if (!key) return null;
    const known = ids.get(key);
    if (known) return known;
    const id = await read();
    if (id) ids.set(key, id);
    return id;
  };
}
