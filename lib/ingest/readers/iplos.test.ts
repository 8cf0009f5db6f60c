import { describe, expect, it } from 'vitest';
import { XmlReadError } from './errors';
import { COMPUTED_NATIONAL_IDS, SYNTHETIC_NATIONAL_IDS, computedNationalId } from '@/lib/db/testing/domain-fixtures';
import { MAX_DISTINCT_SERVICE_CODES, SERVICE_CODE_UNREADABLE, readIdentityContent, readIplosContent } from './iplos';
import { parseXml } from './parse';

const [FNR_A, FNR_B, FNR_C] = COMPUTED_NATIONAL_IDS;
const [SYNTHETIC_A, SYNTHETIC_B] = SYNTHETIC_NATIONAL_IDS;
const HEADER = '<INNHINFO iiKomnr="4601" iiFraDato="20250101" iiTilDato="20251231"/>';

describe('readIplosContent', () => {
  const summaryOf = (body: string) => readIplosContent(parseXml(`<Iplos>${HEADER}${body}</Iplos>`)).summary;

  it('reads fields from attributes or child elements, in any namespace', () => {
    const content = readIplosContent(
      parseXml(
        '<x:Melding xmlns:x="urn:any"><x:Hode><x:INNHINFO iiKomnr=" 0301 "><x:iiFraDato>20250101</x:iiFraDato>' +
          '<x:iiTilDato> 20251231 </x:iiTilDato><x:iiSysID>CosDoc</x:iiSysID></x:INNHINFO></x:Hode>' +
          '<x:PERSON><x:TJENESTE tjTjenType="15"><x:tjInstOrgnr>974760673</x:tjInstOrgnr></x:TJENESTE></x:PERSON></x:Melding>',
      ),
    );
    expect(content).toEqual({
      header: {
        municipalityNumberAsSent: '0301',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        epjSystem: 'CosDoc',
        epjVersion: null,
        runNumber: null,
      },
      summary: {
        kind: 'KPR_IPL',
        persons: 1,
        servicesByCode: { '15': 1 },
        organisationNumbers: { checked: 1, invalid: 0 },
      },
    });
  });

  it.each([
    [
      'numeric codes lose leading zeros',
      '<TJENESTE tjTjenType="06"/><TJENESTE tjTjenType="6"/><TJENESTE tjTjenType="0029"/>',
      { '6': 2, '29': 1 },
    ],
    ['a missing or empty code counts under "-"', '<TJENESTE/><TJENESTE tjTjenType=" "/>', { '-': 2 }],
    ['short local codes are kept as sent', '<TJENESTE tjTjenType="HS2"/>', { HS2: 1 }],
    [
      'anything else counts under "?"',
      '<TJENESTE tjTjenType="Helsetjenester i hjemmet"/><TJENESTE tjTjenType="15;16"/>',
      { '?': 2 },
    ],
  ])('service codes: %s', (_, body, expected) => {
    expect(summaryOf(`<PERSON>${body}</PERSON>`).servicesByCode).toEqual(expected);
  });

  it(`keeps at most ${MAX_DISTINCT_SERVICE_CODES} distinct codes; the rest count under "?"`, () => {
    const body = Array.from(
      { length: MAX_DISTINCT_SERVICE_CODES + 50 },
      (_, i) => `<TJENESTE tjTjenType="L${i}"/>`,
    ).join('');
    const { servicesByCode } = summaryOf(`<PERSON>${body}</PERSON>`);
    expect(Object.keys(servicesByCode)).toHaveLength(MAX_DISTINCT_SERVICE_CODES + 1);
    expect(servicesByCode[SERVICE_CODE_UNREADABLE]).toBe(50);
  });

  it('checks distinct organisation numbers from TJENESTE and DOGNTILBUD', () => {
    const body =
      '<PERSON><TJENESTE tjInstOrgnr="974760673"/><TJENESTE tjInstOrgnr="974760673"/><DOGNTILBUD dgInstOrgnr="974760674"/></PERSON>' +
      `<PERSON><TJENESTE tjInstOrgnr="${FNR_A}"/><DOGNTILBUD/><TJENESTE tjInstOrgnr="974683520"/></PERSON>`;
    expect(summaryOf(body)).toMatchObject({ persons: 2, organisationNumbers: { checked: 4, invalid: 2 } });
  });

  it('keeps no person-level data', () => {
    const summary = summaryOf(
      `<PERSON plLopenr="P-1" plFodtAr="1938"><FUNKSJON fuDagligLiv="3"/><DIAGNOSE diKode="F03"/></PERSON>`,
    );
    expect(JSON.stringify(summary)).toBe(
      '{"kind":"KPR_IPL","persons":1,"servicesByCode":{},"organisationNumbers":{"checked":0,"invalid":0}}',
    );
  });

  it.each([
    ['no header', '<Iplos><PERSON/></Iplos>', 'IPLOS_MISSING_ELEMENT', 'INNHINFO (the IPLOS header) is missing.'],
    [
      'no iiTilDato',
      '<Iplos><INNHINFO iiKomnr="4601" iiFraDato="20250101"/></Iplos>',
      'IPLOS_MISSING_ELEMENT',
      'INNHINFO/iiTilDato is missing.',
    ],
    [
      'a long iiSysID',
      `<Iplos><INNHINFO iiKomnr="4601" iiFraDato="20250101" iiTilDato="20251231" iiSysID="${'s'.repeat(101)}"/></Iplos>`,
      'IPLOS_INVALID_VALUE',
      'INNHINFO/iiSysID must be at most 100 characters.',
    ],
  ])('refuses %s', (_, document, code, message) => {
    const read = () => readIplosContent(parseXml(document));
    expect(read).toThrow(XmlReadError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect((error as XmlReadError).code).toBe(code);
    }
  });
});

describe('readIdentityContent (the KPR_IDE schema is not public: tolerant detection)', () => {
  const countsOf = (body: string, testNames?: readonly string[]) =>
    readIdentityContent(parseXml(`<Ident>${body}</Ident>`), testNames).summary;

  it.each([
    [
      'numbers in named child elements, one person per record',
      `<P><fnr>${FNR_A}</fnr></P><P><fnr>${FNR_B}</fnr></P>`,
      2,
      0,
    ],
    ['numbers in named attributes', `<P fodselsnummer="${FNR_A}"/><P Fødselsnummer="${SYNTHETIC_A}"/>`, 2, 1],
    [
      'other spellings: personnummer, pid, dnr, personIdent',
      `<P><personnummer>${FNR_A}</personnummer></P><P pid="${FNR_B}"/><P><dnr>${FNR_C}</dnr></P><P><personIdent>${SYNTHETIC_B}</personIdent></P>`,
      4,
      1,
    ],
    ['6 + 5 with a space', `<P><fnr>${FNR_A.slice(0, 6)} ${FNR_A.slice(6)}</fnr></P>`, 1, 0],
    ['two numbers in one record are one person', `<P><fnr>${FNR_A}</fnr><ident>${SYNTHETIC_A}</ident></P>`, 1, 1],
    ['unnamed numbers count only when no named ones exist', `<P><x>${FNR_A}</x></P><P><y>${FNR_B}</y></P>`, 2, 0],
    [
      'named numbers win over unnamed ones',
      `<P><fnr>${FNR_A}</fnr><telefon>${FNR_B}</telefon></P><Q><telefon>${FNR_C}</telefon></Q>`,
      1,
      0,
    ],
    [
      'a flat list: each number element is its own record',
      `<fnr>${FNR_A}</fnr><fnr>${SYNTHETIC_A}</fnr><fnr>${FNR_B}</fnr>`,
      3,
      1,
    ],
    [
      'numbers in INNHINFO are not persons',
      `<INNHINFO><iiLopenr>${FNR_A}</iiLopenr></INNHINFO><P><x>${FNR_B}</x></P>`,
      1,
      0,
    ],
    [
      'ten or twelve digits are not identity numbers',
      `<P><fnr>${FNR_A.slice(1)}</fnr></P><P><fnr>${FNR_A}0</fnr></P>`,
      0,
      0,
    ],
    ['an invalid checksum is a person, not a test person', '<P><fnr>12345678901</fnr></P>', 1, 0],
    [
      'a D-number is a person, not a test person',
      `<P><fnr>${computedNationalId('410175', 200, 'DNR')}</fnr></P>`,
      1,
      0,
    ],
    [
      'an H-number (month + 40) is not counted as a test person',
      `<P><fnr>${computedNationalId('015112', 300, 'HNR')}</fnr></P>`,
      1,
      0,
    ],
  ])('%s', (_, body, persons, testPersons) => {
    expect(countsOf(body)).toEqual({ kind: 'KPR_IDE', persons, testPersons });
  });

  it.each([
    ['first and last name in separate fields', '<fornavn>Donald</fornavn><etternavn>Duck</etternavn>', 1],
    ['last name first, other case, extra words', '<navn>DUCK, Donald Fauntleroy</navn>', 1],
    ['in an attribute', '<navn v="Test Testesen"/>', 1],
    ['only half a test name', '<fornavn>Donald</fornavn><etternavn>Trump</etternavn>', 0],
    ['a test name in another record does not count here', '', 0],
  ])('test name: %s', (_, nameMarkup, testPersons) => {
    const body = `<P><fnr>${FNR_A}</fnr>${nameMarkup}</P><P><fnr>${FNR_B}</fnr></P>`;
    expect(countsOf(body)).toEqual({ kind: 'KPR_IDE', persons: 2, testPersons });
  });

  it('takes the test names as configuration', () => {
    const body = `<P><fnr>${FNR_A}</fnr><navn>Ola Testmann</navn></P><P><fnr>${FNR_B}</fnr><navn>Donald Duck</navn></P>`;
    expect(countsOf(body, ['Ola Testmann'])).toEqual({ kind: 'KPR_IDE', persons: 2, testPersons: 1 });
  });

  it('reads the header when there is one, and returns nothing else', () => {
    const content = readIdentityContent(
      parseXml(
        `<Ident><INNHINFO><iiKomnr>4601</iiKomnr><iiLopenr>7</iiLopenr></INNHINFO><P><fnr>${FNR_A}</fnr><navn>Kari</navn></P></Ident>`,
      ),
    );
    expect(content).toEqual({
      municipalityNumberAsSent: '4601',
      municipalityShape: 'INNHINFO',
      runNumber: '7',
      summary: { kind: 'KPR_IDE', persons: 1, testPersons: 0 },
    });
    expect(readIdentityContent(parseXml('<Ident/>'))).toEqual({
      municipalityNumberAsSent: null,
      municipalityShape: null,
      runNumber: null,
      summary: { kind: 'KPR_IDE', persons: 0, testPersons: 0 },
    });
  });

  it('reads the municipality from the known shapes, never from a person record', () => {
    const shape = (body: string) => {
      const { municipalityNumberAsSent, municipalityShape } = readIdentityContent(parseXml(body));
      return [municipalityNumberAsSent, municipalityShape];
    };
    const person = `<PERSON><plFnr>${FNR_A}</plFnr><plKomnr>0301</plKomnr></PERSON>`;
    expect(shape(`<Ident><INNHINFO iiKomnr="4601"/>${person}</Ident>`)).toEqual(['4601', 'INNHINFO']);
    expect(shape(`<Ident komnr="4601">${person}</Ident>`)).toEqual(['4601', 'HEADER_FIELD']);
    expect(shape(`<Ident><Hode><Kommunenummer>4601</Kommunenummer></Hode>${person}</Ident>`)).toEqual([
      '4601',
      'HEADER_FIELD',
    ]);
    expect(shape(`<Ident><Avsender KommuneNr=" 4601 "/>${person}</Ident>`)).toEqual(['4601', 'HEADER_FIELD']);
    expect(shape(`<Ident><kommune_nr>4601</kommune_nr>${person}</Ident>`)).toEqual(['4601', 'HEADER_FIELD']);
    // A person's own municipality, a list of persons, a name instead of a number: no municipality.
    expect(shape(`<Ident>${person}</Ident>`)).toEqual([null, null]);
    expect(shape(`<Ident><Personer komnr="0301">${person}</Personer></Ident>`)).toEqual([null, null]);
    expect(shape(`<Ident><Avsender><Kommune>Bergen</Kommune></Avsender>${person}</Ident>`)).toEqual([null, null]);
    expect(shape(`<Ident komnr="46011">${person}</Ident>`)).toEqual([null, null]);
    // Two different numbers name none.
    expect(shape(`<Ident komnr="4601"><Hode><komnr>0301</komnr></Hode>${person}</Ident>`)).toEqual([
      null,
      'CONFLICTING',
    ]);
  });
});
