/**
 * The key figures agree with themselves and with every sentence that repeats them
 * (lib/status/rules/key-figures.ts): at mid-season, on the deadline day and now, as FHI and as a
 * contact, the state figures add up to the number in scope, the sentences repeat the same
 * numbers, and the table filtered by a state or a flag lists as many municipalities as its figure.
 */
import { expect, test, type Page } from '@playwright/test';
import { openAs, type SharedPersona } from './helpers';

const DATES = [
  { name: 'mid-season', query: '&asOf=2026-01-08' },
  { name: 'the deadline day', query: '&asOf=2026-01-15' },
  { name: 'now', query: '' },
] as const;

const PERSONAS: { persona: SharedPersona; total: number | null }[] = [
  { persona: 'staff', total: 357 },
  { persona: 'twoMunicipalityContact', total: 2 },
];

/** A number as the page writes it (nb-NO: a space between thousands). */
const number = (text: string) => Number(text.replace(/\s/g, ''));

async function figures(page: Page, group: 'state' | 'measure' | 'flag'): Promise<Map<string, number>> {
  const items = page.locator(`ul[data-group="${group}"] > li`);
  const result = new Map<string, number>();
  for (const item of await items.all()) {
    const key = (await item.getAttribute('data-key'))!;
    const value = await item.locator('span').nth(1).textContent();
    result.set(key, number(value!));
  }
  return result;
}

/** How many rows the table says match (its caption: "…: N av M"). */
async function matching(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const caption = await page
    .getByRole('table', { name: /(Alle kommuner|Dine kommuner): / })
    .locator('caption')
    .textContent();
  return number(caption!.match(/: ([\d\s]+) av/)![1]!);
}

for (const { persona, total: expectedTotal } of PERSONAS) {
  for (const date of DATES) {
    test(`${persona}: the key figures agree at ${date.name}`, async ({ page }) => {
      const url = `/?season=2025${date.query}`;
      await openAs(page, persona, url);
      const section = page.getByRole('region', { name: 'Nøkkeltall' });
      await expect(section).toBeVisible();

      const states = await figures(page, 'state');
      const measures = await figures(page, 'measure');
      const flags = await figures(page, 'flag');
      expect(states.size).toBe(8);
      const total = [...states.values()].reduce((sum, value) => sum + value, 0);
      if (expectedTotal !== null) expect(total).toBe(expectedTotal);
      // Every figure is a share of the same number in scope.
      const shares = await section.getByText(/^av [\d\s]+ \(/).allTextContents();
      expect(shares.length).toBe(states.size + measures.size + flags.size);
      for (const share of shares) expect(number(share.match(/^av ([\d\s]+) \(/)![1]!)).toBe(total);

      // The sentences repeat the same numbers.
      await expect(section.getByText(`Statusene blir til sammen ${total}:`)).toBeVisible();
      const comparison = section.getByText(/^Sammenlignet med i fjor:/);
      if (await comparison.count()) {
        const text = (await comparison.textContent())!;
        const [, accepted, of] = text.match(/Sammenlignet med i fjor: ([\d\s]+) av ([\d\s]+) /)!;
        expect(number(accepted!)).toBe(measures.get('accepted'));
        expect(number(of!)).toBe(total);
      }
      // Delivered by the deadline is a part of those with an accepted delivery.
      expect(measures.get('deliveredOnTime')!).toBeLessThanOrEqual(measures.get('accepted')!);
      expect(measures.get('accepted')!).toBeGreaterThanOrEqual(
        states.get('DELIVERED')! + states.get('ACCEPTED_WITH_ERRORS')!,
      );

      // The table, filtered by a state or a flag, lists as many as the figure says.
      expect(await matching(page, url)).toBe(total);
      expect(await matching(page, `${url}&status=DELIVERED`)).toBe(states.get('DELIVERED'));
      expect(await matching(page, `${url}&status=NOT_STARTED`)).toBe(states.get('NOT_STARTED'));
      expect(await matching(page, `${url}&flagg=MUST_RESUBMIT`)).toBe(flags.get('MUST_RESUBMIT'));
      expect(await matching(page, `${url}&flagg=SHOULD_APPLY_FOR_EXTENSION`)).toBe(
        flags.get('SHOULD_APPLY_FOR_EXTENSION'),
      );
    });
  }
}
