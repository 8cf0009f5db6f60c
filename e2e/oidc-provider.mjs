/**
 * A real OpenID Connect provider for the browser tests (the `oidc-provider` package), standing in
 * for HelseID / ID-porten. Its development login form takes any name, which becomes the subject,
 * with e-mail `<name>@idp.example.no` and — like ID-porten — a `pid` claim with a (synthetic)
 * national identity number, which the app must never keep.
 */
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 3190);
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:3100';

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'kpr-e2e',
      client_secret: 'kpr-e2e-secret-that-is-long-enough-for-hs256',
      redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${appOrigin}/logg-inn`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], pid: ['pid'] },
  scopes: ['openid', 'email', 'profile', 'pid'],
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: `${id}@idp.example.no`,
      email_verified: true,
      name: id,
      pid: '01810112345',
    }),
  }),
  // Like ID-porten and HelseID, put the claims in the ID token itself.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['kpr-e2e-cookie-key'] },
  pkce: { required: () => true },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`OIDC provider on http://127.0.0.1:${port}`);
});
