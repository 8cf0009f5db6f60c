/**
 * Ingestion end to end: the API with a key made in the admin UI, the staff upload, and the
 * municipal self-check (files read in the browser, axe clean).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createApiKeyThroughUi, signInAndOpen } from './api-keys';
import { DEMO, expectNoAxeViolations } from './helpers';

const fixture = (path: string) => readFileSync(`lib/ingest/readers/fixtures/${path}`, 'utf8');
const withMsgId = (xml: string, msgId: string) => xml.replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${msgId}</MsgId>`);
/** Eleven digits in the place of the fixtures' identity-number placeholders: must never come back. */
const IDENTITY_NUMBER = '15037242087';

test.describe.configure({ mode: 'serial' });

let ingestKey = '';
let readKey = '';

test.beforeAll(async ({ browser }) => {
  ingestKey = await createApiKeyThroughUi(browser, `E2E mottak ${randomUUID().slice(0, 8)}`, ['INGEST']);
  readKey = await createApiKeyThroughUi(browser, `E2E lesing ${randomUUID().slice(0, 8)}`, ['READ']);
});

test('POST /api/v1/messages: 201, duplicate 200, conflict 409, bad input 400/415/422 with nothing leaked, keys 401/403', async ({
  request,
}) => {
  const msgId = `e2e-${randomUUID()}`;
  const xml = withMsgId(fixture('good/msghead-kpr-ipl.xml'), msgId);
  const post = (body: string, headers: Record<string, string> = {}, key = ingestKey) =>
    request.post('/api/v1/messages', {
      data: body,
      headers: { 'Content-Type': 'application/xml', Authorization: `Bearer ${key}`, ...headers },
    });

  const created = await post(xml, { 'X-Received-At': '2026-01-08T14:10:00+01:00', 'X-Transport': 'AMQP' });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({
    duplicate: false,
    summary: {
      kind: 'KPR_IPL',
      msgId,
      municipalityNumber: '4601',
      season: '2025',
      receivedAt: '2026-01-08T13:10:00.000Z',
    },
  });

  const again = await post(xml);
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ ...body, duplicate: true });

  // Next.js answers `200 {}` without calling the route when x-middleware-prefetch gets through (proxy.ts removes it).
  const prefetch = await post(withMsgId(xml, `e2e-${randomUUID()}`), { 'X-Middleware-Prefetch': '1' });
  expect(prefetch.status()).toBe(201);
  expect((await prefetch.json()).summary.kind).toBe('KPR_IPL');

  const conflict = await post(xml.replace('<iiLopenr>7</iiLopenr>', '<iiLopenr>8</iiLopenr>'));
  expect(conflict.status()).toBe(409);
  expect((await conflict.json()).error.code).toBe('MESSAGE_ID_CONFLICT');

  const cases: [string, string, Record<string, string>, number, string][] = [
    ['XXE', fixture('bad/xxe-file.xml'), {}, 400, 'XML_DOCTYPE_FORBIDDEN'],
    ['two roots', fixture('bad/two-roots.xml'), {}, 400, 'XML_MULTIPLE_ROOTS'],
    ['missing MsgId', fixture('bad/msghead-missing-msgid.xml'), {}, 422, 'MSGHEAD_MISSING_ELEMENT'],
    [
      'KPR_IDE with a number as GenDate',
      fixture('bad/ide-number-as-gendate.xml').replace(/__FNR_\d__/g, IDENTITY_NUMBER),
      {},
      422,
      'MSGHEAD_INVALID_DATE',
    ],
    ['JSON body', '{}', { 'Content-Type': 'application/json' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['bad X-Received-At', xml, { 'X-Received-At': 'yesterday' }, 400, 'INVALID_HEADER'],
  ];
  for (const [name, document, headers, status, code] of cases) {
    const response = await post(document, headers);
    const text = await response.text();
    expect(response.status(), name).toBe(status);
    expect(JSON.parse(text).error.code, name).toBe(code);
    expect(text, name).not.toContain(IDENTITY_NUMBER);
  }

  expect(
    (await request.post('/api/v1/messages', { data: xml, headers: { 'Content-Type': 'application/xml' } })).status(),
  ).toBe(401);
  expect((await post(xml, {}, 'kpr_not-a-key')).status()).toBe(401);
  expect((await post(xml, {}, readKey)).status()).toBe(403);
});

test('POST /api/v1/findings: JSON and CSV, idempotent on Idempotency-Key', async ({ request }) => {
  const key = randomUUID();
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${ingestKey}`, 'Idempotency-Key': key };
  const data = JSON.stringify({
    findings: [{ municipality: '0301', season: '2025', code: 'E2E-1', severity: 'WARNING', message: 'Test', count: 2 }],
  });
  const first = await request.post('/api/v1/findings', { data, headers });
  expect(first.status()).toBe(201);
  const again = await request.post('/api/v1/findings', { data, headers });
  expect(again.status()).toBe(200);
  expect((await again.json()).duplicate).toBe(true);
  expect((await request.post('/api/v1/findings', { data: data.replace('Test', 'Annet'), headers })).status()).toBe(409);
  const csv = 'municipality,season,code,severity,message\n4601,2025,E2E-2,ERROR,Feil\n';
  const csvResponse = await request.post('/api/v1/findings', {
    data: csv,
    headers: { ...headers, 'Content-Type': 'text/csv', 'Idempotency-Key': randomUUID() },
  });
  expect(csvResponse.status()).toBe(201);
  expect(
    (await request.post('/api/v1/findings', { data, headers: { ...headers, 'Idempotency-Key': '' } })).status(),
  ).toBe(400);
});

test('staff upload several files and get a result per file', async ({ page }) => {
  await signInAndOpen(page, DEMO.staff, '/opplasting');
  await expect(page.getByRole('heading', { level: 1, name: 'Opplasting' })).toBeVisible();
  await page.getByLabel('Velg eller slipp filer').setInputFiles([
    {
      name: 'apprec.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(
        fixture('good/apprec-1.1-ok-prefixed.xml').replace(/<ar:Id>[^<]*<\/ar:Id>/, `<ar:Id>${randomUUID()}</ar:Id>`),
      ),
    },
    { name: 'ugyldig.xml', mimeType: 'application/xml', buffer: Buffer.from(fixture('bad/billion-laughs.xml')) },
    {
      name: 'funn.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `municipality,season,code,severity,message\n0301,2025,E2E-${randomUUID().slice(0, 6)},INFO,Merknad\n`,
      ),
    },
  ]);
  const results = page.getByRole('table', { name: 'Resultat per fil' });
  await expect(results.getByRole('row', { name: /apprec\.xml Lagret/ })).toBeVisible();
  await expect(
    results.getByRole('row', { name: /ugyldig\.xml Avvist.*XML_DOCTYPE_FORBIDDEN|ugyldig\.xml Avvist/ }),
  ).toBeVisible();
  await expect(results.getByRole('row', { name: /funn\.csv Lagret.*1 funn/ })).toBeVisible();
  // Once all three are sent, the page says so, announced.
  await expect(page.getByRole('status').filter({ hasText: 'Alle 3 filene er sendt' })).toHaveText(
    'Alle 3 filene er sendt: 2 lagret, 0 allerede mottatt, 1 avvist, 0 feilet. Resultatet for hver fil står i tabellen under.',
  );
  await expectNoAxeViolations(page);
});

/** A checksum-valid identity number (both mod-11 check digits hold), computed so that none is committed. */
function validIdentityNumber(datePart: string): string {
  const check = (digits: string, weights: number[]) =>
    (11 - (weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0) % 11)) % 11;
  for (let individual = 100; ; individual++) {
    const nine = `${datePart}${individual}`;
    const k1 = check(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    const k2 = check(`${nine}${k1}`, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k1 < 10 && k2 < 10) return `${nine}${k1}${k2}`;
  }
}

test('an identity number in a file name or a header field is shown masked and never comes back', async ({ page }) => {
  const number = validIdentityNumber('150372');
  await signInAndOpen(page, DEMO.staff, '/opplasting');
  // The hostile fixture's placeholders all become the one number; its order number fails a check digit.
  const xml = withMsgId(
    fixture('findings/ipl-identity-numbers-in-header.xml')
      .replace(/__FNR_\d(_[A-Z]+)?__/g, number)
      .replaceAll('__ORDER_NUMBER__', `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`),
    `e2e-${randomUUID()}`,
  );
  await page
    .getByLabel('Velg eller slipp filer')
    .setInputFiles([{ name: `leveranse ${number}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml) }]);
  const results = page.getByRole('table', { name: 'Resultat per fil' });
  await expect(
    results.getByRole('row', { name: /leveranse \[fødselsnummer fjernet\]\.xml Lagret.*4601/ }),
  ).toBeVisible();
  expect(await page.content()).not.toContain(number);
});

test('a municipal contact checks files in the browser, sees the checks and records the self-check', async ({
  page,
}) => {
  await signInAndOpen(page, DEMO.osloContact, '/egenkontroll');
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.postData()?.includes('MsgHead')) uploads.push(r.url());
  });
  await expectNoAxeViolations(page);
  const ipl = fixture('findings/ipl-expired-service-codes.xml').replace(
    /<iiKomnr>\d+<\/iiKomnr>/,
    '<iiKomnr>0301</iiKomnr>',
  );
  await page.getByLabel('Velg eller slipp fagmelding og identmelding').setInputFiles([
    { name: 'fagmelding.xml', mimeType: 'application/xml', buffer: Buffer.from(ipl) },
    {
      name: 'identmelding.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(fixture('findings/ide-only-test-persons.xml').replace(/__FNR_\d__/g, IDENTITY_NUMBER)),
    },
  ]);
  const checks = page.getByRole('table', { name: 'Kontroller før innsending' });
  await expect(checks.getByRole('row', { name: /Ingen utgåtte.*Feil: Utgått tjenestekode/ })).toBeVisible();
  await expect(checks.getByRole('row', { name: /Ingen testpersoner.*Feil: Testpersoner/ })).toBeVisible();
  // Identical findings are one badge with their count, their messages listed under «Vis alle N».
  const volumes = checks.getByRole('row', { name: /Antall per tjeneste/ });
  const badge = volumes.getByText(/^Advarsel: Stor endring i antall per tjeneste fra i fjor \(\d+\)$/);
  await expect(badge).toHaveCount(1);
  const count = (await badge.textContent())!.match(/\((\d+)\)$/)![1]!;
  await volumes.getByText(`Vis alle ${count}`).click();
  await expect(volumes.getByRole('listitem')).toHaveCount(Number(count));
  await expect(page.getByText(IDENTITY_NUMBER)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Registrer egenkontrollen som utført' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'registrert som utført' })).toBeVisible();
  expect(uploads).toEqual([]);
});
