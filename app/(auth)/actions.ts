'use server';

/**
 * Signing in and out. These are the only Server Actions without the shared preamble
 * (formAction/action in lib/access/request.ts): nobody is signed in yet, so there is no viewer to
 * act as; Auth.js's callbacks look the person up and audit the sign-in as the sign-in's system actor.
 */
import { z } from 'zod';
import { DEMO_PROVIDER_ID, OIDC_PROVIDER_ID } from '@/lib/access';
import { signIn, signOut } from '@/lib/access/request';

/** Sign in as a demo user (only when the demo sign-in is on and the user is a demo user: see lib/access/auth.ts). */
export async function demoSignInAction(formData: FormData): Promise<void> {
  const parsed = z.object({ userId: z.uuid() }).safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return;
  await signIn(DEMO_PROVIDER_ID, { userId: parsed.data.userId, redirectTo: '/' });
}

export async function oidcSignInAction(): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: '/' });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/logg-inn' });
}
