// The worklist FHI works through: counts per flag that add up, a flag's link listing exactly the
// municipalities with it, search, grouping by county and paging without JavaScript, next steps worded
// for FHI with the municipality's own one click away, and the page at desktop and phone width.
import { expect, test, type Locator } from '@playwright/test';
import { DEMO, expectAccessibleAt, openAs, signInAs } from './helpers';

/** The annual season replayed three days before its deadline (160 flagged) and after it. */
const BEFORE_DEADLINE = '/arbeidsliste?season=2025&asOf=2026-01-12';
const AFTER_DEADLINE = '/arbeidsliste?season=2025&asOf=2026-01-20';
const ANNUAL = /^Årlig rapportering – KPR 2025/;

const numberIn = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** The section's counts table: each flag's label and link, with it at all, as the most urgent; and the total. */
async function flagCounts(section: Locator) {
  const table = section.getByRole('table', { name: 'Antall kommuner per flagg' });
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  const flags = [];
  for (let index = 0; index < count - 1; index++) {
    const cells = rows.nth(index).getByRole('cell');
    flags.push({
      label: (await cells.nth(0).innerText()).trim(),
      link: cells.nth(0).getByRole('link'),
      withFlag: numberIn(await cells.nth(1).innerText()),
      mostUrgent: numberIn(await cells.nth(2).innerText()),
    });
  }
  const total = numberIn(
    await rows
      .nth(count - 1)
      .getByRole('cell')
      .nth(2)
      .innerText(),
  );
  return { flags, total };
}

/** The municipalities' cards of a section on the page shown. */
const cardsOf = (section: Locator) => section.locator('ol > li');

test('the counts per flag add up to the flagged municipalities, and a flag’s link lists those with it', async ({
  page,
}) => {
  await openAs(page, 'staff', BEFORE_DEADLINE);
  const annual = page.getByRole('region', { name: ANNUAL });
  const flagged = numberIn(
    await annual
      .getByText(/kommuner av 357 har noe som bør følges opp/)
      .textContent()
      .then((text) => text!.split(' av ')[0]!),
  );
  expect(flagged).toBeGreaterThan(25);
  const { flags, total } = await flagCounts(annual);
  expect(total).toBe(flagged);
  expect(flags.reduce((sum, flag) => sum + flag.mostUrgent, 0)).toBe(flagged);
  // Before the deadline a card says how many working days are left.
  await expect(cardsOf(annual).first()).toContainText(/Frist 15\.01\.2026, \d+ arbeidsdag(er)? igjen/);

  const flag = flags.find((candidate) => candidate.withFlag > 0 && candidate.withFlag <= 25)!;
  await flag.link.click();
  await expect(page).toHaveURL(/flagg=[A-Z_]+/);
  await expect(page).toHaveURL(/asOf=2026-01-12/);
  const filtered = page.getByRole('region', { name: ANNUAL });
  await expect(cardsOf(filtered)).toHaveCount(flag.withFlag);
  for (const card of await cardsOf(filtered).all())
    await expect(card.getByRole('heading', { level: 4, name: flag.label })).toBeVisible();
  // The same counts, whatever flag is chosen.
  expect((await flagCounts(filtered)).total).toBe(flagged);
});

test('search, group by county and page through the list without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, DEMO.staff);
  await page.goto(BEFORE_DEADLINE);
  const form = page.getByRole('search', { name: 'Filtrer arbeidslisten' });
  await form.getByLabel('Grupper etter').selectOption('fylke');
  await form.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/gruppe=fylke/);
  await expect(page).toHaveURL(/season=2025/);

  // Groups follow the counties' order (the county filter's), and each card sits in its county's group.
  const counties = (await page.locator('#filter-fylke option').allInnerTexts()).slice(1);
  const annual = page.getByRole('region', { name: ANNUAL });
  // The groups (each a region under its heading), not the tables' own scroll regions.
  const groups = annual.getByRole('region').filter({ has: page.getByRole('heading', { level: 3 }) });
  const names = (await groups.getByRole('heading', { level: 3 }).allInnerTexts()).map((text) =>
    text.replace(/\s*\(.*$/, ''),
  );
  expect(names.length).toBeGreaterThan(1);
  expect(names).toEqual(counties.filter((county) => names.includes(county)));
  for (const [index, name] of names.entries())
    for (const card of await cardsOf(groups.nth(index)).all()) await expect(card).toContainText(`${name} ·`);

  // Paging keeps the grouping and the date.
  await expect(page.getByText(/^Side 1 av \d+/)).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Sider i arbeidslisten' })
    .getByRole('link', { name: 'Neste side' })
    .click();
  await expect(page).toHaveURL(/side=2/);
  await expect(page).toHaveURL(/gruppe=fylke/);
  await expect(page).toHaveURL(/asOf=2026-01-12/);
  await expect(page.getByText(/^Side 2 av \d+ \(kommune 26–50 av \d+\)/)).toBeVisible();

  // Search by a municipality's number finds it alone.
  const heading = await cardsOf(page.getByRole('region', { name: ANNUAL }))
    .first()
    .getByRole('heading', { level: 4 })
    .first()
    .innerText();
  const [, name, number] = heading.match(/^(.+) \((\d{4})\)/)!;
  await page
    .getByRole('search', { name: 'Filtrer arbeidslisten' })
    .getByLabel('Søk på kommunenavn eller nummer')
    .fill(number!);
  await page.getByRole('search', { name: 'Filtrer arbeidslisten' }).getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  const found = cardsOf(page.getByRole('region', { name: ANNUAL }));
  await expect(found).toHaveCount(1);
  await expect(found.first()).toContainText(name!);
  await context.close();
});

test('after the deadline: what is still open, next steps for FHI and the municipality’s one click away', async ({
  page,
}) => {
  await openAs(page, 'staff', AFTER_DEADLINE);
  const annual = page.getByRole('region', { name: ANNUAL });
  await expect(annual.getByText(/Listen viser det som fortsatt er åpent etter fristen/)).toBeVisible();
  const card = cardsOf(annual).first();
  await expect(card).toContainText('Fristen 15.01.2026 er passert');
  await expect(annual.getByText(/arbeidsdager? igjen/)).toHaveCount(0);

  const flag = card.getByRole('listitem').first();
  await expect(flag.getByText('Neste steg:')).toBeVisible();
  const own = flag.locator('details');
  await expect(own.locator('p')).toBeHidden();
  await own.getByText('Kommunens eget neste steg').click();
  await expect(own.locator('p')).toBeVisible();
  expect(await own.locator('p').innerText()).not.toEqual(
    (await flag.getByText('Neste steg:').locator('..').innerText()).replace('Neste steg:', '').trim(),
  );

  await expectAccessibleAt(page, 1280);
  await expectAccessibleAt(page, 390);
  await page.goto(`${AFTER_DEADLINE}&gruppe=flagg`);
  await expect(page.getByRole('region', { name: ANNUAL }).getByRole('region').first()).toBeVisible();
  await expectAccessibleAt(page, 390);
  await expectAccessibleAt(page, 1280);
});
