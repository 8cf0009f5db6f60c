/**
 * Reads the payload of a KPR_IPL (the IPLOS fagmelding) and of a KPR_IDE (the identmelding) into
 * aggregates only (content-summary.ts) plus header metadata. Nothing person-level leaves here.
 *
 * IPLOS 3.7's schema is not public; 3.5 (namespace IPLOS_NAMESPACE) is, and 3.7 keeps its shape.
 * So any namespace is accepted and elements are matched on local names: a header INNHINFO and
 * PERSON records holding TJENESTE, FUNKSJON, DIAGNOSE and DOGNTILBUD. A field (iiKomnr, tjTjenType,
 * …) is read from an attribute of that name or, failing that, from a child element of that name.
 *
 * The KPR_IDE schema is not public at all. Assumption, kept tolerant: a person's national identity
 * number is eleven digits (optionally written 6 + 5 with a space) in an element's text or in an
 * attribute; when some of them sit in elements/attributes whose name suggests an identity number
 * (fnr, fødselsnummer, personnummer, ident, pid, dnr …) only those count, otherwise every such
 * value outside INNHINFO does. A person is the record holding the number: the element carrying it
 * as an attribute, or the parent of the element whose text it is. A test person has a synthetic
 * number (classifyNationalId → SYNTHETIC; month + 80) or a known test name anywhere in its record.
 *
 * The municipality of a KPR_IDE, in the shapes known (IDENTITY_MUNICIPALITY_SHAPES): INNHINFO/iiKomnr
 * as in the fagmelding; else a four-digit field named like a municipality number (komnr,
 * kommunenr, kommunenummer, KommuneNr, iiKomnr …) on the payload's root or on a header-like child
 * of it (one that holds no identity number, so a person's own municipality never counts). Two
 * different numbers in those places name none. Any other shape names none, and ingestion
 * attributes the message otherwise (lib/ingest/rules/attribution.ts).
 */
import type { IdentityContentSummary, IplosContentSummary } from '../../core/content-summary';
import { classifyNationalId, isValidOrganisationNumber } from '../../core/identifiers';
import { parseCompactDate } from './dates';
import { type XmlElement, attributeValue, descendants, firstChild, trimmedText } from './element';
import { XmlReadError } from './errors';
import { invalidValue, missingElement } from './fields';

/** IPLOS 3.5's namespace; documented, not required (see above). */
export const IPLOS_NAMESPACE = 'http://www.npr.no/xmlstds/iplos/2018';

/** servicesByCode key for TJENESTE records without tjTjenType. */
export const SERVICE_CODE_MISSING = '-';
/** servicesByCode key for codes that are not 1–10 letters/digits, and for codes beyond the distinct-code cap. */
export const SERVICE_CODE_UNREADABLE = '?';
/** At most this many distinct service-code keys are kept; the rest count under SERVICE_CODE_UNREADABLE. */
export const MAX_DISTINCT_SERVICE_CODES = 100;

/** Names that mark a test person (matched word by word, case-insensitively, in any order). */
export const DEFAULT_TEST_PERSON_NAMES: readonly string[] = [
  'Donald Duck',
  'Dolly Duck',
  'Skrue McDuck',
  'Mikke Mus',
  'Test Testesen',
  'Test Testperson',
];

export interface IplosHeader {
  /** iiKomnr exactly as sent (trimmed). */
  municipalityNumberAsSent: string;
  /** iiFraDato / iiTilDato as ISO calendar dates (yyyy-MM-dd). */
  periodFrom: string;
  periodTo: string;
  /** iiSysID: the EPJ system. */
  epjSystem: string | null;
  /** iiSysVersjon */
  epjVersion: string | null;
  /** iiLopenr: equal in the KPR_IPL and the KPR_IDE of one delivery. */
  runNumber: string | null;
}

export interface IplosContent {
  header: IplosHeader;
  summary: IplosContentSummary;
}

/** Where a KPR_IDE's payload named its municipality (see the file's comment). */
export const IDENTITY_MUNICIPALITY_SHAPES = ['INNHINFO', 'HEADER_FIELD'] as const;
export type IdentityMunicipalityShape = (typeof IDENTITY_MUNICIPALITY_SHAPES)[number];

export interface IdentityContent {
  /** The municipality number the payload names in a known shape, as sent; null when none (or two that differ). */
  municipalityNumberAsSent: string | null;
  /** Which known shape named it; CONFLICTING when header fields named different numbers, null when none did. */
  municipalityShape: IdentityMunicipalityShape | 'CONFLICTING' | null;
  runNumber: string | null;
  summary: IdentityContentSummary;
}

const MAX_MUNICIPALITY_NUMBER_LENGTH = 8;
const MAX_HEADER_TEXT_LENGTH = 100;

export function readIplosContent(payload: XmlElement): IplosContent {
  const header = findHeader(payload);
  if (header === undefined) throw missingElement('IPLOS', 'INNHINFO (the IPLOS header)');
  const periodFrom = requireCompactDate(header, 'iiFraDato');
  const periodTo = requireCompactDate(header, 'iiTilDato');
  if (periodFrom > periodTo) throw invalidValue('IPLOS', 'INNHINFO/iiFraDato', 'must not be after INNHINFO/iiTilDato');
  const municipalityNumberAsSent = headerField(header, 'iiKomnr', MAX_MUNICIPALITY_NUMBER_LENGTH);
  if (municipalityNumberAsSent === null) throw missingElement('IPLOS', 'INNHINFO/iiKomnr');

  let persons = 0;
  const servicesByCode = new Map<string, number>();
  const organisationNumbers = new Set<string>();
  for (const element of descendants(payload)) {
    if (element.local === 'PERSON') {
      persons += 1;
    } else if (element.local === 'TJENESTE') {
      const key = serviceCodeKey(fieldValue(element, 'tjTjenType'), servicesByCode);
      servicesByCode.set(key, (servicesByCode.get(key) ?? 0) + 1);
      addOrganisationNumber(organisationNumbers, fieldValue(element, 'tjInstOrgnr'));
    } else if (element.local === 'DOGNTILBUD') {
      addOrganisationNumber(organisationNumbers, fieldValue(element, 'dgInstOrgnr'));
    }
  }

  return {
    header: {
      municipalityNumberAsSent,
      periodFrom,
      periodTo,
      epjSystem: headerField(header, 'iiSysID', MAX_HEADER_TEXT_LENGTH),
      epjVersion: headerField(header, 'iiSysVersjon', MAX_HEADER_TEXT_LENGTH),
      runNumber: headerField(header, 'iiLopenr', MAX_HEADER_TEXT_LENGTH),
    },
    summary: {
      kind: 'KPR_IPL',
      persons,
      servicesByCode: Object.fromEntries(servicesByCode),
      organisationNumbers: {
        checked: organisationNumbers.size,
        invalid: [...organisationNumbers].filter((number) => !isValidOrganisationNumber(number)).length,
      },
    },
  };
}

const IDENTITY_FIELD_NAME = /fnr|f(?:o|ø|oe)dsels|personn|ident|pid|dnr|dnummer/i;
const IDENTITY_NUMBER = /^\d{6} ?\d{5}$/;

interface IdentityHit {
  record: XmlElement;
  number: string;
}

/** Counts the persons and test persons of a KPR_IDE payload; identity numbers and names stay inside. */
export function readIdentityContent(
  payload: XmlElement,
  testPersonNames: readonly string[] = DEFAULT_TEST_PERSON_NAMES,
): IdentityContent {
  const header = findHeader(payload);
  const named: IdentityHit[] = [];
  const unnamed: IdentityHit[] = [];
  const pending: Array<{ element: XmlElement; parent: XmlElement }> = payload.children.map((element) => ({
    element,
    parent: payload,
  }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { element, parent } = next;
    if (element === header) continue;
    for (const attribute of element.attributes) {
      if (!IDENTITY_NUMBER.test(attribute.value.trim())) continue;
      const hit = { record: element, number: attribute.value.trim().replace(' ', '') };
      (IDENTITY_FIELD_NAME.test(attribute.local) ? named : unnamed).push(hit);
    }
    if (element.children.length === 0 && IDENTITY_NUMBER.test(trimmedText(element))) {
      const hit = { record: parent === payload ? element : parent, number: trimmedText(element).replace(' ', '') };
      (IDENTITY_FIELD_NAME.test(element.local) ? named : unnamed).push(hit);
    }
    for (const child of element.children) pending.push({ element: child, parent: element });
  }

  /** Each person record, and whether one of its numbers is synthetic. */
  const records = new Map<XmlElement, boolean>();
  for (const { record, number } of named.length > 0 ? named : unnamed) {
    records.set(record, records.get(record) === true || classifyNationalId(number) === 'SYNTHETIC');
  }
  const testNames = testPersonNames.map(words).filter((name) => name.length > 0);
  let testPersons = 0;
  for (const [record, synthetic] of records) if (synthetic || hasTestName(record, testNames)) testPersons += 1;

  const fromHeader = header === undefined ? null : headerField(header, 'iiKomnr', MAX_MUNICIPALITY_NUMBER_LENGTH);
  const fromFields = fromHeader === null ? municipalityInHeaderFields(payload, new Set(records.keys())) : null;
  return {
    municipalityNumberAsSent: fromHeader ?? (fromFields === 'CONFLICTING' ? null : fromFields),
    municipalityShape:
      fromHeader !== null
        ? 'INNHINFO'
        : fromFields === null
          ? null
          : fromFields === 'CONFLICTING'
            ? fromFields
            : 'HEADER_FIELD',
    runNumber: header === undefined ? null : headerField(header, 'iiLopenr', MAX_HEADER_TEXT_LENGTH),
    summary: {
      kind: 'KPR_IDE',
      persons: records.size,
      testPersons,
    },
  };
}

const MUNICIPALITY_FIELD_NAME = /^(?:ii)?kom(?:mune)?[-_]?(?:nr|nummer)$/i;
const MUNICIPALITY_NUMBER = /^\d{4}$/;

/**
 * A four-digit value of a field named like a municipality number, on the payload's root or on a
 * child of it that holds no person record: as its attribute, or as its leaf child element. Null when none; CONFLICTING when they differ.
 */
function municipalityInHeaderFields(
  payload: XmlElement,
  personRecords: ReadonlySet<XmlElement>,
): string | 'CONFLICTING' | null {
  const found = new Set<string>();
  const take = (local: string, value: string | undefined) => {
    const trimmed = value?.trim() ?? '';
    if (MUNICIPALITY_FIELD_NAME.test(local) && MUNICIPALITY_NUMBER.test(trimmed)) found.add(trimmed);
  };
  for (const attribute of payload.attributes) take(attribute.local, attribute.value);
  for (const part of payload.children) {
    if (personRecords.has(part) || [...descendants(part)].some((element) => personRecords.has(element))) continue;
    if (part.children.length === 0) take(part.local, part.text);
    for (const attribute of part.attributes) take(attribute.local, attribute.value);
    for (const field of part.children) if (field.children.length === 0) take(field.local, field.text);
  }
  if (found.size > 1) return 'CONFLICTING';
  return found.values().next().value ?? null;
}

function findHeader(payload: XmlElement): XmlElement | undefined {
  if (payload.local === 'INNHINFO') return payload;
  for (const element of descendants(payload)) if (element.local === 'INNHINFO') return element;
  return undefined;
}

/** A field given as an attribute or as a child element (any namespace), trimmed; undefined when absent or empty. */
function fieldValue(element: XmlElement, local: string): string | undefined {
  const value = (attributeValue(element, local) ?? firstChild(element, local)?.text)?.trim();
  return value === '' ? undefined : value;
}

function headerField(header: XmlElement, local: string, maxLength: number): string | null {
  const value = fieldValue(header, local);
  if (value === undefined) return null;
  if (value.length > maxLength)
    throw invalidValue('IPLOS', `INNHINFO/${local}`, `must be at most ${maxLength} characters`);
  return value;
}

function requireCompactDate(header: XmlElement, local: string): string {
  const value = fieldValue(header, local);
  if (value === undefined) throw missingElement('IPLOS', `INNHINFO/${local}`);
  const date = parseCompactDate(value);
  if (date === null) {
    throw new XmlReadError(
      'IPLOS_INVALID_DATE',
      `INNHINFO/${local} must be a date written yyyymmdd, such as 20250101.`,
      `INNHINFO/${local}`,
    );
  }
  return date;
}

function serviceCodeKey(value: string | undefined, seen: ReadonlyMap<string, number>): string {
  if (value === undefined) return SERVICE_CODE_MISSING;
  const key = /^\d{1,4}$/.test(value)
    ? String(Number(value))
    : /^[0-9A-Za-z]{1,10}$/.test(value)
      ? value
      : SERVICE_CODE_UNREADABLE;
  return seen.has(key) || seen.size < MAX_DISTINCT_SERVICE_CODES ? key : SERVICE_CODE_UNREADABLE;
}

function addOrganisationNumber(numbers: Set<string>, value: string | undefined): void {
  if (value !== undefined) numbers.add(value);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
}

function hasTestName(record: XmlElement, testNames: readonly string[][]): boolean {
  const recordWords = new Set<string>();
  for (const element of [record, ...descendants(record)]) {
    for (const word of words(element.text)) recordWords.add(word);
    for (const attribute of element.attributes) for (const word of words(attribute.value)) recordWords.add(word);
  }
  return testNames.some((name) => name.every((word) => recordWords.has(word)));
}
