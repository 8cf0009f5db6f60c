/**
 * User administration (FHI admins only): people, their role and municipalities, and which
 * municipalities have too few active contacts. Every function checks the viewer itself (anyone
 * else gets null, as for something that does not exist); every change is audited in the same
 * transaction; a write that cannot be saved says which field to show the message at.
 */
import 'server-only';
import { z } from 'zod';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import { auditActor, isAdmin, type Role, type Viewer } from '../rules/actor';
import { recordAudit } from './audit';

/** A municipality should have at least this many active contact persons. */
export const MIN_ACTIVE_CONTACTS = 2;

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  demo: boolean;
  lastSignInAt: Date | null;
  municipalities: { number: string; name: string }[];
}

export interface UnderstaffedMunicipalityRow {
  number: string;
  name: string;
  activeContacts: number;
}

export const userInputSchema = z
  .object({
    name: z.string().trim().min(2, 'Skriv inn navnet.').max(200),
    email: z.email('Skriv inn en gyldig e-postadresse.').trim().toLowerCase(),
    role: z.enum(['FHI_ADMIN', 'FHI_STAFF', 'MUNICIPAL_CONTACT'], 'Velg en rolle.'),
    municipalityNumbers: z.array(z.string().regex(/^\d{4}$/, 'Kommunenummer har fire sifre.')).max(50),
  })
  .refine((input) => input.role !== 'MUNICIPAL_CONTACT' || input.municipalityNumbers.length > 0, {
    message: 'En kontaktperson må ha minst én kommune.',
    path: ['municipalityNumbers'],
  });
export type UserInput = z.infer<typeof userInputSchema>;

export type UserWriteResult =
  { ok: true; id: string } | { ok: false; field: 'email' | 'municipalityNumbers'; message: string };

const userRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  demo: true,
  lastSignInAt: true,
  memberships: {
    orderBy: { municipalityNumber: 'asc' },
    select: { municipality: { select: { number: true, shortName: true } } },
  },
} satisfies Prisma.UserSelect;

function toUserRow({ memberships, ...user }: Prisma.UserGetPayload<{ select: typeof userRowSelect }>): UserRow {
  return {
    ...user,
    municipalities: memberships.map((m) => ({ number: m.municipality.number, name: m.municipality.shortName })),
  };
}

/** All users, or null when the viewer may not administer users (answered as not found). */
export async function listUsers(viewer: Viewer): Promise<UserRow[] | null> {
  if (!isAdmin(viewer)) return null;
  const users = await db(viewer).user.findMany({
    orderBy: [{ active: 'desc' }, { role: 'asc' }, { name: 'asc' }],
    select: userRowSelect,
  });
  return users.map(toUserRow);
}

export async function getUser(viewer: Viewer, id: string): Promise<UserRow | null> {
  if (!isAdmin(viewer) || !z.uuid().safeParse(id).success) return null;
  const user = await db(viewer).user.findUnique({ where: { id }, select: userRowSelect });
  return user ? toUserRow(user) : null;
}

/** Municipalities with fewer than MIN_ACTIVE_CONTACTS active contact persons. */
export async function listUnderstaffedMunicipalities(viewer: Viewer): Promise<UnderstaffedMunicipalityRow[] | null> {
  if (!isAdmin(viewer)) return null;
  const municipalities = await db(viewer).municipality.findMany({
    orderBy: { number: 'asc' },
    select: {
      number: true,
      shortName: true,
      _count: { select: { memberships: { where: { user: { active: true, role: 'MUNICIPAL_CONTACT' } } } } },
    },
  });
  return municipalities
    .filter((m) => m._count.memberships < MIN_ACTIVE_CONTACTS)
    .map((m) => ({ number: m.number, name: m.shortName, activeContacts: m._count.memberships }));
}

async function unknownMunicipalities(viewer: Viewer, numbers: string[]): Promise<string[]> {
  const found = await db(viewer).municipality.findMany({
    where: { number: { in: numbers } },
    select: { number: true },
  });
  const known = new Set(found.map((m) => m.number));
  return numbers.filter((number) => !known.has(number));
}

/** Saves the user (a new one when `id` is null) and their municipalities, audited in the same transaction. */
async function write(viewer: Viewer, input: UserInput, id: string | null): Promise<UserWriteResult> {
  const numbers = input.role === 'MUNICIPAL_CONTACT' ? [...new Set(input.municipalityNumbers)].sort() : [];
  const unknown = await unknownMunicipalities(viewer, numbers);
  if (unknown.length > 0) {
    return { ok: false, field: 'municipalityNumbers', message: `Ukjent kommunenummer: ${unknown.join(', ')}.` };
  }
  try {
    const user = await db(viewer).$transaction(async (tx) => {
      // A person's name is free text: an identity number typed into it is masked before it is stored.
      const data = { name: maskIdentityNumbers(input.name), email: input.email, role: input.role };
      const saved = id ? await tx.user.update({ where: { id }, data }) : await tx.user.create({ data });
      await tx.municipalityMembership.deleteMany({
        where: { userId: saved.id, municipalityNumber: { notIn: numbers } },
      });
      await tx.municipalityMembership.createMany({
        data: numbers.map((municipalityNumber) => ({ userId: saved.id, municipalityNumber })),
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        action: id ? 'admin.user.update' : 'admin.user.create',
        outcome: 'SUCCESS',
        actor: auditActor(viewer),
        requestId: viewer.requestId,
        details: { userId: saved.id, role: input.role, municipalities: numbers },
      });
      return saved;
    });
    return { ok: true, id: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, field: 'email', message: 'Det finnes allerede en bruker med denne e-postadressen.' };
    }
    throw error;
  }
}

/** Registers a user; null when the viewer may not administer users, a field error when it cannot be saved. */
export async function createUser(viewer: Viewer, input: UserInput): Promise<UserWriteResult | null> {
  if (!isAdmin(viewer)) return null;
  return write(viewer, input, null);
}

/** Updates a user; null when there is no such user (or the viewer may not administer users), a field error when it cannot be saved. */
export async function updateUser(viewer: Viewer, id: string, input: UserInput): Promise<UserWriteResult | null> {
  if (!isAdmin(viewer) || !(await getUser(viewer, id))) return null;
  return write(viewer, input, id);
}

/** Deactivates (ending their sessions at once) or reactivates a user; false when there is no such user. */
export async function setUserActive(viewer: Viewer, id: string, active: boolean): Promise<boolean> {
  if (!isAdmin(viewer) || !z.uuid().safeParse(id).success) return false;
  if (id === viewer.userId && !active) return false;
  return db(viewer).$transaction(async (tx) => {
    const result = await tx.user.updateMany({
      where: { id },
      data: { active, deactivatedAt: active ? null : new Date() },
    });
    if (result.count === 0) return false;
    if (!active) await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      action: active ? 'admin.user.reactivate' : 'admin.user.deactivate',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      requestId: viewer.requestId,
      details: { userId: id },
    });
    return true;
  });
}
