/**
 * The reader corpus: every document in fixtures/ (plus generated big, encoded and hostile inputs)
 * with its expected outcome — an error code, or the document read and the findings it gives.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CheckFinding, checkTestPersons, resolveMunicipalityNumber, runDeliveryChecks } from '../rules/checks';
import { contentSummarySchema } from '../../core/content-summary';
import type { CheckFindingCode } from '../rules/finding-codes';
import { type IdentityNumberMaskedFinding, identityNumberMaskedFindings } from '../rules/masked-identity-numbers';
import { MASKED_IDENTITY_NUMBER, findIdentityNumbers } from '../../core/identity-masking';
import { XmlReadError, type XmlReadErrorCode } from './errors';
import {
  COMPUTED_NATIONAL_IDS,
  ENDPOINTS,
  MUNICIPALITIES,
  ORDER_NUMBER,
  SEASON_2025,
  SERVICE_CODES,
  SYNTHETIC_NATIONAL_IDS,
  fixtureText,
} from '@/lib/db/testing/domain-fixtures';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './parse';
import { type KprDocument, maskedFieldsOf, readKprDocument } from './read-document';

type Input = Uint8Array | string;

type Expectation =
  | { error: XmlReadErrorCode }
  | {
      kind: KprDocument['kind'];
      findings?: Array<CheckFindingCode | IdentityNumberMaskedFinding['code']>;
      /** iiSysID of the previous delivery, for the EPJ check. */
      previousEpjSystem?: string;
      check?: (document: KprDocument, findings: Array<CheckFinding | IdentityNumberMaskedFinding>) => void;
    };

interface Case {
  name: string;
  input: () => Input;
  limits?: Partial<XmlLimits>;
  expect: Expectation;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Every fixture path a case reads, to prove each file in fixtures/ has an expected outcome. */
const usedFixtures = new Set<string>();
const file = (path: string) => (usedFixtures.add(path), () => utf8(fixtureText(path)));
const text = (path: string) => (usedFixtures.add(path), () => fixtureText(path));
const concat = (...parts: Uint8Array[]) => {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (result.set(part, offset), offset + part.length), 0);
  return result;
};
const utf16 = (value: string, littleEndian: boolean) => {
  const bytes = new Uint8Array(value.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < value.length; i++) view.setUint16(i * 2, value.charCodeAt(i), littleEndian);
  return bytes;
};
const latin1 = (value: string) => Uint8Array.from(value, (char) => char.charCodeAt(0));

const IPL = './good/msghead-kpr-ipl.xml';
const IDE = './good/msghead-kpr-ide.xml';
const APPREC = './good/apprec-1.0-ok.xml';
const ISO = (date: Date) => date.toISOString();

function msgHeadOf(document: KprDocument) {
  if (document.kind === 'APPREC') throw new Error('expected a MsgHead');
  return document;
}
function iplosOf(document: KprDocument) {
  if (document.kind !== 'KPR_IPL') throw new Error('expected a KPR_IPL');
  return document.content;
}
function apprecOf(document: KprDocument) {
  if (document.kind !== 'APPREC') throw new Error('expected an AppRec');
  return document.apprec;
}

const GOOD: Case[] = [
  {
    name: 'MsgHead KPR_IPL, default namespaces, GenDate without offset (Oslo winter time)',
    input: file(IPL),
    expect: {
      kind: 'KPR_IPL',
      findings: [],
      check: (document) => {
        const { msgHead, content } = msgHeadOf(document);
        expect(ISO(msgHead.genDate)).toBe('2026-01-08T13:05:31.000Z');
        expect(msgHead).toMatchObject({
          type: 'KPR_IPL',
          migVersion: 'v1.2 2006-05-24',
          msgId: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
          processingStatus: 'P',
          ack: 'J',
          sender: {
            name: 'Bergen kommune',
            herId: 91234,
            organisationNumber: '964338531',
            service: { name: 'Etat for tjenestetildeling', herId: 91235, organisationNumber: null },
          },
          receiver: { herId: 85217, serviceHerId: 122612, environment: 'PRODUCTION' },
          warnings: [],
        });
        expect(content).toEqual({
          header: {
            municipalityNumberAsSent: '4601',
            periodFrom: '2025-01-01',
            periodTo: '2025-12-31',
            epjSystem: 'Gerica',
            epjVersion: '4.2.1',
            runNumber: '7',
          },
          summary: {
            kind: 'KPR_IPL',
            persons: 3,
            servicesByCode: { '6': 1, '15': 1, '21': 1, '26': 1, '27': 1, '28': 1, '29': 1 },
            organisationNumbers: { checked: 4, invalid: 0 },
          },
        });
      },
    },
  },
  {
    name: 'MsgHead KPR_IPL, prefixes everywhere, attributes, offset, non-UUID MsgId, odd names, PI and comment, validation endpoint',
    input: file('./good/msghead-kpr-ipl-prefixed.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: [],
      check: (document) => {
        const { msgHead } = msgHeadOf(document);
        const content = iplosOf(document);
        expect(ISO(msgHead.genDate)).toBe('2025-10-02T07:30:00.123Z');
        expect(msgHead).toMatchObject({
          msgId: 'GER-2025-000017/test#1',
          processingStatus: 'D',
          ack: null,
          sender: {
            name: 'Guovdageainnu suohkan – Kautokeino kommune & «Pleie» <omsorg>',
            herId: 48217,
            organisationNumber: '964964777',
            service: null,
          },
          receiver: { herId: 85217, serviceHerId: 171479, environment: 'VALIDATION' },
        });
        expect(content.header).toMatchObject({
          municipalityNumberAsSent: '5612',
          epjVersion: '22.3 (Kautokeino & Karasjok)',
        });
        expect(content.summary).toMatchObject({
          persons: 2,
          servicesByCode: { '6': 1, '15': 1, '21': 1 },
          organisationNumbers: { checked: 2, invalid: 0 },
        });
      },
    },
  },
  {
    name: 'MsgHead KPR_IPL as bytes with a UTF-8 BOM',
    input: () => concat(Uint8Array.of(0xef, 0xbb, 0xbf), file(IPL)()),
    expect: { kind: 'KPR_IPL', findings: [] },
  },
  {
    name: 'MsgHead KPR_IPL as text with a BOM character',
    input: () => `\uFEFF${fixtureText(IPL)}`,
    expect: { kind: 'KPR_IPL', findings: [] },
  },
  {
    name: 'MsgHead KPR_IPL with blank lines and spaces before the XML declaration',
    input: () => `\r\n\n   \t${fixtureText(IPL)}`,
    expect: { kind: 'KPR_IPL', findings: [] },
  },
  {
    name: 'MsgHead KPR_IPL with a BOM followed by whitespace',
    input: () => concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('\n\n'), file(IPL)()),
    expect: { kind: 'KPR_IPL', findings: [] },
  },
  {
    name: 'MsgHead KPR_IPL with CRLF line endings',
    input: () => fixtureText(IPL).replaceAll('\n', '\r\n'),
    expect: { kind: 'KPR_IPL', findings: [] },
  },
  {
    name: 'MsgHead KPR_IDE: counts only, test persons by synthetic number and by name',
    input: file(IDE),
    expect: {
      kind: 'KPR_IDE',
      findings: ['TEST_PERSONS'],
      check: (document) => {
        const { msgHead, content } = msgHeadOf(document);
        expect(msgHead.type).toBe('KPR_IDE');
        expect(ISO(msgHead.genDate)).toBe('2026-01-08T13:05:32.000Z');
        expect(content).toEqual({
          municipalityNumberAsSent: '4601',
          municipalityShape: 'INNHINFO',
          runNumber: '7',
          summary: { kind: 'KPR_IDE', persons: 5, testPersons: 3 },
        });
        const serialised = JSON.stringify(document);
        for (const number of [...COMPUTED_NATIONAL_IDS, ...SYNTHETIC_NATIONAL_IDS])
          expect(serialised).not.toContain(number);
        for (const name of ['Nilsen', 'Duck', 'Åse', 'Tenor']) expect(serialised).not.toContain(name);
      },
    },
  },
  {
    name: 'AppRec 1.0 OK, default namespace, dates without offset',
    input: file(APPREC),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec).toMatchObject({
          version: 'V1_0',
          id: '2b0f3c9a-71e4-4d8c-b6a5-9d2e1f0c3b7a',
          status: 'OK',
          errors: [],
          sender: { name: 'Folkehelseinstituttet', herId: 85217, serviceHerId: 122612 },
          receiver: { name: 'Bergen kommune', herId: 91234, serviceHerId: 91235 },
          originalMsgId: { id: '6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f', msgType: 'KPR_IPL' },
          warnings: [],
        });
        expect(ISO(apprec.genDate)).toBe('2026-01-08T14:20:00.000Z');
        expect(apprec.originalMsgId.issueDate?.toISOString()).toBe('2026-01-08T13:05:31.000Z');
      },
    },
  },
  {
    name: 'AppRec 1.0 OK as a JavaScript string',
    input: text(APPREC),
    expect: { kind: 'APPREC', check: (document) => expect(apprecOf(document).status).toBe('OK') },
  },
  {
    name: 'AppRec 1.1 OK, prefixed, Z with seven fraction digits, HER-ids in AdditionalId and HCPerson, odd names',
    input: file('./good/apprec-1.1-ok-prefixed.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec).toMatchObject({
          version: 'V1_1',
          migVersion: 'v1.1 2012-02-15',
          id: 'FHI-APPREC-000451',
          sender: { name: 'Folkehelseinstituttet', herId: 85217, serviceHerId: 171479 },
          receiver: {
            name: 'Guovdageainnu suohkan – Kautokeino kommune & «Pleie» <omsorg>',
            herId: 48217,
            serviceHerId: null,
          },
          originalMsgId: { id: 'GER-2025-000017/test#1', msgType: 'KPR_IPL' },
          warnings: [],
        });
        expect(ISO(apprec.genDate)).toBe('2025-10-02T07:31:12.958Z');
        expect(apprec.originalMsgId.issueDate?.toISOString()).toBe('2025-10-02T07:30:00.123Z');
      },
    },
  },
  {
    name: 'AppRec 1.1 namespace with the 1.0 MIGversion (seen in real files): read as 1.1 with a warning',
    input: file('./good/apprec-1.1-ok-old-migversion.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec).toMatchObject({
          version: 'V1_1',
          id: '41',
          status: 'OK',
          originalMsgId: { msgType: 'KPR_IDE' },
        });
        expect(apprec.warnings.map((warning) => warning.code)).toEqual(['MIGVERSION_MISMATCH']);
      },
    },
  },
  {
    name: 'AppRec 1.0 Avvist with two 8221 errors, prefixed, summer-time offset',
    input: file('./good/apprec-1.0-avvist-prefixed.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec.status).toBe('REJECTED');
        expect(ISO(apprec.genDate)).toBe('2025-06-15T21:30:00.000Z');
        expect(apprec.errors).toEqual([
          {
            code: 'T02',
            codeSystem: '2.16.578.1.12.4.1.1.8221',
            displayName: 'XML validerer ikke',
            freeText: 'Elementet tjTjenType mangler i TJENESTE nr. 17',
          },
          {
            code: 'E10',
            codeSystem: '2.16.578.1.12.4.1.1.8221',
            displayName: 'Ugyldig meldingsidentifikator',
            freeText: null,
          },
        ]);
      },
    },
  },
  {
    name: "AppRec 1.1 Avvist with the receiver's own code system, an empty Inst, and identity numbers masked in OT",
    input: file('./good/apprec-1.1-avvist-own-codes-empty-inst.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec).toMatchObject({
          status: 'REJECTED',
          id: 'FHI/2026/0001-ÆØÅ',
          receiver: { name: null, herId: null, serviceHerId: null },
        });
        expect(apprec.errors[1]).toEqual({
          code: 'KPR-17',
          codeSystem: '2.16.578.1.12.4.1.1.99999',
          displayName: 'Ugyldig kode i «tjTjenType» – æøå',
          freeText: 'Fødselsnummer [fødselsnummer fjernet] finnes ikke; se også [fødselsnummer fjernet].',
        });
        expect(apprec.warnings).toEqual([
          expect.objectContaining({ code: 'IDENTITY_NUMBER_MASKED', fields: ['AppRec/Error[2]/@OT'] }),
        ]);
        expect(JSON.stringify(apprec)).not.toMatch(/\d{6} ?\d{5}/);
      },
    },
  },
  {
    name: 'AppRec 1.1 OK that lists an Error: accepted as OK with a warning, the error kept',
    input: file('./good/apprec-1.1-ok-with-error-elements.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec.status).toBe('OK');
        expect(apprec.errors.map((error) => error.code)).toEqual(['X99']);
        expect(apprec.warnings.map((warning) => warning.code)).toEqual(['APPREC_OK_WITH_ERRORS']);
        expect(apprec.originalMsgId).toEqual({ id: 'msg-ok-with-errors', msgType: 'KPR_IPL', issueDate: null });
      },
    },
  },
  {
    name: 'AppRec 1.1 status 3 without errors: accepted with a warning',
    input: file('./good/apprec-1.1-status-3-without-errors.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec.status).toBe('OK_WITH_ERRORS');
        expect(apprec.warnings.map((warning) => warning.code)).toEqual(['APPREC_STATUS_3_WITHOUT_ERRORS']);
      },
    },
  },
];

/** No identity number anywhere in what the readers return, the order number kept where it was sent. */
function expectMasked(document: KprDocument, orderNumbers: number): void {
  const serialised = JSON.stringify(document);
  expect(findIdentityNumbers(serialised)).toEqual([]);
  for (const number of COMPUTED_NATIONAL_IDS) expect(serialised).not.toContain(number);
  expect(serialised.split(ORDER_NUMBER).length - 1).toBe(orderNumbers);
}

const MASKED: Case[] = [
  {
    name: 'KPR_IPL with an identity number in every free-text header field, in four spellings, and an order number kept',
    input: file('./findings/ipl-identity-numbers-in-header.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: ['IDENTITY_NUMBER_MASKED'],
      check: (document, findings) => {
        const { msgHead } = msgHeadOf(document);
        const { header } = iplosOf(document);
        expect(msgHead.msgId).toBe(`ordre-${ORDER_NUMBER}`);
        expect(msgHead.sender.name).toBe(`Bergen kommune v/ ${MASKED_IDENTITY_NUMBER}`);
        expect(msgHead.sender.service?.name).toBe(
          `Etat for tjenestetildeling (saksbehandler ${MASKED_IDENTITY_NUMBER})`,
        );
        expect(header).toMatchObject({
          epjSystem: `Gerica ${MASKED_IDENTITY_NUMBER}`,
          epjVersion: `4.2.1 bestilling ${ORDER_NUMBER}`,
          runNumber: MASKED_IDENTITY_NUMBER,
        });
        const fields = [
          'MsgInfo/Sender/Organisation/OrganisationName',
          'MsgInfo/Sender/Organisation/Organisation/OrganisationName',
          'INNHINFO/iiSysID',
          'INNHINFO/iiLopenr',
        ];
        expect(maskedFieldsOf(msgHead.warnings)).toEqual(fields);
        expect(findings[0]).toMatchObject({ severity: 'WARNING', count: 4 });
        for (const field of fields) expect(findings[0]?.message).toContain(field);
        expectMasked(document, 2);
      },
    },
  },
  {
    name: 'KPR_IDE with identity numbers in the sender name and iiLopenr besides the payload',
    input: file('./findings/ide-identity-numbers-in-header.xml'),
    expect: {
      kind: 'KPR_IDE',
      findings: ['TEST_PERSONS', 'IDENTITY_NUMBER_MASKED'],
      check: (document) => {
        const { msgHead, content } = msgHeadOf(document);
        expect(msgHead.sender.name).toBe(`Bergen kommune ${MASKED_IDENTITY_NUMBER}`);
        expect(content).toMatchObject({ runNumber: `7 (${MASKED_IDENTITY_NUMBER})`, summary: { persons: 5 } });
        expect(maskedFieldsOf(msgHead.warnings)).toEqual([
          'MsgInfo/Sender/Organisation/OrganisationName',
          'INNHINFO/iiLopenr',
        ]);
        expectMasked(document, 0);
      },
    },
  },
  {
    name: 'AppRec with identity numbers in the names and in every Error attribute, an order number kept',
    input: file('./good/apprec-identity-numbers-everywhere.xml'),
    expect: {
      kind: 'APPREC',
      check: (document) => {
        const apprec = apprecOf(document);
        expect(apprec.status).toBe('REJECTED');
        expect(apprec.sender.name).toBe(`Folkehelseinstituttet ${MASKED_IDENTITY_NUMBER}`);
        expect(apprec.receiver.name).toBe(`Bergen kommune ${MASKED_IDENTITY_NUMBER}`);
        expect(apprec.errors).toEqual([
          {
            code: 'T02',
            codeSystem: '2.16.578.1.12.4.1.1.8221',
            displayName: `XML validerer ikke for ${MASKED_IDENTITY_NUMBER}`,
            freeText: `Person ${MASKED_IDENTITY_NUMBER} mangler tjTjenType; se også ${MASKED_IDENTITY_NUMBER}.`,
          },
          {
            code: `KPR-${MASKED_IDENTITY_NUMBER}`,
            codeSystem: '2.16.578.1.12.4.1.1.99999',
            displayName: 'Egen kode',
            freeText: `Bestilling ${ORDER_NUMBER} er ikke et fødselsnummer.`,
          },
        ]);
        expect(maskedFieldsOf(apprec.warnings)).toEqual([
          'AppRec/Error[1]/@DN',
          'AppRec/Error[1]/@OT',
          'AppRec/Error[2]/@V',
          'AppRec/Sender/HCP/Inst/Name',
          'AppRec/Receiver/HCP/Inst/Name',
        ]);
        expectMasked(document, 1);
      },
    },
  },
];

const FINDINGS: Case[] = [
  {
    name: 'unknown municipality number',
    input: file('./findings/ipl-unknown-municipality.xml'),
    expect: { kind: 'KPR_IPL', findings: ['MUNICIPALITY_NUMBER_UNKNOWN'] },
  },
  {
    name: 'municipality number from before 2024 (5430 Kautokeino, now 5612)',
    input: file('./findings/ipl-renumbered-municipality.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: ['MUNICIPALITY_NUMBER_RENUMBERED'],
      check: (document, findings) => {
        expect(resolveMunicipalityNumber(iplosOf(document).header.municipalityNumberAsSent, MUNICIPALITIES)).toEqual({
          status: 'RENUMBERED',
          number: '5612',
        });
        expect(findings[0]?.message).toContain('5612');
      },
    },
  },
  {
    name: 'invalid organisation numbers (wrong check digit, eight digits)',
    input: file('./findings/ipl-invalid-organisation-numbers.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: ['ORGANISATION_NUMBER_INVALID'],
      check: (_, findings) => expect(findings[0]).toMatchObject({ count: 2, evidence: { checked: 5, invalid: 2 } }),
    },
  },
  {
    name: 'expired service codes 12, 13 and 16',
    input: file('./findings/ipl-expired-service-codes.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: ['SERVICE_CODE_EXPIRED', 'SERVICE_CODE_EXPIRED', 'SERVICE_CODE_EXPIRED'],
      check: (_, findings) =>
        expect(findings.map((finding) => finding.evidence?.serviceCode)).toEqual(['12', '13', '16']),
    },
  },
  {
    name: 'unknown, non-numeric and missing service codes (and so no welfare technology left)',
    input: file('./findings/ipl-unknown-service-codes.xml'),
    expect: {
      kind: 'KPR_IPL',
      findings: ['SERVICE_CODE_UNKNOWN', 'SERVICE_CODE_UNKNOWN', 'SERVICE_CODE_UNKNOWN', 'WELFARE_TECHNOLOGY_MISSING'],
      check: (_, findings) =>
        expect(findings.slice(0, 3).map((finding) => finding.evidence?.serviceCode)).toEqual(['-', '99', 'HS']),
    },
  },
  {
    name: 'only half the year',
    input: file('./findings/ipl-half-year.xml'),
    expect: { kind: 'KPR_IPL', findings: ['PERIOD_INCOMPLETE'] },
  },
  {
    name: 'no welfare technology',
    input: file('./findings/ipl-no-welfare-technology.xml'),
    expect: { kind: 'KPR_IPL', findings: ['WELFARE_TECHNOLOGY_MISSING'] },
  },
  {
    name: 'EPJ system changed since the previous delivery',
    input: file('./findings/ipl-epj-changed.xml'),
    expect: { kind: 'KPR_IPL', previousEpjSystem: 'Gerica', findings: ['EPJ_SYSTEM_CHANGED'] },
  },
  {
    name: 'KPR_IDE where every person is a test person',
    input: file('./findings/ide-only-test-persons.xml'),
    expect: {
      kind: 'KPR_IDE',
      findings: ['TEST_PERSONS'],
      check: (_, findings) => expect(findings[0]).toMatchObject({ count: 5, evidence: { persons: 5, testPersons: 5 } }),
    },
  },
];

const bad = (name: string, error: XmlReadErrorCode): Case => ({
  name,
  input: file(`./bad/${name}`),
  expect: { error },
});

const BAD_FILES: Case[] = [
  bad('xxe-file.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('xxe-network.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('xxe-parameter-entity.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('billion-laughs.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('doctype-lowercase.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('doctype-inside-comment.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('two-roots.xml', 'XML_MULTIPLE_ROOTS'),
  bad('msghead-then-apprec.xml', 'XML_MULTIPLE_ROOTS'),
  bad('empty.xml', 'XML_NO_ROOT'),
  bad('comment-only.xml', 'XML_NO_ROOT'),
  bad('plain-text.xml', 'XML_MALFORMED'),
  bad('truncated.xml', 'XML_MALFORMED'),
  bad('mismatched-tags.xml', 'XML_MALFORMED'),
  bad('undefined-entity.xml', 'XML_MALFORMED'),
  bad('unbound-prefix.xml', 'XML_MALFORMED'),
  bad('text-after-root.xml', 'XML_MALFORMED'),
  bad('xml-declaration-not-first.xml', 'XML_MALFORMED'),
  bad('control-character.xml', 'XML_MALFORMED'),
  bad('duplicate-attribute.xml', 'XML_MALFORMED'),
  bad('encoding-iso-8859-1.xml', 'XML_UNSUPPORTED_ENCODING'),
  bad('encoding-utf-16-declared.xml', 'XML_UNSUPPORTED_ENCODING'),
  bad('msghead-wrong-namespace.xml', 'DOCUMENT_UNSUPPORTED'),
  bad('msghead-no-namespace.xml', 'DOCUMENT_UNSUPPORTED'),
  bad('apprec-wrong-namespace.xml', 'DOCUMENT_UNSUPPORTED'),
  bad('html.xml', 'DOCUMENT_UNSUPPORTED'),
  bad('msghead-children-unqualified.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-missing-msgid.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-empty-msgid.xml', 'MSGHEAD_INVALID_VALUE'),
  bad('msghead-unknown-type.xml', 'MSGHEAD_UNSUPPORTED_TYPE'),
  bad('msghead-type-missing-v.xml', 'MSGHEAD_UNSUPPORTED_TYPE'),
  bad('msghead-connectivity-test-receiver.xml', 'MSGHEAD_UNKNOWN_RECEIVER'),
  bad('msghead-wrong-level1-receiver.xml', 'MSGHEAD_UNKNOWN_RECEIVER'),
  bad('msghead-receiver-without-service.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-receiver-level2-not-her.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-gendate-february-30.xml', 'MSGHEAD_INVALID_DATE'),
  bad('msghead-gendate-offset-out-of-range.xml', 'MSGHEAD_INVALID_DATE'),
  bad('msghead-gendate-date-only.xml', 'MSGHEAD_INVALID_DATE'),
  bad('msghead-gendate-norwegian-format.xml', 'MSGHEAD_INVALID_DATE'),
  bad('msghead-missing-content.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-content-two-payloads.xml', 'MSGHEAD_CONTENT_INVALID'),
  bad('msghead-content-base64-text.xml', 'MSGHEAD_CONTENT_INVALID'),
  bad('msghead-sender-herid-not-a-number.xml', 'MSGHEAD_INVALID_VALUE'),
  bad('msghead-sender-orgnr-eight-digits.xml', 'MSGHEAD_INVALID_VALUE'),
  bad('msghead-sender-without-name.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('msghead-processing-status-unknown.xml', 'MSGHEAD_INVALID_VALUE'),
  bad('msghead-missing-migversion.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('apprec-avvist-without-error.xml', 'APPREC_REJECTED_WITHOUT_ERRORS'),
  bad('apprec-status-4.xml', 'APPREC_UNKNOWN_STATUS'),
  bad('apprec-status-wrong-code-system.xml', 'APPREC_UNKNOWN_STATUS'),
  bad('apprec-missing-status.xml', 'APPREC_MISSING_ELEMENT'),
  bad('apprec-missing-original-msgid.xml', 'APPREC_MISSING_ELEMENT'),
  bad('apprec-original-msgid-empty-id.xml', 'APPREC_INVALID_VALUE'),
  bad('apprec-bad-gendate.xml', 'APPREC_INVALID_DATE'),
  bad('apprec-bad-issue-date.xml', 'APPREC_INVALID_DATE'),
  bad('apprec-msgtype-not-apprec.xml', 'APPREC_INVALID_VALUE'),
  bad('apprec-error-without-code.xml', 'APPREC_INVALID_VALUE'),
  bad('apprec-inst-herid-not-a-number.xml', 'APPREC_INVALID_VALUE'),
  bad('apprec-missing-id.xml', 'APPREC_MISSING_ELEMENT'),
  bad('ipl-missing-innhinfo.xml', 'IPLOS_MISSING_ELEMENT'),
  bad('ipl-missing-komnr.xml', 'IPLOS_MISSING_ELEMENT'),
  bad('ipl-komnr-too-long.xml', 'IPLOS_INVALID_VALUE'),
  bad('ipl-fradato-month-13.xml', 'IPLOS_INVALID_DATE'),
  bad('ipl-tildato-iso-format.xml', 'IPLOS_INVALID_DATE'),
  bad('ipl-period-reversed.xml', 'IPLOS_INVALID_VALUE'),
  bad('ide-truncated.xml', 'XML_MALFORMED'),
  bad('ide-unknown-receiver.xml', 'MSGHEAD_UNKNOWN_RECEIVER'),
  bad('ide-missing-msgid.xml', 'MSGHEAD_MISSING_ELEMENT'),
  bad('ide-number-as-message-type.xml', 'MSGHEAD_UNSUPPORTED_TYPE'),
  bad('ide-number-as-gendate.xml', 'MSGHEAD_INVALID_DATE'),
  bad('ide-number-in-element-name.xml', 'XML_MALFORMED'),
  bad('ide-number-in-unbound-prefix.xml', 'XML_MALFORMED'),
  bad('ide-doctype.xml', 'XML_DOCTYPE_FORBIDDEN'),
  bad('ide-encoding-latin1.xml', 'XML_UNSUPPORTED_ENCODING'),
  bad('ide-undefined-entity-in-number.xml', 'XML_MALFORMED'),
  bad('msghead-identity-number-in-msgid.xml', 'MSGHEAD_INVALID_VALUE'),
  bad('apprec-identity-number-in-id.xml', 'APPREC_INVALID_VALUE'),
  bad('apprec-identity-number-in-original-msgid.xml', 'APPREC_INVALID_VALUE'),
];

const MiB = 1024 * 1024;
const wrap = (inner: string) =>
  `<?xml version="1.0"?><MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">${inner}</MsgHead>`;
const generated = (name: string, input: () => Input, error: XmlReadErrorCode, limits?: Partial<XmlLimits>): Case => ({
  name,
  input,
  limits,
  expect: { error },
});

const BAD_GENERATED: Case[] = [
  generated(
    'UTF-16LE with BOM',
    () => concat(Uint8Array.of(0xff, 0xfe), utf16(fixtureText(IPL), true)),
    'XML_UNSUPPORTED_ENCODING',
  ),
  generated(
    'UTF-16BE with BOM',
    () => concat(Uint8Array.of(0xfe, 0xff), utf16(fixtureText(IPL), false)),
    'XML_UNSUPPORTED_ENCODING',
  ),
  generated('UTF-16LE without BOM', () => utf16(fixtureText(APPREC), true), 'XML_UNSUPPORTED_ENCODING'),
  generated(
    'UTF-32LE BOM',
    () => concat(Uint8Array.of(0xff, 0xfe, 0, 0), utf8(fixtureText(APPREC))),
    'XML_UNSUPPORTED_ENCODING',
  ),
  generated('KPR_IDE encoded as Latin-1 (invalid UTF-8)', () => latin1(fixtureText(IDE)), 'XML_UNSUPPORTED_ENCODING'),
  generated(
    'UTF-8 BOM decoded as Latin-1 by the caller',
    () => `\u00EF\u00BB\u00BF${fixtureText(APPREC)}`,
    'XML_UNSUPPORTED_ENCODING',
  ),
  generated(
    'UTF-16 BOM decoded with the wrong byte order',
    () => `\uFFFE${fixtureText(APPREC)}`,
    'XML_UNSUPPORTED_ENCODING',
  ),
  generated(
    'quadratic blow-up (one 50 000-character entity used 50 000 times)',
    () => `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "${'a'.repeat(50_000)}">]><m>${'&a;'.repeat(50_000)}</m>`,
    'XML_DOCTYPE_FORBIDDEN',
  ),
  generated('nesting 10 000 deep', () => wrap(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`), 'XML_TOO_DEEP'),
  generated(
    'one element more than the default maximum depth',
    () => wrap(`${'<a>'.repeat(DEFAULT_XML_LIMITS.maxDepth)}${'</a>'.repeat(DEFAULT_XML_LIMITS.maxDepth)}`),
    'XML_TOO_DEEP',
  ),
  generated(
    '100 001 elements against a limit of 100 000',
    () => wrap('<a/>'.repeat(100_000)),
    'XML_TOO_MANY_ELEMENTS',
    { maxElements: 100_000 },
  ),
  generated(
    'an element with 1 000 attributes',
    () => wrap(`<a ${Array.from({ length: 1000 }, (_, i) => `a${i}="1"`).join(' ')}/>`),
    'XML_TOO_MANY_ATTRIBUTES',
  ),
  generated('a 1 MiB attribute value', () => wrap(`<a V="${'x'.repeat(MiB)}"/>`), 'XML_ATTRIBUTE_TOO_LONG'),
  generated(
    '2 MiB of text in one element',
    () => wrap(`<MsgInfo>${'x'.repeat(2 * MiB)}</MsgInfo>`),
    'XML_TEXT_TOO_LONG',
  ),
  generated(
    'text split by comments and CDATA still counts as one element',
    () => wrap(`<a>${`${'x'.repeat(300_000)}<!-- c --><![CDATA[${'y'.repeat(300_000)}]]>`.repeat(2)}</a>`),
    'XML_TEXT_TOO_LONG',
  ),
  generated(
    'body one byte over the default maximum',
    () => new Uint8Array(DEFAULT_XML_LIMITS.maxInputSize + 1).fill(0x20),
    'XML_TOO_LARGE',
  ),
  generated(
    'text one character over the default maximum',
    () => ' '.repeat(DEFAULT_XML_LIMITS.maxInputSize + 1),
    'XML_TOO_LARGE',
  ),
  generated(
    'a MsgId of 257 characters',
    () => fixtureText(IPL).replace('6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f', 'm'.repeat(257)),
    'MSGHEAD_INVALID_VALUE',
  ),
  generated('KPR_IDE over a small size limit', file(IDE), 'XML_TOO_LARGE', { maxInputSize: 1000 }),
  generated(
    'KPR_IDE with an identity number repeated past the text limit',
    () =>
      fixtureText(IDE).replace(
        `<plFnr>${COMPUTED_NATIONAL_IDS[0]}`,
        `<plFnr>${COMPUTED_NATIONAL_IDS[0].repeat(20_000)}`,
      ),
    'XML_TEXT_TOO_LONG',
    { maxTextLength: 100_000 },
  ),
  generated('KPR_IDE with one more PERSON than the element limit', file(IDE), 'XML_TOO_MANY_ELEMENTS', {
    maxElements: 60,
  }),
];

function read(testCase: Case): { document: KprDocument } | { error: XmlReadError } {
  try {
    return { document: readKprDocument(testCase.input(), { endpoints: ENDPOINTS, limits: testCase.limits }) };
  } catch (error) {
    if (error instanceof XmlReadError) return { error };
    throw error;
  }
}

/** The findings ingestion stores for a document: the letter's checks and, for a masked header number, IDENTITY_NUMBER_MASKED. */
function findingsFor(
  document: KprDocument,
  previousEpjSystem: string | null,
): Array<CheckFinding | IdentityNumberMaskedFinding> {
  if (document.kind === 'APPREC') return [];
  const masked = identityNumberMaskedFindings(maskedFieldsOf(document.msgHead.warnings));
  if (document.kind === 'KPR_IDE') return [...checkTestPersons(document.content.summary), ...masked];
  return [...checks(document, previousEpjSystem), ...masked];
}

function checks(document: Extract<KprDocument, { kind: 'KPR_IPL' }>, previousEpjSystem: string | null): CheckFinding[] {
  return runDeliveryChecks({
    header: document.content.header,
    summary: document.content.summary,
    identity: null,
    season: SEASON_2025,
    municipalities: MUNICIPALITIES,
    serviceCodes: SERVICE_CODES,
    previousEpjSystem,
    lastYearServicesByCode: null,
  });
}

/** Anything a message could leak: identity numbers in either spelling, and the canary planted in bad values. */
const LEAKS = [/\d{6} ?\d{5}/, /CANARY/i, /__FNR/];

describe.each([
  ['good documents', GOOD],
  ['documents with findings', FINDINGS],
  ['documents with identity numbers outside the payload', MASKED],
  ['bad documents (files)', BAD_FILES],
  ['bad documents (generated)', BAD_GENERATED],
])('%s', (_, cases) => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const outcome = read(testCase);
    if ('error' in testCase.expect) {
      if (!('error' in outcome)) throw new Error(`expected ${testCase.expect.error}, but the document was read`);
      expect(outcome.error.code).toBe(testCase.expect.error);
      expect(outcome.error.message).toMatch(/^[A-Z].*\.$/);
      for (const leak of LEAKS) expect(outcome.error.message).not.toMatch(leak);
      for (const number of [...COMPUTED_NATIONAL_IDS, ...SYNTHETIC_NATIONAL_IDS])
        expect(outcome.error.message).not.toContain(number);
      return;
    }
    if ('error' in outcome) throw new Error(`expected a document, got ${outcome.error.code}: ${outcome.error.message}`);
    expect(outcome.document.kind).toBe(testCase.expect.kind);
    if (outcome.document.kind !== 'APPREC') {
      const { summary } = outcome.document.content;
      expect(contentSummarySchema.parse(summary), 'exactly the shared content-summary shape').toEqual(summary);
    }
    const findings = findingsFor(outcome.document, testCase.expect.previousEpjSystem ?? null);
    if (testCase.expect.findings !== undefined)
      expect(findings.map((finding) => finding.code)).toEqual(testCase.expect.findings);
    testCase.expect.check?.(outcome.document, findings);
  });
});

describe('the corpus', () => {
  it('has an expected outcome for every fixture file, and at least 40 bad documents', () => {
    const folder = (name: string) =>
      readdirSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))).map((entry) => `./${name}/${entry}`);
    const fixtures = [...folder('good'), ...folder('findings'), ...folder('bad')];
    expect(fixtures.filter((path) => !usedFixtures.has(path))).toEqual([]);
    expect(folder('bad').length + BAD_GENERATED.length).toBeGreaterThanOrEqual(40);
  });
});
