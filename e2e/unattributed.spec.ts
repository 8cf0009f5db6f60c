/**
 * Documents without a municipality end to end: a KPR_IDE of a shape no reader knows, from a sender
 * nothing has taught, is listed for FHI on «Uten kommune»; assigning it completes the delivery at
 * once; the page is axe clean at desktop and phone width and closed to contacts. And a signed-in
 * person posting to the ingest API is told that it takes API keys and where to upload instead.
 */
import { readFileSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createApiKeyThroughUi, signInAndOpen } from './api-keys';
import { DEMO, expectAccessibleAt, expectNoAxeViolations } from './helpers';

const fixture = (path: string) => readFileSync(`lib/ingest/readers/fixtures/${path}`, 'utf8');
/** Eleven digits in the place of the fixtures' identity-number placeholders: must never be shown. */
const IDENTITY_NUMBER = '15037242087';
/** Andøy: no other browser test looks at it. */
const MUNICIPALITY = '1871';

test.describe.configure({ mode: 'serial' });

let ingestKey = '';

test.beforeAll(async ({ browser }) => {
  ingestKey = await createApiKeyThroughUi(browser, `E2E uten kommune ${randomUUID().slice(0, 8)}`, ['INGEST']);
});

async function stateOf(page: Page): Promise<string> {
  await page.goto(`/kommuner/${MUNICIPALITY}`);
  // The state badge (a link to its help entry): its word, without the symbol before it.
  const badge = page.locator('section[aria-labelledby="status"] a[href^="/hjelp#tilstand-"] .ds-tag').first();
  return (await badge.innerText()).replace(/^[^\p{L}]+/u, '').trim();
}

test('a KPR_IDE of an unknown shape is listed on «Uten kommune»; assigning it completes the delivery', async ({
  page,
  request,
}) => {
  // Received on the annual deadline's evening, after Andøy's own demo delivery (so these are its latest):
  // a lone KPR_IDE received after the deadline would belong to the daily season (lib/ingest/rules/season.ts).
  const post = async (xml: string, receivedAt: string) => {
    const response = await request.post('/api/v1/messages', {
      data: xml,
      headers: {
        'Content-Type': 'application/xml',
        Authorization: `Bearer ${ingestKey}`,
        'X-Received-At': receivedAt,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  const iplMsgId = `e2e-ipl-${randomUUID()}`;
  const ideMsgId = `e2e-ide-${randomUUID()}`;
  // The municipality's own sender, and a stranger nothing has taught (fresh HER-ids every run).
  await post(
    fixture('good/msghead-kpr-ipl.xml')
      .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${iplMsgId}</MsgId>`)
      .replace('<Id>91234</Id>', `<Id>${randomInt(1_000_000, 1_999_999)}</Id>`)
      .replace('<Id>964338531</Id>', `<Id>${randomInt(950_000_000, 959_999_999)}</Id>`)
      .replace('<iiKomnr>4601</iiKomnr>', `<iiKomnr>${MUNICIPALITY}</iiKomnr>`)
      .replace('<iiLopenr>7</iiLopenr>', `<iiLopenr>${iplMsgId}</iiLopenr>`),
    '2026-01-15T21:00:00+01:00',
  );
  await post(
    fixture('good/apprec-1.0-ok.xml')
      .replace('<Id>2b0f3c9a-71e4-4d8c-b6a5-9d2e1f0c3b7a</Id>', `<Id>${randomUUID()}</Id>`)
      .replace('<Id>6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f</Id>', `<Id>${iplMsgId}</Id>`),
    '2026-01-15T21:30:00+01:00',
  );
  const ide = await post(
    fixture('unattributed/msghead-kpr-ide-unknown-shape.xml')
      .replace(/__FNR_\d__/g, IDENTITY_NUMBER)
      .replace(/<MsgId>[^<]*<\/MsgId>/, `<MsgId>${ideMsgId}</MsgId>`)
      .replace('<Id>8765432</Id>', `<Id>${randomInt(2_000_000, 2_999_999)}</Id>`)
      .replace('<Id>923609016</Id>', `<Id>${randomInt(960_000_000, 969_999_999)}</Id>`),
    '2026-01-15T22:00:00+01:00',
  );
  expect(ide.summary).toMatchObject({ municipalityNumber: null, attribution: 'UNATTRIBUTED' });
  expect(ide.summary.findings[0]).toMatchObject({ code: 'UNATTRIBUTED' });

  await signInAndOpen(page, DEMO.staff, `/kommuner/${MUNICIPALITY}`);
  expect(await stateOf(page)).toBe('Ufullstendig');

  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Uten kommune' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uten kommune' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: ideMsgId });
  await expect(item).toContainText('Identmelding (KPR_IDE)');
  await expect(item).toContainText('Meldingen oppgir ikke kommunenummer på en kjent måte');
  await expect(page.locator('body')).not.toContainText(IDENTITY_NUMBER);
  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);

  await item.getByRole('combobox', { name: 'Kommunenummer' }).fill(MUNICIPALITY);
  await item.getByRole('button', { name: 'Tildel kommune' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Dokumentet er tildelt` })).toContainText(
    `(${MUNICIPALITY})`,
  );
  await expect(page.getByRole('listitem').filter({ hasText: ideMsgId })).toHaveCount(0);
  await expectNoAxeViolations(page);

  expect(['Levert', 'Godkjent med feil']).toContain(await stateOf(page));
});

test('the upload page says in Norwegian why an AppRec for another message type, or from another sender, is refused', async ({
  page,
}) => {
  await signInAndOpen(page, DEMO.staff, '/opplasting');
  await page.getByLabel('Velg eller slipp filer').setInputFiles([
    { name: 'prom.xml', mimeType: 'application/xml', buffer: Buffer.from(fixture('not-kpr/apprec-1.1-prom.xml')) },
    {
      name: 'sykehus.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(fixture('not-kpr/apprec-1.1-kpr-ipl-from-hospital.xml')),
    },
  ]);
  const results = page.getByRole('table', { name: 'Resultat per fil' });
  await expect(results.getByRole('row', { name: /prom\.xml Avvist/ })).toContainText(
    'Apprec-en gjelder ikke en KPR-melding',
  );
  await expect(results.getByRole('row', { name: /sykehus\.xml Avvist/ })).toContainText(
    'Apprec-en er ikke sendt av FHIs mottak for KPR',
  );
});

test('contacts cannot see «Uten kommune»', async ({ page }) => {
  await signInAndOpen(page, DEMO.osloContact, '/');
  await expect(
    page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Uten kommune' }),
  ).toHaveCount(0);
  expect((await page.goto('/uten-kommune'))?.status()).toBe(404);
});

test('a signed-in person posting to the ingest API is told it takes API keys and to use Opplasting', async ({
  page,
}) => {
  await signInAndOpen(page, DEMO.staff, '/');
  for (const path of ['/api/v1/messages', '/api/v1/findings']) {
    const response = await page.request.post(path, {
      data: fixture('good/msghead-kpr-ipl.xml'),
      headers: { 'Content-Type': 'application/xml' },
    });
    expect(response.status(), path).toBe(401);
    const { error } = await response.json();
    expect(error.code, path).toBe('API_KEY_REQUIRED');
    expect(error.message, path).toContain('Opplasting: /opplasting');
  }
});
