/**
 * Every page as every role, at desktop (1280 px) and phone (390 px) width: axe finds nothing against
 * WCAG 2.1 A and AA, the page does not scroll sideways, the browser logs no error, no table's scroll
 * region sits inside another (one tab stop per table), and the screen shows
 * neither a raw code (`SCREAMING_CASE`, an audit action such as `municipality.view`) nor an English
 * phrase. One browser context per role, shared by its pages (the role's shared session, e2e/helpers.ts).
 *
 * To cover a new page, add its address to the lists in PAGES; an entry that needs a value found on
 * another page (a user's id) says where to find the link to follow.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, sessionFile, WCAG, type SharedPersona } from './helpers';

/** A page's address, or a link (by its accessible name) to follow from another page. */
type PageEntry = string | { from: string; link: string };

/** The pages each role opens, as its menu and its links lead there. */
const PAGES: Record<SharedPersona | 'anonymous', readonly PageEntry[]> = {
  anonymous: ['/logg-inn'],
  admin: [
    '/',
    '/?season=2025',
    '/arbeidsliste',
    '/kart',
    '/epj',
    '/hjelp',
    '/kommuner/0301',
    '/kommuner/0301?season=2025',
    '/kommuner/0301/daglig',
    '/opplasting',
    '/fristsoknader',
    '/uten-kommune',
    '/rapporter',
    '/admin/brukere',
    '/admin/brukere/ny',
    { from: '/admin/brukere', link: DEMO.twoMunicipalityContact },
    '/admin/logg',
    '/admin/api-nokler',
    '/admin/amqp-mottak',
  ],
  staff: [
    '/',
    '/?season=2025',
    '/arbeidsliste',
    '/kart?season=2025',
    '/kommuner/4601?season=2025',
    '/kommuner/4601/daglig',
    '/opplasting',
    '/fristsoknader',
    '/uten-kommune',
    '/rapporter',
  ],
  osloContact: [
    '/',
    '/?season=2025',
    '/kart',
    '/hjelp',
    '/kommuner/0301?season=2025',
    '/kommuner/0301/daglig',
    '/rapporter',
    '/egenkontroll',
  ],
  twoMunicipalityContact: [
    '/',
    '/?season=2025',
    '/kommuner/3101?season=2025',
    '/kommuner/3103?season=2025',
    '/kommuner/3103/daglig',
    '/rapporter',
    '/egenkontroll',
  ],
};

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * A code in capitals with underscores (`MUNICIPALITY_NUMBER_UNKNOWN`). KPR_IPL and KPR_IDE are the
 * names senders know their messages by and are always shown beside the Norwegian word
 * («Fagmelding (KPR_IPL)»), and AMQP_URL is the setting an administrator sets to turn the AMQP
 * intake on (lib/core/labels-complete.test.ts allows the same), so they may stand.
 */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g;
const ALLOWED_CODES = new Set(['KPR_IPL', 'KPR_IDE', 'AMQP_URL']);

/** An audit action's code (`municipality.view`, `admin.api_key.create`): lower case words joined by dots. */
const AUDIT_ACTION_CODE =
  /\b(?:auth|municipality|access|admin|ingest|self_check|reminder|extension|note|report|export|message|daily|transport)\.[a-z_]+(?:\.[a-z_]+)*\b/g;

/** Phrases of English that have reached screens before, or that a framework shows by default. */
const ENGLISH = [
  /\bThe (?:document|root|file|request)\b/,
  /\bis missing\b/,
  /\bmust be\b/,
  /\bA different\b/,
  /\bhas already been\b/,
  /\bis not\b/,
  /\bnot found\b/i,
  /\bundefined\b/,
  /\bNaN\b/,
  /\bInvalid Date\b/,
  /\b(?:Loading|Submit|Cancel|Search|Error|Close|Copy|Next|Previous)\b/,
  /\bobject Object\b/,
];

interface Problems {
  console: string[];
}

async function contextFor(
  browser: import('@playwright/test').Browser,
  persona: SharedPersona | 'anonymous',
  baseURL: string,
): Promise<BrowserContext> {
  const storageState =
    persona === 'anonymous' ? undefined : (JSON.parse(await readFile(sessionFile(persona), 'utf8')) as never);
  return browser.newContext({ baseURL, storageState, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
}

async function resolve(page: Page, entry: PageEntry): Promise<string> {
  if (typeof entry === 'string') return entry;
  await page.goto(entry.from);
  const href = await page.getByRole('link', { name: entry.link, exact: true }).first().getAttribute('href');
  expect(href, `a link «${entry.link}» on ${entry.from}`).toBeTruthy();
  return href!;
}

/** What the page shows that a person should never see: raw codes and English. */
async function wordsOutOfPlace(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const codes = [...text.matchAll(RAW_CODE)].map((match) => match[0]).filter((code) => !ALLOWED_CODES.has(code));
  const actions = [...text.matchAll(AUDIT_ACTION_CODE)].map((match) => match[0]);
  const english = ENGLISH.flatMap((phrase) => text.match(phrase)?.[0] ?? []);
  return [...new Set([...codes, ...actions, ...english])];
}

for (const [persona, pages] of Object.entries(PAGES) as [SharedPersona | 'anonymous', readonly PageEntry[]][]) {
  test.describe(`every page as ${persona}`, () => {
    let context: BrowserContext;
    let page: Page;
    const problems: Problems = { console: [] };

    test.beforeAll(async ({ browser, baseURL }) => {
      context = await contextFor(browser, persona, baseURL!);
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.console.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.console.push(`${page.url()}: ${error.message}`));
    });

    test.afterAll(async () => {
      await context.close();
    });

    for (const entry of pages) {
      const name = typeof entry === 'string' ? entry : `${entry.from} → ${entry.link}`;
      test(name, async () => {
        // Two axe runs and the checks at each width: FHI's pages derive all 357 municipalities on a busy machine.
        test.slow();
        const url = await resolve(page, entry);
        problems.console.length = 0;
        await page.setViewportSize(WIDTHS[0]);
        const response = await page.goto(url);
        expect(response?.status(), `${url} answers`).toBeLessThan(400);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Client components have hydrated (a hydration error is logged by then).
        await page.waitForLoadState('networkidle');
        // The page is loaded once and then narrowed: layout follows the width (CSS), and one server
        // render per page keeps the run short; a hydration or script error shows at the first width.
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          const at = `${url} at ${size.width} px`;

          const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          expect
            .soft(
              axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
              `axe on ${at}`,
            )
            .toEqual([]);

          const overflow = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            // The outermost elements that reach past the right edge, to say what to fix.
            reaching: [...document.body.querySelectorAll('*')]
              .filter((element) => {
                const right = element.getBoundingClientRect().right;
                const parent = element.parentElement?.getBoundingClientRect().right ?? 0;
                if (right <= window.innerWidth + 1 || parent > window.innerWidth + 1) return false;
                // Inside a region that scrolls or clips, it does not widen the page.
                for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
                  if (getComputedStyle(up).overflowX !== 'visible') return false;
                return true;
              })
              .slice(0, 5)
              .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
          }));
          expect
            .soft(overflow.scrollWidth, `the width of ${at} (reaching past it: ${overflow.reaching.join(', ')})`)
            .toBeLessThanOrEqual(overflow.innerWidth);

          expect.soft(await wordsOutOfPlace(page), `codes and English on ${at}`).toEqual([]);
          // Designsystemet's field script once doubled the server's ids here before React hydrated.
          const doubled = await page.evaluate(() =>
            [...document.querySelectorAll('[aria-describedby]')].flatMap((element) => {
              const ids = element.getAttribute('aria-describedby')!.trim().split(/\s+/);
              return new Set(ids).size === ids.length ? [] : [`${element.id}: ${ids.join(' ')}`];
            }),
          );
          expect.soft(doubled, `aria-describedby naming a text twice on ${at}`).toEqual([]);
          // A table's scroll region is one tab stop: never one inside another.
          const nested = await page.evaluate(() =>
            [...document.querySelectorAll('[role="region"][tabindex="0"] [role="region"][tabindex="0"]')].map(
              (region) => region.getAttribute('aria-label') ?? region.textContent?.slice(0, 40) ?? '',
            ),
          );
          expect.soft(nested, `scroll regions inside scroll regions on ${at}`).toEqual([]);
          expect.soft([...problems.console], `console errors on ${at}`).toEqual([]);
          problems.console.length = 0;
        }
      });
    }
  });
}
