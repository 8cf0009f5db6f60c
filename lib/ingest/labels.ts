/**
 * Every Norwegian word the ingest capability shows as a name: the titles of the letter's check
 * findings (screens, the self-check, the demo's notes) and their severities, the Apprec statuses
 * (the timeline and its export) and what became of an uploaded file. Pure: no I/O, safe in the browser.
 */
import type { Severity } from '../core/severity';
import type { ApprecStatus } from './readers/apprec';
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

/** The title of the finding that a national identity number in a message's header was masked (rules/masked-identity-numbers.ts). */
export const IDENTITY_NUMBER_MASKED_TITLE = 'Fødselsnummer fjernet fra meldingshodet';

/** Its text: which fields held a number (element paths), never the number. */
export const IDENTITY_NUMBER_MASKED_MESSAGE = (fields: readonly string[]) =>
  `Et fødselsnummer, D-nummer eller H-nummer sto i ${fields.join(', ')} og ble fjernet før meldingen ble lagret; nummeret er ikke lagret noe sted. Rett oppsettet i fagsystemet, så feltet ikke får personnummer.`;
