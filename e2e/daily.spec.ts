// Daily reporting 2026: a new user lands on the daily season, switches to the annual 2025 season,
// opens a municipality's calendar and finds silent and rejecting municipalities in the worklist.
import { expect, test } from '@playwright/test';
import { expectAccessibleAt, openAs } from './helpers';

test('the demo opens today on the daily season, with a switch to the annual 2025 season', async ({ page }) => {
  await openAs(page, 'staff');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('KPR 2026 (daglig)');
  const figures = page.getByRole('region', { name: 'Nøkkeltall' });
  await expect(figures.getByText('Rapporteringsgrad 7 dager', { exact: true })).toBeVisible();
  await expect(figures.getByText(/fra første daglige levering/i).first()).toBeVisible();
  const table = page.getByRole('table', { name: /^Alle kommuner: 357 av 357/ });
  await expect(table.getByRole('columnheader', { name: /Dager siden siste godkjente/ })).toBeVisible();
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  // The year's chart has its numbers as a table.
  await page.getByText('Vis tallene som tabell').first().click();
  await expect(
    page.getByRole('table', { name: 'Andel kommuner som har dekket hver forventede dag, og andel i tide' }),
  ).toBeVisible();
  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);

  // The table's state is in the URL: filter on a state, the season and date kept.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('combobox', { name: 'Status' }).selectOption('REJECTING');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/status=REJECTING/);
  const rejecting = page.getByRole('table', { name: /^Alle kommuner: \d+ av 357/ }).locator('tbody tr');
  expect(await rejecting.count()).toBeGreaterThan(0);
  await expect(rejecting.first()).toContainText('Avvises');

  await page
    .getByRole('navigation', { name: 'Velg sesong' })
    .getByRole('link', { name: 'KPR 2025 (årsrapportering)' })
    .click();
  await expect(page).toHaveURL(/season=2025/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('KPR 2025');
  await expect(page.getByRole('table', { name: /^Alle kommuner: 357 av 357/ })).toBeVisible();
});

test('a municipality’s year as a calendar with lanes, a table alternative and keyboard access', async ({ page }) => {
  await openAs(page, 'staff', '/?status=ACTIVE');
  const first = page
    .getByRole('table', { name: /^Alle kommuner/ })
    .getByRole('rowheader')
    .first();
  const name = (await first.textContent())!.trim();
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/kommuner\/\d{4}\/daglig/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByText('Aktiv', { exact: true }).first()).toBeVisible();
  const calendar = page.getByRole('region', { name: /Kalender: bruk piltastene/ });
  await expect(calendar.getByRole('table', { name: 'januar' })).toBeVisible();
  await expect(calendar.getByRole('rowheader', { name: 'Identmelding (KPR_IDE)' }).first()).toBeVisible();
  // Each cell's words are its name (its title); the screen-reader text is the table alternative's.
  await expect(calendar.getByRole('cell', { name: /: Dekket i tide$/ }).first()).toBeAttached();

  // One tab stop, then the arrow keys move between days.
  const firstCell = calendar.locator('td[tabindex="0"]');
  await firstCell.focus();
  await page.keyboard.press('ArrowRight');
  await expect(calendar.locator('td[data-lane="0"][data-day="1"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(calendar.locator('td[data-lane="1"][data-day="1"]')).toBeFocused();

  // The table alternative is a link to the same page with it (not rendered on every view).
  await expect(page.getByRole('table', { name: 'Dagene hittil i år' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Kalender som tabell' }).click();
  await expect(page).toHaveURL(/visning=tabell/);
  await expect(page.getByRole('table', { name: 'Dagene hittil i år' }).locator('tbody tr').first()).toContainText(
    '01.01.2026',
  );
  // Its scroll region, named by its caption, is the table's only tab stop.
  await expect(page.getByRole('region', { name: 'Dagene hittil i år' })).toHaveAttribute('tabindex', '0');
  await expect(page.locator('[role="region"][tabindex="0"] [role="region"][tabindex="0"]')).toHaveCount(0);
  // The daily season's reminders about the municipality, in the same log as the annual page's.
  const reminders = page.getByRole('region', { name: 'Påminnelser på e-post' });
  await expect(reminders).toContainText('Kontaktpersonene får én e-post når kommunen blir stille');
  await expect(
    reminders
      .getByRole('table', { name: 'Påminnelser til kommunens kontaktpersoner, nyeste først' })
      .or(reminders.getByText('Ingen påminnelser er sendt om kommunen.')),
  ).toBeVisible();
  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);

  // Replay: the same calendar as it stood on 1 March shows nothing after that day.
  const number = new URL(page.url()).pathname.split('/')[2];
  await page.goto(`/kommuner/${number}/daglig?asOf=2026-03-01`);
  await expect(page.getByText('Viser status slik den var ved utgangen av 01.03.2026')).toBeVisible();
  await expect(page.locator('td[data-lane="0"][data-month="5"]').first()).toHaveAttribute('title', /Fremtidig dag/);
  await expect(page.getByRole('region', { name: 'Påminnelser på e-post' })).toContainText(
    'Du ser et tilbakeblikk. Påminnelsene ser du på siden slik den er nå.',
  );

  // The annual page asked for the daily season sends it to the calendar, asOf kept; annual screens
  // never show the daily season in annual words.
  await page.goto(`/kommuner/${number}?season=2026-daglig&asOf=2026-03-01`);
  await expect(page).toHaveURL(new RegExp(`/kommuner/${number}/daglig\\?season=2026-daglig&asOf=2026-03-01$`));
  await expect(page.getByText('Viser status slik den var ved utgangen av 01.03.2026')).toBeVisible();
  expect((await page.request.get(`/kommuner/${number}/eksport?format=csv&season=2026-daglig`)).status()).toBe(404);
  expect((await page.request.get('/eksport?format=csv&season=2026-daglig')).status()).toBe(404);
  await page.goto('/fristsoknader?season=2026-daglig');
  await expect(page).toHaveURL(/\/fristsoknader$/);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('daglig');
});

test('the worklist shows silent and rejecting municipalities with reasons and the next step', async ({ page }) => {
  await openAs(page, 'staff', '/arbeidsliste');
  const daily = page.getByRole('region', { name: /Daglig rapportering – KPR 2026 \(daglig\)/ });
  await expect(daily.getByText('Stille', { exact: true }).first()).toBeVisible();
  await expect(daily.getByText('Avvises', { exact: true }).first()).toBeVisible();
  await expect(daily.getByText(/Ingen godkjent levering på \d+ arbeidsdager/).first()).toBeVisible();
  await expect(daily.getByText(/De \d+ siste leveringene er avvist/).first()).toBeVisible();
  await expect(daily.getByText('Neste steg:').first()).toBeVisible();
  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);
});

test('a contact sees their own municipality’s days; the status API serves the daily season', async ({ page }) => {
  await openAs(page, 'osloContact', '/?season=2026-daglig');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Min kommune – KPR 2026 (daglig)');
  await expect(page.getByRole('table', { name: /^Dine kommuner: 1 av 1/ }).getByRole('rowheader')).toHaveText('Oslo');
  expect((await page.goto('/kommuner/4601/daglig'))?.status()).toBe(404);
  expect((await page.goto('/kommuner/0301/daglig'))?.status()).toBe(200);

  const answer = await page.request.get('/api/v1/status?season=2026-daglig');
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as {
    season: { key: string; kind: string; rules: { expectedDays: string } };
    municipalities: { number: string; state: string; rates: { last7: { fromRequirement: { expected: number } } } }[];
  };
  expect(body.season).toMatchObject({ key: '2026-daglig', kind: 'DAILY', rules: { expectedDays: 'WORKING' } });
  expect(body.municipalities.map((row) => row.number)).toEqual(['0301']);
  expect(body.municipalities[0]!.rates.last7.fromRequirement.expected).toBeGreaterThan(0);
});
