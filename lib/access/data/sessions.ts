/**
 * Server-side sessions. The session cookie (a JWT signed by Auth.js) carries only a session id;
 * the person, their role and municipalities are loaded from the database on every request, so a
 * deactivated person or a removed membership takes effect at their next request, and a session can
 * be ended from the server. Sessions expire when idle and after a maximum lifetime.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { HOUR_MS, MINUTE_MS } from '@/lib/core/time';
import type { PersonViewer, Role, SystemActor } from '../rules/actor';

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

/** A new session for the person who just signed in (the sign-in's system actor opens it); its token. */
export async function createSession(
  actor: SystemActor,
  userId: string,
  now: Date,
  limits: SessionLimits,
): Promise<string> {
  const sessionToken = randomBytes(32).toString('base64url');
  const prisma = db(actor);
  await prisma.$transaction([
    prisma.session.create({
      data: {
        sessionToken,
        userId,
        createdAt: now,
        lastSeenAt: now,
        expires: new Date(now.getTime() + limits.maxHours * HOUR_MS),
      },
    }),
    prisma.user.update({ where: { id: userId }, data: { lastSignInAt: now } }),
  ]);
  return sessionToken;
}

/** Ends a session (sign-out); who it was, or null when there was no such session. */
export async function endSession(
  actor: SystemActor,
  sessionToken: string,
): Promise<{ userId: string; role: Role } | null> {
  const session = await db(actor).session.findUnique({
    where: { sessionToken },
    select: { id: true, user: { select: { id: true, role: true } } },
  });
  if (!session) return null;
  await db(actor).session.deleteMany({ where: { id: session.id } });
  return { userId: session.user.id, role: session.user.role };
}

interface SessionRow {
  id: string;
  lastSeenAt: Date;
  expires: Date;
  userId: string;
  name: string;
  role: Role;
  active: boolean;
  municipalityNumbers: string[];
}

/** The viewer of a live session; null (and the session removed) when it has expired or the person was deactivated. */
export async function loadViewer(
  actor: SystemActor,
  sessionToken: string,
  now: Date,
  limits: SessionLimits,
  requestId: string,
): Promise<PersonViewer | null> {
  // One round trip (it runs on every request): the session, its person and their municipalities.
  const [session] = await db(actor).$queryRaw<SessionRow[]>`
    SELECT s.id, s.last_seen_at AS "lastSeenAt", s.expires, u.id AS "userId", u.name, u.role::text AS role, u.active,
           ARRAY(SELECT m.municipality_number FROM municipality_membership m WHERE m.user_id = u.id ORDER BY m.municipality_number) AS "municipalityNumbers"
      FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.session_token = ${sessionToken}`;
  if (!session) return null;
  const idleUntil = session.lastSeenAt.getTime() + limits.idleMinutes * MINUTE_MS;
  if (!session.active || now.getTime() >= session.expires.getTime() || now.getTime() >= idleUntil) {
    await db(actor).session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db(actor).session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: session.userId,
    apiKeyId: null,
    name: session.name,
    role: session.role,
    municipalityNumbers: session.role === 'MUNICIPAL_CONTACT' ? session.municipalityNumbers : [],
    sessionId: sessionToken,
    requestId,
  };
}
