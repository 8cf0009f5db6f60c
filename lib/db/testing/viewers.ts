/** People for tests: a real user row, a real session, and the viewer loaded from it. */
import { randomUUID } from 'node:crypto';
import { createSession, loadViewer } from '@/lib/access/data/sessions';
import { systemActor, type PersonViewer, type Role } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import type { PrismaClient } from '../client';

export const TEST_SESSION_LIMITS = { idleMinutes: 30, maxHours: 10 };

/** `prisma` is an app's client (db(actor)): the session is opened through the access data functions, which use it. */
export async function createTestViewer(
  prisma: PrismaClient,
  role: Role,
  municipalityNumbers: string[] = [],
): Promise<PersonViewer> {
  const user = await prisma.user.create({
    data: {
      name: `${role} ${municipalityNumbers.join('+')}`.trim(),
      email: `${randomUUID()}@test.example.no`,
      role,
      memberships: { create: municipalityNumbers.map((municipalityNumber) => ({ municipalityNumber })) },
    },
  });
  const now = new Date();
  const signIn = systemActor('sign-in');
  const token = await createSession(signIn, user.id, now, TEST_SESSION_LIMITS);
  const viewer = await loadViewer(signIn, token, now, TEST_SESSION_LIMITS, randomUUID());
  if (!viewer) throw new Error('session did not load');
  return viewer;
}

/** The people the DAL tests meet again and again, by the name the tests give them. */
const TEST_CAST = {
  admin: ['FHI_ADMIN', []],
  staff: ['FHI_STAFF', []],
  oslo: ['MUNICIPAL_CONTACT', ['0301']],
  bergen: ['MUNICIPAL_CONTACT', ['4601']],
} as const satisfies Record<string, readonly [Role, readonly string[]]>;

/** Those of the cast named, made on the app's client one after another in the order named. */
export async function createTestCast<Name extends keyof typeof TEST_CAST>(
  ...names: Name[]
): Promise<Record<Name, PersonViewer>> {
  const cast = {} as Record<Name, PersonViewer>;
  for (const name of names) {
    const [role, municipalityNumbers] = TEST_CAST[name];
    cast[name] = await createTestViewer(db(systemActor('launcher')), role, [...municipalityNumbers]);
  }
  return cast;
}

/** Audit rows written while `work` ran. */
export async function auditRowsDuring(prisma: PrismaClient, work: () => Promise<unknown>) {
  const before = await prisma.auditEvent.aggregate({ _max: { id: true } });
  await work();
  return prisma.auditEvent.findMany({ where: { id: { gt: before._max.id ?? 0n } }, orderBy: { id: 'asc' } });
}
