/**
 * Every word a person sees comes from a capability's labels.ts in plain bokmål. This walks every
 * export of every labels module (maps, lists, nested objects, and the label functions called with
 * each code they take) and fails on an empty text, a raw code (`SCREAMING_CASE`), or an English
 * phrase. It also holds each code list that exists at run time against its map, so a new reader
 * error, Apprec error code or audit action cannot reach a screen without its Norwegian text.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as access from '../access/labels';
import * as daily from '../daily/labels';
import * as epj from '../epj/labels';
import * as followUp from '../follow-up/labels';
import * as ingest from '../ingest/labels';
import * as reminders from '../reminders/labels';
import * as reports from '../reports/labels';
import * as status from '../status/labels';
import * as transport from '../transport/labels';
import { XML_READ_ERROR_CODES } from '../ingest/readers/errors';

const MODULES: Record<string, Record<string, unknown>> = {
  access,
  daily,
  epj,
  'follow-up': followUp,
  ingest,
  reminders,
  reports,
  status,
  transport,
};

/**
 * Codes that may stand in a text: the names senders know their messages by, always beside the
 * Norwegian word, and the setting an administrator sets to turn the AMQP intake on.
 */
const ALLOWED_CODES = new Set(['KPR_IPL', 'KPR_IDE', 'AMQP_URL']);
/** Texts that are empty on purpose: a future day in the calendar has no symbol. */
const MAY_BE_EMPTY = new Set(['daily.DAY_STATUS_SYMBOLS.FUTURE']);
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g;
/** Words of English that have slipped onto screens before (none is a Norwegian word). */
const ENGLISH =
  /\b(?:the|is missing|must be|has already|already been|different|document contains|not found|error|warning|received|undefined|null|NaN)\b/i;

/** Every string in a value, with where it sits ("ingest.INGEST_ERROR_LABELS.XML_MALFORMED"). */
function* texts(value: unknown, where: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [where, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* texts(item, `${where}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* texts(item, `${where}.${key}`);
}

function problemsOf(text: string, where = ''): string[] {
  const codes = [...text.matchAll(RAW_CODE)].map((m) => m[0]).filter((code) => !ALLOWED_CODES.has(code));
  return [
    ...(text.trim() === '' && !MAY_BE_EMPTY.has(where) ? ['empty'] : []),
    ...codes.map((code) => `raw code ${code}`),
    ...(ENGLISH.test(text) ? [`English: ${text.match(ENGLISH)![0]}`] : []),
  ];
}

describe('every label module', () => {
  it('knows every labels.ts under lib/', async () => {
    const folders = await readdir(path.join(import.meta.dirname, '..'), { withFileTypes: true });
    const withLabels: string[] = [];
    for (const folder of folders.filter((entry) => entry.isDirectory())) {
      const file = path.join(import.meta.dirname, '..', folder.name, 'labels.ts');
      if (
        await readFile(file).then(
          () => true,
          () => false,
        )
      )
        withLabels.push(folder.name);
    }
    expect(withLabels.sort()).toEqual(Object.keys(MODULES).sort());
  });

  for (const [name, module] of Object.entries(MODULES)) {
    it(`${name}: every text is bokmål, with no raw code and no English`, () => {
      const found = [...texts(module, name)].flatMap(([where, text]) =>
        problemsOf(text, where).map((problem) => `${where}: ${problem} («${text}»)`),
      );
      expect(found).toEqual([]);
    });
  }
});

describe('the code lists have their Norwegian text', () => {
  it('every reader error of ingest', () => {
    for (const code of XML_READ_ERROR_CODES) {
      expect(ingest.INGEST_ERROR_LABELS[code], code).toBeTruthy();
      expect(problemsOf(ingest.ingestErrorText(code, 'INNHINFO/iiKomnr')), code).toEqual([]);
      expect(transport.refusalReason(code)).toBe(ingest.INGEST_ERROR_LABELS[code]);
    }
  });

  it('an unknown refusal is named generally, never by its code', () => {
    expect(ingest.ingestErrorText('SOMETHING_NEW')).toBe('Dokumentet ble avvist av mottaket.');
  });

  it('a missing element is named by its path', () => {
    expect(ingest.ingestErrorText('IPLOS_MISSING_ELEMENT', 'INNHINFO/iiKomnr')).toBe(
      'Fagmeldingen (IPLOS) mangler et påkrevd element: INNHINFO/iiKomnr.',
    );
  });

  it('every general Apprec error code of the 8221 list (prisma/data)', async () => {
    const file = path.join(import.meta.dirname, '../../prisma/data/apprec-msghead-codes.json');
    const lists = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const key = Object.keys(lists).find((name) => name.startsWith('8221'))!;
    const codes = Object.keys(lists[key] as Record<string, string>);
    expect(codes.length).toBeGreaterThan(10);
    expect(Object.keys(ingest.APPREC_ERROR_CODE_LABELS).sort()).toEqual(codes.sort());
    expect(ingest.apprecErrorText('T02', 'Something in English')).toBe('T02 XML validerer ikke');
  });

  it('every audit action the code records', async () => {
    const recorded = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'generated' && entry.name !== 'node_modules') await walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const source = await readFile(file, 'utf8');
          for (const match of source.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) recorded.add(match[1]!);
        }
      }
    };
    await walk(path.join(import.meta.dirname, '..'));
    expect(recorded.size).toBeGreaterThan(20);
    const missing = [...recorded].filter((action) => !Object.hasOwn(access.AUDIT_ACTION_LABELS, action));
    expect(missing).toEqual([]);
    expect(access.auditActionLabel('something.old')).toBe('Annen handling');
  });

  it('every finding code of the letter and of the demo has a title', () => {
    for (const code of [...Object.keys(ingest.CHECK_FINDING_TITLES), ...Object.keys(ingest.OTHER_FINDING_TITLES)]) {
      expect(ingest.findingTitle(code)).not.toMatch(RAW_CODE);
    }
    expect(ingest.findingTitle('FHI_NOT_IN_THE_LIST')).toBe('Funn fra FHIs validering');
  });
});
