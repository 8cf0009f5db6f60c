/**
 * Who may sign in, and the audit of signing in and out. A person signing in with the identity
 * provider is known by the provider's subject (`sub`); the first time, a person pre-registered by
 * e-mail is linked to that subject. Never by a national identity number: the `pid` claim is neither
 * read nor kept. Nobody is signed in yet while these run: the sign-in's system actor asks.
 */
import 'server-only';
import { db } from '@/lib/db';
import type { Role, SystemActor } from '../rules/actor';
import { recordAudit } from './audit';

export const OIDC_PROVIDER_ID = 'oidc';
export const DEMO_PROVIDER_ID = 'demo';

export interface OidcIdentity {
  sub: string;
  email?: string | null;
}

/** The active user for an identity provider's subject, linking a pre-registered e-mail on first sign-in; null when not registered. */
export async function findUserForOidc(actor: SystemActor, identity: OidcIdentity): Promise<{ id: string } | null> {
  const linked = await db(actor).account.findUnique({
    where: { provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: identity.sub } },
    select: { user: { select: { id: true, active: true } } },
  });
  if (linked) return linked.user.active ? { id: linked.user.id } : null;

  const email = identity.email?.trim().toLowerCase();
  if (!email) return null;
  const registered = await db(actor).user.findFirst({
    where: { email, active: true, demo: false, accounts: { none: { provider: OIDC_PROVIDER_ID } } },
    select: { id: true },
  });
  if (!registered) return null;
  await db(actor).account.create({
    data: { userId: registered.id, type: 'oidc', provider: OIDC_PROVIDER_ID, providerAccountId: identity.sub },
  });
  return registered;
}

/** The demo sign-in accepts only active demo users. */
export async function findDemoUser(actor: SystemActor, userId: string): Promise<{ id: string; name: string } | null> {
  return db(actor).user.findFirst({
    where: { id: userId, demo: true, active: true },
    select: { id: true, name: true },
  });
}

/** Records a person's sign-in with `provider`, in the role they have now. */
export async function recordSignIn(actor: SystemActor, userId: string, provider: string): Promise<void> {
  const { role } = await db(actor).user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  await recordAudit(db(actor), {
    action: 'auth.sign_in',
    outcome: 'SUCCESS',
    actor: { userId, role },
    details: { provider },
  });
}

/** Records that the identity provider vouched for someone who is not (or no longer) a user here. */
export async function recordSignInRefused(actor: SystemActor, provider: string): Promise<void> {
  await recordAudit(db(actor), { action: 'auth.sign_in_denied', outcome: 'DENIED', details: { provider } });
}

/** Records a person's sign-out (their session has ended: see endSession). */
export async function recordSignOut(actor: SystemActor, person: { userId: string; role: Role }): Promise<void> {
  await recordAudit(db(actor), { action: 'auth.sign_out', outcome: 'SUCCESS', actor: person });
}
