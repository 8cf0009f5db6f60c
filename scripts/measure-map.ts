/**
 * What the map of Norway adds to a page, in bytes: against a running server (`npm start` or
 * `npm run dev`; the base URL is the first argument, http://localhost:3000 by default), signs in as
 * the demo FHI user, fetches the pages with the map and takes the map's part out of each: its
 * section of the HTML and its subtree of the RSC flight payload that the HTML carries inline (with
 * the text rows it refers to). Prints the page's bytes with and without the map, raw and gzipped,
 * and the bytes of the map's own document, which the page's frame loads once and then revalidates.
 *
 *   npx tsx scripts/measure-map.ts http://localhost:3012
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const BASE = process.argv[2] ?? 'http://localhost:3000';
const PAGES = ['/?season=2025', '/', '/kart?season=2025', '/kart?season=2025&fylke=46', '/kart'];

async function signInCookie(name: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(`${BASE}/logg-inn`);
    await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
    await page.getByRole('banner').getByText(name).waitFor();
    return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

const FLIGHT = /<script[^>]*>self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)<\/script>/g;

/** The end (exclusive) of the JSON value that starts at `start`. */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if ((char === ']' || char === '}') && --depth === 0) return i + 1;
  }
  throw new Error('Unbalanced flight payload');
}

/** The ranges of the flight payload that are the map: its section's subtree and the text rows it refers to. */
function mapRanges(flight: string): [number, number][] {
  const marker = flight.indexOf('"aria-labelledby":"kart"');
  if (marker < 0) throw new Error('No map in the flight payload');
  const start = flight.lastIndexOf('["$","section"', marker);
  const end = endOfValue(flight, start);
  const ranges: [number, number][] = [[start, end]];
  for (const [, id] of flight.slice(start, end).matchAll(/"\$([0-9a-f]+)"/g)) {
    const row = flight.match(new RegExp(`(^|\\n)${id}:T([0-9a-f]+),`));
    if (!row) continue;
    const rowStart = row.index! + row[1]!.length;
    const textStart = row.index! + row[0].length;
    ranges.push([
      rowStart,
      textStart + Buffer.from(flight.slice(textStart)).subarray(0, parseInt(row[2]!, 16)).toString().length,
    ]);
  }
  return ranges;
}

function withoutRanges(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    out += text.slice(at, start);
    at = end;
  }
  return out + text.slice(at);
}

/** The page as one HTML string with its flight payload in one script, and the same without the map. */
function withAndWithout(html: string): [string, string] {
  const chunks = [...html.matchAll(FLIGHT)].map((match) => JSON.parse(match[1]!) as string);
  const flight = chunks.join('');
  const body = html.replace(FLIGHT, '');
  const sectionStart = body.search(/<section[^>]*aria-labelledby="kart"/);
  const sectionEnd = body.indexOf('</section>', sectionStart) + '</section>'.length;
  const script = (payload: string) => `<script>self.__next_f.push([1,${JSON.stringify(payload)}])</script>`;
  return [
    body + script(flight),
    body.slice(0, sectionStart) + body.slice(sectionEnd) + script(withoutRanges(flight, mapRanges(flight))),
  ];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const cookie = await signInCookie('Per Olsen');
for (const url of PAGES) {
  const response = await fetch(`${BASE}${url}`, { headers: { cookie } });
  const html = await response.text();
  const [full, bare] = withAndWithout(html);
  const raw = [Buffer.byteLength(full), Buffer.byteLength(bare)];
  const gzip = [gzipSync(full).length, gzipSync(bare).length];
  const src = html.match(/<iframe[^>]* src="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
  const frame = Buffer.from(await (await fetch(`${BASE}${src}`, { headers: { cookie } })).arrayBuffer());
  console.log(
    `${url}: page ${kib(raw[0]!)} (${kib(gzip[0]!)} gzipped), without the map ${kib(raw[1]!)} (${kib(gzip[1]!)}); ` +
      `the map adds ${kib(raw[0]! - raw[1]!)} raw, ${kib(gzip[0]! - gzip[1]!)} gzipped, ` +
      `and its own document is ${kib(frame.length)} (${kib(gzipSync(frame).length)} gzipped)`,
  );
}
