'use server';

import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { DEMO_PROVIDER_ID, OIDC_PROVIDER_ID } from '@/lib/access/sign-in';

/** Sign in as a demo user (only when the demo sign-in is on and the user is a demo user: see auth.ts). */
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
