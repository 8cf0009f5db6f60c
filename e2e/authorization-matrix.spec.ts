/**
 * The authorization matrix: every page, route handler and Server Action in the build output
 * (.next) must have a policy here, and each is tried as every kind of person on their own, a
 * foreign and a nonexistent object — also with the request headers that bypassed Next.js
 * middleware in the past. A foreign object must look exactly like a nonexistent one.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext, type Browser } from '@playwright/test';
import { createApiKeyThroughUi } from './api-keys';
import { DEMO, sessionFile, sharedPersonaNamed, signInAs } from './helpers';

type Persona = 'anonymous' | 'osloContact' | 'bergenContact' | 'twoMunicipalityContact' | 'staff' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'osloContact', 'bergenContact', 'twoMunicipalityContact', 'staff', 'admin'];
const OWN_MUNICIPALITY: Record<Persona, string> = {
  anonymous: '0301',
  osloContact: '0301',
  bergenContact: '4601',
  twoMunicipalityContact: '3103',
  staff: '0301',
  admin: '4601',
};
const FOREIGN_MUNICIPALITY: Record<Persona, string> = {
  anonymous: '4601',
  osloContact: '4601',
  bergenContact: '0301',
  twoMunicipalityContact: '0301',
  staff: '5501',
  admin: '3101',
};
const isFhi = (p: Persona) => p === 'staff' || p === 'admin';
const municipalityFor = (p: Persona, o: ObjectKind) =>
  ({
    own: OWN_MUNICIPALITY[p],
    foreign: FOREIGN_MUNICIPALITY[p],
    nonexistent: '9999',
    malformed: '..%2Fadmin',
    none: '',
  })[o];

type Outcome = 200 | 401 | 404 | 405 | 'sign-in' | 'home';
type ObjectKind = 'own' | 'foreign' | 'nonexistent' | 'malformed' | 'none';

/** What a page answers for a persona and an object. */
const PAGE_POLICIES: Record<
  string,
  {
    objects: ObjectKind[];
    url: (p: Persona, o: ObjectKind, ids: Ids) => string;
    expect: (p: Persona, o: ObjectKind) => Outcome;
  }
> = {
  '/': { objects: ['none'], url: () => '/', expect: (p) => (p === 'anonymous' ? 'sign-in' : 200) },
  '/kart': { objects: ['none'], url: () => '/kart', expect: (p) => (p === 'anonymous' ? 'sign-in' : 200) },
  // The map's own document: the viewer's own map (a contact's has only their own municipalities; e2e/map.spec.ts).
  '/kart/ramme': {
    objects: ['none', 'nonexistent'],
    url: (_p, o) => (o === 'none' ? '/kart/ramme?season=2025' : '/kart/ramme?season=1999'),
    expect: (p, o) => (p === 'anonymous' ? 'sign-in' : o === 'none' ? 200 : 404),
  },
  '/logg-inn': { objects: ['none'], url: () => '/logg-inn', expect: (p) => (p === 'anonymous' ? 200 : 'home') },
  '/ingen-tilgang': { objects: ['none'], url: () => '/ingen-tilgang', expect: () => 200 },
  '/icon.svg': { objects: ['none'], url: () => '/icon.svg', expect: () => 200 },
  '/kommuner/[number]': {
    objects: ['own', 'foreign', 'nonexistent', 'malformed'],
    url: (p, o) => `/kommuner/${municipalityFor(p, o)}`,
    expect: (p, o) => (p === 'anonymous' ? 'sign-in' : o === 'own' || (o === 'foreign' && isFhi(p)) ? 200 : 404),
  },
  '/kommuner/[number]/daglig': {
    objects: ['own', 'foreign', 'nonexistent', 'malformed'],
    url: (p, o) => `/kommuner/${municipalityFor(p, o)}/daglig`,
    expect: (p, o) => (p === 'anonymous' ? 'sign-in' : o === 'own' || (o === 'foreign' && isFhi(p)) ? 200 : 404),
  },
  '/arbeidsliste': {
    objects: ['none'],
    url: () => '/arbeidsliste',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 200 : 404),
  },
  '/api/health': { objects: ['none'], url: () => '/api/health', expect: () => 200 },
  '/api/v1/status': {
    objects: ['none'],
    url: () => '/api/v1/status?season=2025',
    expect: (p) => (p === 'anonymous' ? 401 : 200),
  },
  '/api/v1/municipalities/[number]/status': {
    objects: ['own', 'foreign', 'nonexistent', 'malformed'],
    url: (p, o) => `/api/v1/municipalities/${municipalityFor(p, o)}/status`,
    expect: (p, o) => (p === 'anonymous' ? 401 : o === 'own' || (o === 'foreign' && isFhi(p)) ? 200 : 404),
  },
  '/opplasting': {
    objects: ['none'],
    url: () => '/opplasting',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 200 : 404),
  },
  // The upload's per-file endpoint takes POST only (FHI staff, same origin; tried in ingest.spec.ts).
  '/opplasting/fil': {
    objects: ['none'],
    url: () => '/opplasting/fil',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : 405),
  },
  '/egenkontroll': {
    objects: ['none'],
    url: () => '/egenkontroll',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 404 : 200),
  },
  '/admin/api-nokler': {
    objects: ['none'],
    url: () => '/admin/api-nokler',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : p === 'admin' ? 200 : 404),
  },
  // POST only, with an INGEST key: see 'the ingest API needs an INGEST key' below.
  '/api/v1/messages': { objects: ['none'], url: () => '/api/v1/messages', expect: () => 405 },
  '/api/v1/findings': { objects: ['none'], url: () => '/api/v1/findings', expect: () => 405 },
  '/admin/brukere': {
    objects: ['none'],
    url: () => '/admin/brukere',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : p === 'admin' ? 200 : 404),
  },
  '/admin/brukere/ny': {
    objects: ['none'],
    url: () => '/admin/brukere/ny',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : p === 'admin' ? 200 : 404),
  },
  '/admin/amqp-mottak': {
    objects: ['none'],
    url: () => '/admin/amqp-mottak',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : p === 'admin' ? 200 : 404),
  },
  '/admin/logg': {
    objects: ['none'],
    url: () => '/admin/logg',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : p === 'admin' ? 200 : 404),
  },
  '/admin/brukere/[id]': {
    objects: ['own', 'nonexistent', 'malformed'],
    url: (_p, o, ids) =>
      `/admin/brukere/${{ own: ids.someUserId, foreign: ids.someUserId, nonexistent: randomUUID(), malformed: 'x', none: '' }[o]}`,
    expect: (p, o) => (p === 'anonymous' ? 'sign-in' : p === 'admin' && o === 'own' ? 200 : 404),
  },
  // Follow-up (extension requests, notes, reminders):
  '/fristsoknader': {
    objects: ['none'],
    url: () => '/fristsoknader',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 200 : 404),
  },
  // Documents without a municipality (FHI only):
  '/uten-kommune': {
    objects: ['none'],
    url: () => '/uten-kommune',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 200 : 404),
  },

  // EPJ patterns (FHI only: they compare every municipality with the rest):
  '/epj': {
    objects: ['none'],
    url: () => '/epj',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : isFhi(p) ? 200 : 404),
  },

  // Reports and exports:
  '/rapporter': { objects: ['none'], url: () => '/rapporter', expect: (p) => (p === 'anonymous' ? 'sign-in' : 200) },
  // The help page "Slik leser du statusen": everyone signed in.
  '/hjelp': { objects: ['none'], url: () => '/hjelp', expect: (p) => (p === 'anonymous' ? 'sign-in' : 200) },
  // A report's file: FHI get the stored one, a contact their own municipalities' (e2e/reports.spec.ts); no report is found here.
  '/rapporter/[id]/[format]': {
    objects: ['nonexistent', 'malformed'],
    url: (_p, o) => (o === 'nonexistent' ? `/rapporter/${randomUUID()}/xlsx` : '/rapporter/..%2F..%2Fadmin/csv'),
    expect: (p) => (p === 'anonymous' ? 'sign-in' : 404),
  },
  '/kommuner/[number]/eksport': {
    objects: ['own', 'foreign', 'nonexistent', 'malformed'],
    url: (p, o) => `/kommuner/${municipalityFor(p, o)}/eksport?format=csv`,
    expect: (p, o) => (p === 'anonymous' ? 'sign-in' : o === 'own' || (o === 'foreign' && isFhi(p)) ? 200 : 404),
  },
  '/eksport': {
    objects: ['none'],
    url: () => '/eksport?format=xlsx&season=2025',
    expect: (p) => (p === 'anonymous' ? 'sign-in' : 200),
  },

  // Auth.js's own endpoints: public by nature; the session endpoint reveals nothing but the session id's expiry.
  '/api/auth/[...nextauth]': { objects: ['none'], url: () => '/api/auth/session', expect: () => 200 },
};

/** Server Actions by file#export: who may change something with them. */
const ACTION_POLICIES: Record<string, 'public' | 'admin' | 'contact' | 'staff'> = {
  'app/(auth)/actions.ts#demoSignInAction': 'public',
  'app/(auth)/actions.ts#oidcSignInAction': 'public',
  'app/(auth)/actions.ts#signOutAction': 'public',
  'app/(dashboard)/admin/brukere/actions.ts#saveUserAction': 'admin',
  'app/(dashboard)/admin/brukere/actions.ts#setUserActiveAction': 'admin',
  'app/(dashboard)/admin/api-nokler/actions.ts#createApiKeyAction': 'admin',
  'app/(dashboard)/admin/api-nokler/actions.ts#revokeApiKeyAction': 'admin',
  'app/(dashboard)/egenkontroll/actions.ts#saveSelfCheckAction': 'contact',
  // Follow-up (extension requests, notes, reminders); tried as each persona in follow-up.spec.ts:
  'app/(dashboard)/kommuner/[number]/actions.ts#requestExtensionAction': 'contact',
  'app/(dashboard)/kommuner/[number]/actions.ts#withdrawExtensionAction': 'contact',
  'app/(dashboard)/kommuner/[number]/actions.ts#addNoteAction': 'contact',
  'app/(dashboard)/fristsoknader/actions.ts#decideExtensionAction': 'staff',
  'app/(dashboard)/uten-kommune/actions.ts#assignMunicipalityAction': 'staff',

  // Reports and exports:
  'app/(dashboard)/rapporter/actions.ts#createReportAction': 'staff',
  'app/(dashboard)/rapporter/actions.ts#setSubscriptionAction': 'staff',
};

/** Headers that bypassed Next.js middleware (CVE-2025-29927 and relatives) or try to confuse routing. */
const HEADER_TRICKS: Record<string, Record<string, string>> = {
  none: {},
  'middleware-subrequest': { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  'proxy-subrequest': { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  'src-middleware-subrequest': { 'x-middleware-subrequest': 'src/middleware:src/proxy' },
  'forwarded-host': { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
  'matched-path': { 'x-matched-path': '/logg-inn', 'x-invoke-path': '/logg-inn', 'x-nextjs-data': '1' },
  'spoofed-request-id': { 'x-request-id': 'forged', 'x-middleware-prefetch': '1' },
};

interface Ids {
  someUserId: string;
}

const BUILD_DIR = process.env.NEXT_DIST_DIR || '.next';
const routesInBuild: string[] = Object.values(
  JSON.parse(readFileSync(`${BUILD_DIR}/app-path-routes-manifest.json`, 'utf8')) as Record<string, string>,
).filter((route) => !route.startsWith('/_'));
const actionsInBuild: { id: string; key: string }[] = Object.entries(
  (
    JSON.parse(readFileSync(`${BUILD_DIR}/server/server-reference-manifest.json`, 'utf8')) as {
      node: Record<string, { exportedName: string; filename: string }>;
    }
  ).node,
).map(([id, action]) => ({ id, key: `${action.filename}#${action.exportedName}` }));

async function contextFor(browser: Browser, persona: Persona, baseURL: string): Promise<APIRequestContext> {
  if (persona === 'anonymous') return request.newContext({ baseURL });
  // The run's shared session (e2e/global-setup.ts) where there is one. Jonas Lie signs in each time:
  // the Server Action test deactivates and reactivates him, which ends every session of his.
  const shared = sharedPersonaNamed(DEMO[persona]);
  if (shared) return request.newContext({ baseURL, storageState: sessionFile(shared) });
  const page = await browser.newPage();
  await signInAs(page, DEMO[persona]);
  const storageState = await page.context().storageState();
  await page.context().close();
  return request.newContext({ baseURL, storageState });
}

test.describe.configure({ mode: 'serial' });

test('every page, route handler and Server Action in the build has a policy', () => {
  expect(routesInBuild.filter((route) => !(route in PAGE_POLICIES))).toEqual([]);
  expect(actionsInBuild.filter((action) => !(action.key in ACTION_POLICIES)).map((a) => a.key)).toEqual([]);
  expect(routesInBuild.length).toBeGreaterThanOrEqual(9);
  expect(actionsInBuild.length).toBeGreaterThanOrEqual(5);
});

test('no page leaks: every persona, object and header trick gets exactly its outcome', async ({ browser, baseURL }) => {
  // Hundreds of requests in one test: three times the configured budget (playwright.config.ts).
  test.slow();
  const contexts = Object.fromEntries(
    await Promise.all(PERSONAS.map(async (p) => [p, await contextFor(browser, p, baseURL!)] as const)),
  ) as Record<Persona, APIRequestContext>;
  const adminUsers = await (await contexts.admin.get('/admin/brukere')).text();
  const someUserId = /\/admin\/brukere\/([0-9a-f-]{36})/.exec(adminUsers)?.[1];
  expect(someUserId).toBeDefined();
  const ids: Ids = { someUserId: someUserId! };

  let probes = 0;
  const failures: string[] = [];
  for (const route of routesInBuild) {
    const policy = PAGE_POLICIES[route]!;
    for (const persona of PERSONAS) {
      for (const object of policy.objects) {
        const url = policy.url(persona, object, ids);
        const expected = policy.expect(persona, object);
        for (const [trick, headers] of Object.entries(HEADER_TRICKS)) {
          probes++;
          const response = await contexts[persona].get(url, { headers, maxRedirects: 0 });
          const status = response.status();
          const location = response.headers()['location'] ?? '';
          const outcome: Outcome | number =
            status === 307 && location.includes('/logg-inn')
              ? 'sign-in'
              : status === 307 && location === '/'
                ? 'home'
                : status;
          if (outcome !== expected) failures.push(`${persona} ${url} [${trick}] → ${outcome}, expected ${expected}`);
          if (expected === 404 && route.startsWith('/kommuner/[number]') && object === 'foreign') {
            const body = await response.text();
            // The foreign municipality's page must not be in the answer at all.
            if (body.includes(`(${FOREIGN_MUNICIPALITY[persona]})`))
              failures.push(`${persona} ${url} [${trick}] leaks the municipality`);
          }
          if (expected === 404 && route === '/api/v1/municipalities/[number]/status' && object === 'foreign') {
            const body = await response.text();
            if (body.includes(FOREIGN_MUNICIPALITY[persona]))
              failures.push(`${persona} ${url} [${trick}] leaks the municipality`);
          }
        }
      }
    }
  }
  console.log(`authorization matrix: ${probes} page/route probes`);
  expect(failures).toEqual([]);
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

test('Server Actions change nothing for those they are not for', async ({ browser, baseURL }) => {
  // Hundreds of requests in one test: three times the configured budget (playwright.config.ts).
  test.slow();
  const contexts = Object.fromEntries(
    await Promise.all(PERSONAS.map(async (p) => [p, await contextFor(browser, p, baseURL!)] as const)),
  ) as Record<Persona, APIRequestContext>;
  const adminUsers = await (await contexts.admin.get('/admin/brukere')).text();
  const victimId = new RegExp(`/admin/brukere/([0-9a-f-]{36})"[^>]*>${DEMO.bergenContact}`).exec(adminUsers)?.[1];
  expect(victimId).toBeDefined();

  const actionId = (key: string) => actionsInBuild.find((a) => a.key === key)!.id;
  /**
   * Calls an action the way React does: the form's fields under "_1_", then the arguments as "0"
   * (last: the server resolves the arguments as soon as it reads them).
   */
  async function callAction(
    persona: Persona,
    headers: Record<string, string>,
    key: string,
    fields: Record<string, string>,
    withState: boolean,
  ) {
    const multipart = new FormData();
    for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
    multipart.append('0', JSON.stringify(withState ? [{}, '$K1'] : ['$K1']));
    return contexts[persona].post('/admin/brukere', {
      headers: { ...headers, Origin: baseURL!, 'Next-Action': actionId(key), Accept: 'text/x-component' },
      multipart,
      maxRedirects: 0,
    });
  }

  let probes = 0;
  for (const persona of PERSONAS) {
    for (const [trick, headers] of Object.entries(HEADER_TRICKS)) {
      probes += 2;
      const email = `matrix-${persona}-${trick}@example.no`;
      const save = 'app/(dashboard)/admin/brukere/actions.ts#saveUserAction';
      await callAction(
        persona,
        headers,
        save,
        { name: 'Matrix', email, role: 'FHI_ADMIN', municipalityNumbers: '' },
        true,
      );
      // The admin's own call is the control that the calls are well-formed; it must not deactivate anyone.
      if (persona === 'admin') break;
      const setActive = 'app/(dashboard)/admin/brukere/actions.ts#setUserActiveAction';
      await callAction(persona, headers, setActive, { userId: victimId!, active: 'false' }, false);
    }
  }
  const after = await (await contexts.admin.get('/admin/brukere')).text();
  // Only the admin's own call may have created a user; nobody else's did anything.
  const created = [...after.matchAll(/matrix-([a-zA-Z]+)-/g)].map((m) => m[1]);
  expect(new Set(created)).toEqual(new Set(['admin']));
  const victimRow = new RegExp(`${DEMO.bergenContact}</a>.*?</tr>`).exec(after)?.[0] ?? '';
  expect(victimRow).toContain('Aktiv');

  // And the deactivation works when the admin does it (the control for the calls above).
  await callAction(
    'admin',
    {},
    'app/(dashboard)/admin/brukere/actions.ts#setUserActiveAction',
    { userId: victimId!, active: 'false' },
    false,
  );
  await callAction(
    'admin',
    {},
    'app/(dashboard)/admin/brukere/actions.ts#setUserActiveAction',
    { userId: victimId!, active: 'true' },
    false,
  );
  probes += 2;
  console.log(`authorization matrix: ${probes} Server Action probes`);
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

test('the ingest API needs an INGEST key: anonymous and every session 401, a READ key 403', async ({
  browser,
  baseURL,
}) => {
  // Six sessions and two API keys made through the admin page, then some hundred requests.
  test.slow();
  const contexts = await Promise.all(PERSONAS.map((p) => contextFor(browser, p, baseURL!)));
  const readKey = await createApiKeyThroughUi(browser, `Matrix READ ${randomUUID().slice(0, 8)}`, ['READ']);
  const ingestKey = await createApiKeyThroughUi(browser, `Matrix INGEST ${randomUUID().slice(0, 8)}`, ['INGEST']);
  const failures: string[] = [];
  for (const route of ['/api/v1/messages', '/api/v1/findings']) {
    for (const [index, context] of contexts.entries()) {
      for (const [trick, headers] of Object.entries(HEADER_TRICKS)) {
        const status = (
          await context.post(route, { headers: { ...headers, 'Content-Type': 'application/xml' }, data: '<x/>' })
        ).status();
        if (status !== 401) failures.push(`${PERSONAS[index]} POST ${route} [${trick}] → ${status}, expected 401`);
      }
    }
    const withKey = (key: string) =>
      contexts[0]!.post(route, {
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/plain' },
        data: 'x',
      });
    expect((await withKey(readKey)).status(), route).toBe(403);
    // The control: the INGEST key gets past authorization (and is refused for the content type).
    expect((await withKey(ingestKey)).status(), route).toBe(415);
  }
  expect(failures).toEqual([]);
  await Promise.all(contexts.map((c) => c.dispose()));
});
