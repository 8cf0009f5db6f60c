/**
 * The viewer of the current request, for pages, Server Actions and route handlers (through
 * lib/access/request.ts). Loaded once per request from the database (React `cache`); null when
 * nobody is signed in or the session has ended. The session id comes from the cookie, decrypted
 * once per cookie (rules/session-cookie.ts).
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { env } from '@/lib/core/env';
import { auth } from './auth';
import { loadViewer } from './data/sessions';
import { systemActor, type Viewer } from './rules/actor';
import { REQUEST_ID_HEADER } from './rules/request-id';
import { sessionIdReader } from './rules/session-cookie';

export const getRequestId = cache(
  async (): Promise<string> => (await headers()).get(REQUEST_ID_HEADER) ?? randomUUID(),
);

const sessionId = sessionIdReader();

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sid = await sessionId((await cookies()).getAll(), async () => (await auth())?.sid ?? null);
  if (!sid) return null;
  return loadViewer(
    systemActor('sign-in'),
    sid,
    new Date(),
    { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    await getRequestId(),
  );
});

/** For pages: the viewer, or off to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/logg-inn');
  return viewer;
}
