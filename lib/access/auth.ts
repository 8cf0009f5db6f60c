/**
 * Auth.js: sign-in with the OpenID Connect provider (when configured) and the demo sign-in (when
 * switched on). The session cookie holds only a server-side session id (data/sessions.ts); who the
 * person is and what they may see is loaded from the database on every request. Its callbacks
 * read and write through the access data functions as the sign-in's system actor: nobody is
 * signed in while they run. Request-bound: only lib/access/request.ts and viewer.ts import it.
 */
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/core/env';
import { createSession, endSession } from './data/sessions';
import {
  DEMO_PROVIDER_ID,
  findDemoUser,
  findUserForOidc,
  OIDC_PROVIDER_ID,
  recordSignIn,
  recordSignInRefused,
  recordSignOut,
} from './data/sign-in';
import { systemActor } from './rules/actor';

export const demoSignInEnabled = env.DEMO_SIGN_IN === 'on';
export const oidcEnabled = Boolean(env.OIDC_ISSUER);
export const oidcDisplayName = env.OIDC_DISPLAY_NAME;

const sessionLimits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS };

const providers: NextAuthConfig['providers'] = [];
if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
  providers.push({
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_DISPLAY_NAME,
    type: 'oidc',
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPES } },
    checks: ['pkce', 'state', 'nonce'],
    // Keep nothing of the profile but the subject: an ID token may carry `pid` (national identity number).
    profile: (profile) => ({ id: String(profile.sub) }),
  });
}
if (demoSignInEnabled) {
  providers.push(
    Credentials({
      id: DEMO_PROVIDER_ID,
      name: 'Demo',
      credentials: { userId: {} },
      authorize: async (credentials) => {
        const parsed = z.object({ userId: z.uuid() }).safeParse(credentials);
        if (!parsed.success) return null;
        const user = await findDemoUser(systemActor('sign-in'), parsed.data.userId);
        return user ? { id: user.id } : null;
      },
    }),
  );
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  providers,
  session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
  pages: { signIn: '/logg-inn', error: '/logg-inn' },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const actor = systemActor('sign-in');
      const user = profile?.sub ? await findUserForOidc(actor, { sub: profile.sub, email: profile.email }) : null;
      if (user) return true;
      await recordSignInRefused(actor, OIDC_PROVIDER_ID);
      return '/ingen-tilgang';
    },
    async jwt({ token, user, account, trigger }) {
      if (trigger !== 'signIn' || !user?.id || !account) return token;
      const actor = systemActor('sign-in');
      const userId =
        account.provider === OIDC_PROVIDER_ID
          ? (await findUserForOidc(actor, { sub: account.providerAccountId }))?.id
          : user.id;
      if (!userId) return null;
      const sid = await createSession(actor, userId, new Date(), sessionLimits);
      await recordSignIn(actor, userId, account.provider);
      // The token carries the session id and nothing about the person.
      return { sid };
    },
    session({ session, token }) {
      return { expires: session.expires, sid: typeof token.sid === 'string' ? token.sid : undefined } as typeof session;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message && typeof message.token?.sid === 'string' ? message.token.sid : null;
      if (!sid) return;
      const actor = systemActor('sign-in');
      const ended = await endSession(actor, sid);
      if (ended) await recordSignOut(actor, ended);
    },
  },
});

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
}
