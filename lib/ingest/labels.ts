/**
 * Every Norwegian word the ingest capability shows as a name: the titles of the letter's check
 * findings (screens, the self-check, the demo's notes) and their severities, the Apprec statuses
 * (the timeline and its export) and what became of an uploaded file. Pure: no I/O, safe in the browser.
 */
import type { Severity } from '../core/severity';
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

/** Norwegian for refusals the upload page explains in words of its own (by the API's error code). */
export const INGEST_REFUSAL_LABELS: Partial<Record<string, string>> = {
  APPREC_NOT_FOR_KPR:
    'Apprec-en gjelder ikke en KPR-melding: den opprinnelige meldingen er ikke KPR_IPL eller KPR_IDE. Den lagres ikke og kobles ikke til noen melding.',
  APPREC_SENDER_NOT_KPR:
    'Apprec-en er ikke sendt av FHIs mottak for KPR (HER-id i referansedataene). Den lagres ikke og kobles ikke til noen melding.',
};

/** A message's type as the screens name it: the Norwegian word, with the type's own name that senders know. */
export const MESSAGE_TYPE_LABELS = {
  KPR_IPL: 'Fagmelding (KPR_IPL)',
  KPR_IDE: 'Identmelding (KPR_IDE)',
} as const satisfies Record<string, string>;
