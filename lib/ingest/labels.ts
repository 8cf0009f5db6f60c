/**
 * Every Norwegian word the ingest capability shows as a name: the titles of the letter's check
 * findings (screens, the self-check, the demo's notes) and their severities, the Apprec statuses
 * (the timeline and its export) and what became of an uploaded file. Pure: no I/O, safe in the browser.
 */
import type { Severity } from '../core/severity';
import type { IngestErrorCode } from './errors';
import type { ReaderWarning } from './readers/errors';
import type { ApprecStatus } from './readers/apprec';
import type { AttributionMethod, UnattributedReason } from './rules/attribution';
import type { CheckFindingCode } from './rules/finding-codes';

export const CHECK_FINDING_TITLES: Record<CheckFindingCode, string> = {
  TEST_PERSONS: 'Testpersoner i leveransen',
  MUNICIPALITY_NUMBER_RENUMBERED: 'Gammelt kommunenummer (før 2024)',
  MUNICIPALITY_NUMBER_UNKNOWN: 'Ukjent kommunenummer',
  PERIOD_INCOMPLETE: 'Hele året er ikke med',
  EPJ_SYSTEM_CHANGED: 'Nytt fagsystem (EPJ) siden forrige leveranse',
  ORGANISATION_NUMBER_INVALID: 'Ugyldig organisasjonsnummer',
  WELFARE_TECHNOLOGY_MISSING: 'Velferdsteknologi mangler',
  WELFARE_TECHNOLOGY_IMPLAUSIBLE: 'Uventet omfang av velferdsteknologi',
  SERVICE_CODE_EXPIRED: 'Utgått tjenestekode',
  SERVICE_CODE_UNKNOWN: 'Ukjent tjenestekode',
  SERVICE_VOLUME_CHANGE: 'Stor endring i antall per tjeneste fra i fjor',
};

/** A finding's severity ("Feil: Ugyldig organisasjonsnummer"; lower case inside a sentence: "Funn (advarsel)"). */
export const FINDING_SEVERITY_LABELS: Record<Severity, string> = { ERROR: 'Feil', WARNING: 'Advarsel', INFO: 'Info' };

/** The summary that opens the list of a self-check's identical findings. */
export const SAME_FINDINGS_SUMMARY = (count: string) => `Vis alle ${count}`;

/** An Apprec's status, or WAITING while a message has none yet. */
export const APPREC_STATUS_LABELS: Record<ApprecStatus | 'WAITING', string> = {
  OK: 'Godkjent',
  REJECTED: 'Avvist',
  OK_WITH_ERRORS: 'OK, feil i delmelding',
  WAITING: 'Venter på apprec',
};

/** What became of an uploaded file (the upload page's result list). */
export const UPLOAD_OUTCOME_LABELS = {
  created: 'Lagret',
  duplicate: 'Allerede mottatt',
  rejected: 'Avvist',
  failed: 'Feilet',
} as const satisfies Record<string, string>;
export type UploadOutcome = keyof typeof UPLOAD_OUTCOME_LABELS;

/** Its text: which fields held a number (element paths), never the number. */
export const IDENTITY_NUMBER_MASKED_MESSAGE = (fields: readonly string[]) =>
  `Et fødselsnummer, D-nummer eller H-nummer sto i ${fields.join(', ')} og ble fjernet før meldingen ble lagret; nummeret er ikke lagret noe sted. Rett oppsettet i fagsystemet, så feltet ikke får personnummer.`;

/** The finding ingestion answers for a document it could not attribute to a municipality (code UNATTRIBUTED). */
export const UNATTRIBUTED_FINDING_TITLE = 'Dokument uten kommune';

/** How a message was attributed to its municipality (lib/ingest/rules/attribution.ts). */
export const ATTRIBUTION_METHOD_LABELS: Record<AttributionMethod, string> = {
  PAYLOAD: 'Kommunenummeret i meldingen',
  SENDER: 'Avsenderen, kjent fra kommunens fagmeldinger',
  RUN: 'Fagmeldingen i samme innsending',
  ASSIGNED: 'Tildelt av FHI',
  UNATTRIBUTED: 'Uten kommune',
};

/** Why a document could not be attributed (the page «Uten kommune»). */
export const UNATTRIBUTED_REASON_LABELS: Record<UnattributedReason, string> = {
  NO_MUNICIPALITY_IN_PAYLOAD:
    'Meldingen oppgir ikke kommunenummer på en kjent måte, og avsenderen er ikke kjent fra noen fagmelding',
  MUNICIPALITY_NUMBER_UNKNOWN: 'Kommunenummeret i meldingen er ukjent, og avsenderen er ikke kjent fra noen fagmelding',
  MUNICIPALITY_NUMBER_CONFLICTING: 'Meldingen oppgir to ulike kommunenumre',
  SENDER_SERVES_SEVERAL: 'Avsenderen har sendt for flere kommuner, og ingen fagmelding i samme innsending avgjør det',
};

/** What the page «Uten kommune» says once FHI has assigned a document to a municipality (the document has left the list). */
export const DOCUMENT_ASSIGNED_MESSAGE = (municipality: string) =>
  `Dokumentet er tildelt ${municipality} og teller med i kommunens status fra nå av.`;

/** What the self-check page says once a contact has recorded the self-check as done. */
export const SELF_CHECK_SAVED_MESSAGE =
  'Egenkontrollen er registrert som utført. Bare antall og kontrollresultater er lagret, ingen personopplysninger.';

/** What the upload page says once every chosen file has been sent: how many were stored, known already, refused or failed. */
export const UPLOAD_DONE_MESSAGE = (counts: Record<UploadOutcome, number>) => {
  const files = counts.created + counts.duplicate + counts.rejected + counts.failed;
  return (
    `${files === 1 ? 'Filen er sendt' : `Alle ${files} filene er sendt`}: ` +
    `${counts.created} lagret, ${counts.duplicate} allerede mottatt, ${counts.rejected} avvist, ${counts.failed} feilet. ` +
    'Resultatet for hver fil står i tabellen under.'
  );
};

/**
 * Why ingest refused a document, by its error code (lib/ingest/errors.ts): plain Norwegian, never
 * quoting the document. The upload page, the self-check and the AMQP intake say it in these words;
 * the API keeps its English `message` for machines beside the code.
 */
export const INGEST_ERROR_LABELS: Record<IngestErrorCode, string> = {
  XML_TOO_LARGE: 'Dokumentet er større enn grensen for mottak.',
  XML_UNSUPPORTED_ENCODING: 'Dokumentet har en tegnkoding som ikke støttes. Bare UTF-8 tas imot.',
  XML_DOCTYPE_FORBIDDEN: 'Dokumentet har en DOCTYPE-deklarasjon, som ikke er tillatt.',
  XML_MALFORMED: 'Dokumentet er ikke gyldig XML.',
  XML_NO_ROOT: 'Dokumentet har ikke noe rotelement.',
  XML_MULTIPLE_ROOTS: 'Dokumentet har mer enn ett rotelement.',
  XML_TOO_DEEP: 'Dokumentet er nøstet for dypt.',
  XML_TOO_MANY_ELEMENTS: 'Dokumentet har for mange elementer.',
  XML_TOO_MANY_ATTRIBUTES: 'Et element har for mange attributter.',
  XML_ATTRIBUTE_TOO_LONG: 'En attributtverdi er for lang.',
  XML_TEXT_TOO_LONG: 'En tekstverdi er for lang.',
  DOCUMENT_UNSUPPORTED: 'Dokumentet er verken en hodemelding (KPR_IPL eller KPR_IDE) eller en applikasjonskvittering.',
  MSGHEAD_WRONG_ROOT: 'Hodemeldingen har feil rotelement.',
  MSGHEAD_MISSING_ELEMENT: 'Hodemeldingen mangler et påkrevd element.',
  MSGHEAD_INVALID_VALUE: 'Hodemeldingen har en ugyldig verdi.',
  MSGHEAD_INVALID_DATE: 'Hodemeldingen har en ugyldig dato.',
  MSGHEAD_UNSUPPORTED_TYPE: 'Hodemeldingen har en meldingstype som ikke er KPR_IPL eller KPR_IDE.',
  MSGHEAD_UNKNOWN_RECEIVER: 'Hodemeldingen er adressert til en mottaker som ikke er KPR.',
  MSGHEAD_CONTENT_INVALID: 'Innholdet i hodemeldingen kunne ikke leses.',
  APPREC_WRONG_ROOT: 'Applikasjonskvitteringen har feil rotelement.',
  APPREC_MISSING_ELEMENT: 'Applikasjonskvitteringen mangler et påkrevd element.',
  APPREC_INVALID_VALUE: 'Applikasjonskvitteringen har en ugyldig verdi.',
  APPREC_INVALID_DATE: 'Applikasjonskvitteringen har en ugyldig dato.',
  APPREC_UNKNOWN_STATUS: 'Applikasjonskvitteringen har en ukjent status.',
  APPREC_REJECTED_WITHOUT_ERRORS: 'Applikasjonskvitteringen er avvist uten å oppgi feil.',
  IPLOS_MISSING_ELEMENT: 'Fagmeldingen (IPLOS) mangler et påkrevd element.',
  IPLOS_INVALID_VALUE: 'Fagmeldingen (IPLOS) har en ugyldig verdi.',
  IPLOS_INVALID_DATE: 'Fagmeldingen (IPLOS) har en ugyldig dato.',
  MUNICIPALITY_UNKNOWN: 'Kommunenummeret er ikke gyldig, og leveransen kan ikke knyttes til en kommune.',
  SEASON_UNKNOWN: 'Ingen rapporteringsperiode er satt opp for dokumentet.',
  MESSAGE_ID_CONFLICT: 'En annen melding med samme MsgId er allerede mottatt. En rettet melding må ha ny MsgId.',
  APPREC_ID_CONFLICT: 'En annen applikasjonskvittering med samme Id er allerede mottatt.',
  APPREC_NOT_FOR_KPR:
    'Apprec-en gjelder ikke en KPR-melding: den opprinnelige meldingen er ikke en fagmelding eller identmelding. Den lagres ikke og kobles ikke til noen melding.',
  APPREC_SENDER_NOT_KPR:
    'Apprec-en er ikke sendt av FHIs mottak for KPR (HER-id i referansedataene). Den lagres ikke og kobles ikke til noen melding.',
};

/**
 * A refusal in words: the code's Norwegian text, and the element it concerns when the reader named one
 * (an element path such as «INNHINFO/iiKomnr», never a value from the document). An unknown code gets a
 * general sentence, never the code itself.
 */
export function ingestErrorText(code: string, path?: string): string {
  const text = Object.hasOwn(INGEST_ERROR_LABELS, code)
    ? INGEST_ERROR_LABELS[code as IngestErrorCode]
    : 'Dokumentet ble avvist av mottaket.';
  return path ? `${text.replace(/\.$/, '')}: ${path}.` : text;
}

/** Why an import of FHI's findings was refused, by the code the findings API answers with (lib/ingest/import-findings.ts). */
export const FINDINGS_IMPORT_ERROR_LABELS: Record<
  'BODY_INVALID' | 'VALIDATION_FAILED' | 'IDEMPOTENCY_KEY_CONFLICT',
  string
> = {
  BODY_INVALID: 'Filen er ikke en CSV-fil med overskriftsraden municipality,season,msgId,code,severity,message,count.',
  VALIDATION_FAILED:
    'Noen rader har feil: et ukjent kommunenummer, en ukjent sesong, en melding som ikke er mottatt eller et felt som mangler.',
  IDEMPOTENCY_KEY_CONFLICT: 'En annen fil ble importert med samme nøkkel. Bruk en ny nøkkel for nytt innhold.',
};

/** A reader's remark about a document it accepted (lib/ingest/readers/errors.ts, ReaderWarning). */
export const READER_WARNING_LABELS: Record<ReaderWarning['code'], string> = {
  MIGVERSION_MISMATCH:
    'Versjonen (MIGversion) i meldingen er ikke den forventede; meldingen ble lest etter navnerommet.',
  APPREC_OK_WITH_ERRORS: 'Apprec-en er godkjent, men har feil i en delmelding.',
  APPREC_STATUS_3_WITHOUT_ERRORS: 'Apprec-en har status «OK, feil i delmelding», men oppgir ingen feil.',
  IDENTITY_NUMBER_MASKED: 'Et fødselsnummer, D-nummer eller H-nummer ble fjernet før meldingen ble lagret.',
};

/**
 * The titles of findings that are not the letter's checks: what ingestion records itself, and FHI's own
 * validation as the demo imports it (FHI's list is not public; an unknown code is named by findingTitle).
 */
export const OTHER_FINDING_TITLES: Record<string, string> = {
  UNATTRIBUTED: 'Dokument uten kommune',
  IDENTITY_NUMBER_MASKED: 'Fødselsnummer fjernet fra meldingen',
  FHI_DUPLICATE_PERSON: 'Samme person med flere lokale id-er',
  FHI_DECISION_AFTER_PERIOD: 'Vedtaksdato etter perioden',
  FHI_FUNCTION_ASSESSMENT_MISSING: 'Funksjonsvurdering mangler',
  FHI_STAY_OVERLAP: 'Overlappende opphold',
  FHI_AGE_OVER_105: 'Alder over 105 år',
  FHI_DIAGNOSIS_MISSING: 'Diagnose mangler',
  FHI_IDENTITY_COUNT_MISMATCH: 'Identmeldingen og fagmeldingen har ulikt antall personer',
};

/** A finding's title by its code; a code of FHI's validation that has no title here is named generally. */
export function findingTitle(code: string): string {
  if (Object.hasOwn(CHECK_FINDING_TITLES, code)) return CHECK_FINDING_TITLES[code as CheckFindingCode];
  if (Object.hasOwn(OTHER_FINDING_TITLES, code)) return OTHER_FINDING_TITLES[code]!;
  return code.startsWith('FHI_') ? 'Funn fra FHIs validering' : 'Funn';
}

/**
 * The general error codes of an Apprec (code system 8221, «Feilmeldinger generelle»), with their
 * meaning in Norwegian as the code list gives it (prisma/data/apprec-msghead-codes.json).
 */
export const APPREC_ERROR_CODE_LABELS: Record<string, string> = {
  T01: 'Ikke XML, ikke velformet eller uleselig',
  T02: 'XML validerer ikke',
  T10: 'Støtter ikke meldingsformatet',
  T99: 'Annen feil på format',
  S01: 'Feil på signatur',
  S02: 'Ugyldig sertifikat',
  S03: 'Tilbaketrukket sertifikat',
  S99: 'Annen feil på signatur eller sertifikat',
  E10: 'Ugyldig meldingsidentifikator',
  E20: 'Lege finnes ikke',
  E21: 'Mottaker finnes ikke',
  E30: 'Pasientens fødselsnummer mangler',
  E31: 'Pasientens fødselsnummer er feil',
  E32: 'Pasientens navn mangler',
  E33: 'Pasientens etternavn mangler',
  E34: 'Pasientens fornavn mangler',
  E35: 'Pasienten finnes ikke i mottakersystemet',
  E36: 'Pasientopplysninger er utilstrekkelige',
  E53: 'Pasientens fødselsnummer eller D-nummer finnes ikke registrert i Folkeregisteret',
  E54: 'Pasientens fødselsnummer er ikke registrert i mottakersystemet',
  X99: 'Annen feil',
};

/** An Apprec error in words: «T02 XML validerer ikke»; a code outside the list keeps the text the Apprec gave. */
export function apprecErrorText(code: string, displayName?: string | null): string {
  const meaning = Object.hasOwn(APPREC_ERROR_CODE_LABELS, code) ? APPREC_ERROR_CODE_LABELS[code] : displayName;
  return meaning ? `${code} ${meaning}` : code;
}

/** A message's type as the screens name it: the Norwegian word, with the type's own name that senders know. */
export const MESSAGE_TYPE_LABELS = {
  KPR_IPL: 'Fagmelding (KPR_IPL)',
  KPR_IDE: 'Identmelding (KPR_IDE)',
} as const satisfies Record<string, string>;
