/**
 * Who may sign in. A person signing in with the identity provider is known by the provider's
 * subject (`sub`); the first time, a person pre-registered by e-mail is linked to that subject.
 * Never by a national identity number: the `pid` claim is neither read nor kept.
 */
import type { PrismaClient } from '@/lib/db/client';

export const OIDC_PROVIDER_ID = 'oidc';
export const DEMO_PROVIDER_ID = 'demo';

export interface OidcIdentity {
  sub: string;
  email?: string | null;
}

/** The active user for an identity provider's subject, linking a pre-registered e-mail on first sign-in; null when not registered. */
export async function findUserForOidc(prisma: PrismaClient, identity: OidcIdentity): Promise<{ id: string } | null> {
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: identity.sub } },
    select: { user: { select: { id: true, active: true } } },
  });
  if (linked) return linked.user.active ? { id: linked.user.id } : null;

  const email = identity.email?.trim().toLowerCase();
  if (!email) return null;
  const registered = await prisma.user.findFirst({
    where: { email, active: true, demo: false, accounts: { none: { provider: OIDC_PROVIDER_ID } } },
    select: { id: true },
  });
  if (!registered) return null;
  await prisma.account.create({
    data: { userId: registered.id, type: 'oidc', provider: OIDC_PROVIDER_ID, providerAccountId: identity.sub },
  });
  return registered;
}

/** The demo sign-in accepts only active demo users. */
export async function findDemoUser(prisma: PrismaClient, userId: string): Promise<{ id: string; name: string } | null> {
  return prisma.user.findFirst({ where: { id: userId, demo: true, active: true }, select: { id: true, name: true } });
}
