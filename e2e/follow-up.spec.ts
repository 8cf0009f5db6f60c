/**
 * Follow-up end to end: a municipal contact applies for an extension (without JavaScript), FHI
 * staff grant it with another date, the new effective deadline shows on the municipality's page,
 * in the overview and in the API at once, and the contact gets the mail (through the capture SMTP
 * server, read from its folder). Notes by a contact; axe on the new and the changed pages.
 *
 * The demo's contacts serve municipalities that have delivered (no reminders go there), so an
 * admin first gives Ahmed Ali (an Oslo contact no other spec signs in as) a municipality that has
 * not started, through the user admin.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEMO, expectNoAxeViolations, sessionFile, sharedPersonaNamed, signInAs } from './helpers';
import { capturedMails } from './mail';
import { TIMEOUTS } from './timeouts';

const CONTACT = { name: 'Ahmed Ali', email: 'ahmed.ali@oslo.example.no' };
const DAY_MS = 86_400_000;

/** The build's Server Action ids by file#export (as in authorization-matrix.spec.ts). */
const ACTION_IDS = new Map(
  Object.entries(
    (
      JSON.parse(
        readFileSync(`${process.env.NEXT_DIST_DIR || '.next'}/server/server-reference-manifest.json`, 'utf8'),
      ) as {
        node: Record<string, { exportedName: string; filename: string }>;
      }
    ).node,
  ).map(([id, action]) => [`${action.filename}#${action.exportedName}`, id]),
);

/** Calls a Server Action the way a form does, as the page's signed-in person. */
async function callAction(page: Page, key: string, fields: Record<string, string>, withState: boolean) {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append('0', JSON.stringify(withState ? [{}, '$K1'] : ['$K1']));
  const response = await page.request.post('/', {
    headers: { Origin: new URL(page.url()).origin, 'Next-Action': ACTION_IDS.get(key)!, Accept: 'text/x-component' },
    multipart,
    maxRedirects: 0,
  });
  expect(response.status(), key).toBeLessThan(500);
}

/** An Oslo calendar day, `days` from now: as the date field takes it and as the pages show it. */
function osloDay(days: number): { iso: string; shown: string } {
  const at = new Date(Date.now() + days * DAY_MS);
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(at);
  const [year, month, day] = iso.split('-');
  return { iso, shown: `${day}.${month}.${year}` };
}

/**
 * Sessions signed in by this file, by name: each person signs in once here (Ahmed Ali first without
 * JavaScript, as the test of that asks), and the later tests, which run in order in one worker, use
 * the session again. Nothing in this file signs out or deactivates anyone.
 */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A page where a sign-in leaves it: on the overview, signed in as `name`, their name in the banner. */
async function signedIn(browser: Browser, baseURL: string, name: string, javaScriptEnabled = true): Promise<Page> {
  const shared = sharedPersonaNamed(name);
  const storageState = shared ? sessionFile(shared) : sessions.get(name);
  const context = await browser.newContext({ baseURL, javaScriptEnabled, storageState });
  const page = await context.newPage();
  if (storageState) {
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(name);
  } else {
    await signInAs(page, name);
    sessions.set(name, await context.storageState());
  }
  return page;
}

/** Fills in the contact's extension form for `date`, with the reason «Annet», and sends it. */
async function sendExtensionRequest(form: Locator, date: string, justification: string, plannedFix: string) {
  await form.getByLabel('Ny frist', { exact: true }).fill(date);
  await form.getByLabel('Grunn', { exact: true }).selectOption({ label: 'Annet' });
  await form.getByLabel('Begrunnelse', { exact: true }).fill(justification);
  await form.getByLabel('Hva kommunen skal gjøre', { exact: true }).fill(plannedFix);
  await form.getByRole('button', { name: 'Send søknaden' }).click();
}

interface StatusRow {
  number: string;
  name: string;
  state: string;
  flags: { code: string }[];
  figures: { effectiveDeadline: string; extensionGranted: boolean };
}

test.describe.configure({ mode: 'serial' });

test.describe('an extension request from application to mail', () => {
  let municipality: StatusRow;
  const since = new Date();
  const requested = osloDay(40);
  const granted = osloDay(30);

  test('an admin gives the contact a municipality that has not started', async ({ browser, baseURL }) => {
    const admin = await signedIn(browser, baseURL!, DEMO.admin);
    const status = (await (await admin.request.get('/api/v1/status')).json()) as { municipalities: StatusRow[] };
    const candidate = status.municipalities.find(
      (row) =>
        row.state === 'NOT_STARTED' &&
        !row.figures.extensionGranted &&
        !row.flags.some((flag) => flag.code === 'EXTENSION_PENDING'),
    );
    expect(candidate).toBeDefined();
    municipality = candidate!;

    await admin.goto('/admin/brukere');
    await admin.getByRole('link', { name: CONTACT.name }).click();
    await admin
      .getByLabel('Kommuner (kommunenummer, for kontaktpersoner)', { exact: true })
      .fill(`0301, ${municipality.number}`);
    await admin.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(admin).toHaveURL(/\/admin\/brukere\?endret=/);
    await expect(admin.getByRole('status').filter({ hasText: 'Endringene' })).toHaveText(
      `Endringene for ${CONTACT.name} er lagret.`,
    );
    await expect(admin.getByRole('row', { name: new RegExp(CONTACT.name) })).toContainText(`(${municipality.number})`);
    await admin.context().close();
  });

  test('the contact applies, without JavaScript, and is told what is missing first', async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL!, CONTACT.name, false);
    await page.goto(`/kommuner/${municipality.number}`);
    const section = page.getByRole('region', { name: 'Søknad om utsatt frist' });
    const form = section.getByRole('form', { name: 'Søk om utsatt frist' });

    await form.getByLabel('Begrunnelse', { exact: true }).fill('Kort');
    await form.getByRole('button', { name: 'Send søknaden' }).click();
    const errors = page
      .getByRole('region', { name: 'Søknad om utsatt frist' })
      .getByRole('form', { name: 'Søk om utsatt frist' });
    await expect(errors.getByText('Ny frist: Velg en dato.')).toBeVisible();
    await expect(errors.getByText('Grunn: Velg hva som er grunnen.')).toBeVisible();
    await expect(errors.getByText('Begrunnelse: Skriv en begrunnelse (minst 10 tegn).')).toBeVisible();
    // What was typed is kept, and the field says what is wrong.
    await expect(errors.getByLabel('Begrunnelse', { exact: true })).toHaveValue('Kort');
    await expect(errors.getByLabel('Begrunnelse', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await errors.getByLabel('Ny frist', { exact: true }).fill(requested.iso);
    await errors.getByLabel('Grunn', { exact: true }).selectOption({ label: 'Mangel på personell' });
    await errors
      .getByLabel('Begrunnelse', { exact: true })
      .fill('Den som har ansvaret for rapporteringen er sykmeldt.');
    await errors.getByLabel('Hva kommunen skal gjøre', { exact: true }).fill('En vikar får tilgang og opplæring.');
    await errors.getByRole('button', { name: 'Send søknaden' }).click();

    const after = page.getByRole('region', { name: 'Søknad om utsatt frist' });
    // The form has given way to the request; the section says, announced, that it was sent.
    await expect(after.getByRole('status').filter({ hasText: 'er sendt' })).toHaveText(
      `Søknaden om utsatt frist til ${requested.shown} er sendt til FHI. Kontaktpersonene i kommunen får svaret på e-post.`,
    );
    const newest = after.getByRole('list', { name: 'Søknader, nyeste først' }).getByRole('listitem').first();
    await expect(newest).toContainText('Til behandling');
    await expect(newest).toContainText(`Ønsket frist${requested.shown}`);
    await expect(newest).toContainText('Mangel på personell');
    // One pending request at a time: no form now, but the request can be withdrawn.
    await expect(after.getByRole('form', { name: 'Søk om utsatt frist' })).toHaveCount(0);
    await expect(after.getByRole('button', { name: 'Trekk søknaden' })).toBeVisible();
    await page.context().close();
  });

  test('the contact adds a note, shown as text with who and when', async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL!, CONTACT.name);
    await page.goto(`/kommuner/${municipality.number}`);
    const notes = page.getByRole('region', { name: 'Oppfølging og notater' });
    // Contacts cannot record an agreed resubmission.
    await expect(notes.getByRole('checkbox')).toHaveCount(0);
    await notes.getByLabel('Notat', { exact: true }).fill('Vi leverer så snart vikaren er på plass. <b>Ikke HTML</b>');
    await notes.getByRole('button', { name: 'Legg til notat' }).click();
    await expect(notes.getByRole('status')).toHaveText('Notatet er lagt til.');
    const note = notes.getByRole('list', { name: 'Notater, nyeste først' }).getByRole('listitem').first();
    await expect(note).toContainText('Ahmed Ali (kommunen)');
    await expect(note).toContainText('Vi leverer så snart vikaren er på plass. <b>Ikke HTML</b>');
    await expect(note.locator('b')).toHaveCount(0);
    await expect(notes.getByLabel('Notat', { exact: true })).toHaveValue('');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('FHI staff record an agreed resubmission in the thread', async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL!, DEMO.staff);
    await page.goto(`/kommuner/${municipality.number}`);
    const notes = page.getByRole('region', { name: 'Oppfølging og notater' });
    await notes
      .getByLabel('Notat', { exact: true })
      .fill('Avtalt på telefon at hele året sendes når uttrekket er rettet.');
    await notes.getByRole('checkbox', { name: 'Avtalt ny innsending: kommunen kan sende hele året på nytt' }).check();
    await notes.getByRole('button', { name: 'Legg til notat' }).click();
    await expect(notes.getByRole('status')).toHaveText('Avtalt ny innsending er registrert.');
    const note = notes.getByRole('list', { name: 'Notater, nyeste først' }).getByRole('listitem').first();
    await expect(note).toContainText(`${DEMO.staff} (FHI)`);
    await expect(note).toContainText('Ny innsending avtalt');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('FHI staff see it pending and grant it with another date', async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL!, DEMO.staff);
    await page.goto('/fristsoknader');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Fristsøknader');
    await expectNoAxeViolations(page);
    const pending = page.getByRole('region', { name: 'Til behandling' });
    // The demo's requests from January asked for dates long past: they say so, not how long they have waited.
    await expect(
      pending
        .getByRole('listitem')
        .filter({ hasText: /Ikke avgjort: ønsket frist \d\d\.\d\d\.\d{4} er passert/ })
        .first(),
    ).toBeVisible();
    const item = pending
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: new RegExp(`\\(${municipality.number}\\)`) }) });
    await expect(item).toContainText('Har ventet 0 arbeidsdager');
    const form = item.getByRole('form', { name: /^Avgjør søknaden fra / });
    await expect(form.getByLabel('Ny frist ved innvilgelse', { exact: true })).toHaveValue(requested.iso);

    // A denial needs a note.
    await form.getByRole('button', { name: 'Avslå' }).click();
    await expect(form.getByText('Merknad: Skriv hvorfor søknaden avslås.')).toBeVisible();

    await form.getByLabel('Ny frist ved innvilgelse', { exact: true }).fill(granted.iso);
    await form.getByLabel('Merknad til kommunen', { exact: true }).fill('Innvilget, men med kortere frist enn søkt.');
    await form.getByRole('button', { name: 'Innvilg' }).click();
    // The decided request leaves the list; the page says, announced, what was decided.
    await expect(
      page.getByRole('status').filter({ hasText: `Søknaden fra ${municipality.name} er innvilget` }),
    ).toContainText(granted.shown);
    const closed = page.getByRole('table', { name: /Avgjorte og trukne søknader/ });
    const row = closed.getByRole('row').filter({ hasText: `(${municipality.number})` });
    await expect(row).toContainText('Innvilget');
    await expect(row).toContainText(granted.shown);
    await expect(pending.getByRole('heading', { name: new RegExp(`\\(${municipality.number}\\)`) })).toHaveCount(0);
    await page.context().close();
  });

  test('the new deadline shows at once on the municipality page, in the overview and in the API', async ({
    browser,
    baseURL,
  }) => {
    const staff = await signedIn(browser, baseURL!, DEMO.staff);
    await staff.goto(`/?season=2025&q=${municipality.number}&kol=name&kol=state&kol=deadline&kol=flags`);
    const row = staff
      .getByRole('table', { name: /^Alle kommuner/ })
      .locator('tbody tr')
      .filter({ hasText: municipality.name });
    await expect(row).toContainText(`${granted.shown} (utsatt)`);
    // The deadline is in the future again: no longer overdue.
    await expect(row).not.toContainText('Forsinket');
    const api = (await (await staff.request.get(`/api/v1/municipalities/${municipality.number}/status`)).json()) as {
      figures: StatusRow['figures'];
    };
    expect(api.figures.extensionGranted).toBe(true);
    expect(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(api.figures.effectiveDeadline)),
    ).toBe(granted.iso);
    await staff.context().close();

    const contact = await signedIn(browser, baseURL!, CONTACT.name);
    await contact.goto(`/kommuner/${municipality.number}`);
    await expect(contact.getByRole('region', { name: 'Status' })).toContainText(
      `${granted.shown} kl. 23:59 (innvilget utsettelse)`,
    );
    const section = contact.getByRole('region', { name: 'Søknad om utsatt frist' });
    const newest = section.getByRole('list', { name: 'Søknader, nyeste først' }).getByRole('listitem').first();
    await expect(newest).toContainText('Innvilget');
    await expect(newest).toContainText('Innvilget, men med kortere frist enn søkt.');
    await expectNoAxeViolations(contact);
    await contact.context().close();
  });

  test('the contact gets the decision by mail, and the reminder is in the log', async ({ browser, baseURL }) => {
    const port = new URL(baseURL!).port;
    let decided: Awaited<ReturnType<typeof capturedMails>> = [];
    await expect
      .poll(
        async () => {
          decided = (await capturedMails(port, since)).filter((mail) =>
            mail.text?.includes('FHI innvilget søknaden om utsettelse'),
          );
          return decided.length;
        },
        // The mail goes out from the job queue, which the server polls.
        { timeout: TIMEOUTS.serverWork },
      )
      .toBeGreaterThan(0);
    expect(decided.map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : ''))).toEqual([
      CONTACT.email,
    ]);
    expect(decided[0]!.text).toContain(`Ny frist er ${granted.shown} kl. 23:59.`);
    expect(decided[0]!.text).toContain(`/kommuner/${municipality.number}`);

    const staff = await signedIn(browser, baseURL!, DEMO.staff);
    await staff.goto(`/kommuner/${municipality.number}`);
    const log = staff.getByRole('table', { name: /Påminnelser til kommunens kontaktpersoner/ });
    await expect(log.getByRole('row').filter({ hasText: 'Søknad om utsettelse avgjort' }).first()).toContainText(
      `<${CONTACT.email}>`,
    );
    // Reminders that could not be sent are on the worklist (none here).
    await staff.goto('/arbeidsliste');
    await expect(staff.getByRole('region', { name: 'Påminnelser som ikke kom fram' })).toContainText(
      'Alle påminnelser på e-post er sendt.',
    );
    await staff.context().close();
  });

  test('Server Actions change nothing for those they are not for', async ({ browser, baseURL }) => {
    // A pending request to try to decide and withdraw.
    const owner = await signedIn(browser, baseURL!, CONTACT.name);
    await owner.goto(`/kommuner/${municipality.number}`);
    const form = owner.getByRole('form', { name: 'Søk om utsatt frist' });
    await sendExtensionRequest(form, requested.iso, 'Trenger mer tid til å rette feilene.', 'Rette tjenestekodene.');
    await expect(owner.getByRole('button', { name: 'Trekk søknaden' })).toBeVisible();
    const id = await owner.locator('input[name="id"]').first().getAttribute('value');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const decide = 'app/(dashboard)/fristsoknader/actions.ts#decideExtensionAction';
    for (const persona of [DEMO.osloContact, DEMO.bergenContact, DEMO.twoMunicipalityContact, CONTACT.name]) {
      const page = await signedIn(browser, baseURL!, persona);
      await callAction(page, decide, { id: id!, decision: 'GRANT', grantedDate: granted.iso, note: '' }, true);
      if (persona !== CONTACT.name) {
        await callAction(
          page,
          'app/(dashboard)/kommuner/[number]/actions.ts#withdrawExtensionAction',
          { id: id!, number: municipality.number },
          false,
        );
        await callAction(
          page,
          'app/(dashboard)/kommuner/[number]/actions.ts#addNoteAction',
          { number: municipality.number, body: 'Matrise-notat' },
          true,
        );
        await callAction(
          page,
          'app/(dashboard)/kommuner/[number]/actions.ts#requestExtensionAction',
          {
            number: municipality.number,
            requestedDate: requested.iso,
            reasonCategory: 'OTHER',
            justification: 'Matrise-søknad utenfor egen kommune',
            plannedFix: 'Ingenting',
          },
          true,
        );
      }
      await page.context().close();
    }
    // FHI may not apply for a municipality either.
    const staff = await signedIn(browser, baseURL!, DEMO.staff);
    await callAction(
      staff,
      'app/(dashboard)/kommuner/[number]/actions.ts#requestExtensionAction',
      {
        number: municipality.number,
        requestedDate: requested.iso,
        reasonCategory: 'OTHER',
        justification: 'Matrise-søknad fra FHI',
        plannedFix: 'Ingenting',
      },
      true,
    );

    await staff.goto(`/kommuner/${municipality.number}`);
    const section = staff.getByRole('region', { name: 'Søknad om utsatt frist' });
    const requests = section.getByRole('list', { name: 'Søknader, nyeste først' }).getByRole('listitem');
    await expect(requests.filter({ hasText: 'Til behandling' })).toHaveCount(1);
    await expect(requests.first()).toContainText('Trenger mer tid til å rette feilene.');
    await expect(staff.getByRole('main')).not.toContainText('Matrise');

    // The control that the calls are well-formed: the same call by FHI staff decides it.
    await callAction(
      staff,
      decide,
      { id: id!, decision: 'DENY', grantedDate: '', note: 'Avslått i kontrollen.' },
      true,
    );
    await staff.reload();
    await expect(requests.first()).toContainText('Avslått i kontrollen.');
    await expect(requests.filter({ hasText: 'Til behandling' })).toHaveCount(0);
    await staff.context().close();
    await owner.context().close();
  });

  test('the contact applies and withdraws the request, told each time, and the request is so, also when FHI decided it first', async ({
    browser,
    baseURL,
  }) => {
    const page = await signedIn(browser, baseURL!, CONTACT.name);
    await page.goto(`/kommuner/${municipality.number}`);
    const section = page.getByRole('region', { name: 'Søknad om utsatt frist' });
    const form = section.getByRole('form', { name: 'Søk om utsatt frist' });
    await sendExtensionRequest(form, requested.iso, 'Søkes for å bli trukket igjen.', 'Ingenting.');
    await expect(section.getByRole('status').filter({ hasText: 'er sendt' })).toContainText(
      `Søknaden om utsatt frist til ${requested.shown} er sendt`,
    );
    const requests = section.getByRole('list', { name: 'Søknader, nyeste først' }).getByRole('listitem');
    await expect(requests.first()).toContainText('Til behandling');

    await section.getByRole('button', { name: 'Trekk søknaden' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'trukket' })).toHaveText(
      'Søknaden om utsatt frist er trukket. Fristen er den samme som før du søkte.',
    );
    await expect(requests.first()).toContainText('Trukket');
    await expect(requests.filter({ hasText: 'Til behandling' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Trekk søknaden' })).toHaveCount(0);
    // Nothing silent: the status still has the granted deadline, and the form is offered again.
    await expect(page.getByRole('region', { name: 'Status' })).toContainText(`${granted.shown} kl. 23:59`);
    await expect(section.getByRole('form', { name: 'Søk om utsatt frist' })).toBeVisible();
    await expectNoAxeViolations(page);

    // FHI decide a request while the contact's page still offers to withdraw it: the contact is told.
    await sendExtensionRequest(form, requested.iso, 'Avgjøres før den blir trukket.', 'Ingenting.');
    await expect(section.getByRole('button', { name: 'Trekk søknaden' })).toBeVisible();
    const id = await section.locator('input[name="id"]').first().getAttribute('value');
    const staff = await signedIn(browser, baseURL!, DEMO.staff);
    await callAction(
      staff,
      'app/(dashboard)/fristsoknader/actions.ts#decideExtensionAction',
      { id: id!, decision: 'DENY', grantedDate: '', note: 'Avslått før den ble trukket.' },
      true,
    );
    await staff.context().close();
    await section.getByRole('button', { name: 'Trekk søknaden' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'kunne ikke' })).toHaveText(
      'Søknaden kunne ikke trekkes: FHI har allerede avslått den. Se svaret under.',
    );
    await expect(requests.first()).toContainText('Avslått før den ble trukket.');
    await expect(requests.filter({ hasText: 'Til behandling' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
