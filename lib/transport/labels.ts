/**
 * Every Norwegian word the transport capability shows: what each queue carries, the state of its
 * connection, why a message taken from a queue was refused (the intake errors FHI sees: ingest's
 * refusals, the body's CMS packaging — decryption, signature, certificate) and what a transport error
 * from NHN's `_error` queue says. Pure: no I/O, safe in the browser.
 */
import { ingestErrorText } from '@/lib/ingest/labels';

export type QueueKind = 'messages' | 'apprecs' | 'errors';
export type QueueState = 'connecting' | 'connected' | 'disconnected' | 'stopped';

export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  messages: 'KPR-meldinger',
  apprecs: 'Applikasjonskvitteringer',
  errors: 'Transportfeil',
};

export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  connecting: 'Kobler til',
  connected: 'Tilkoblet',
  disconnected: 'Frakoblet – prøver igjen',
  stopped: 'Stoppet',
};

/** The consumer's own refusals, before a document reaches ingest. */
export type TransportRefusalCode = 'BODY_MISSING' | 'BODY_UNREADABLE' | 'CMS_NOT_CONFIGURED';

const TRANSPORT_REFUSALS: Record<TransportRefusalCode, string> = {
  BODY_MISSING: 'Meldingen hadde ingen innhold (tom body).',
  BODY_UNREADABLE: 'Innholdet i meldingen kunne ikke leses som bytes (ukjent AMQP-body).',
  CMS_NOT_CONFIGURED:
    'Meldingen er kryptert og signert (CMS), men mottaket har ikke nøkkel og sertifikat for å åpne den.',
};

/** The Norwegian reason for a refusal code (ingest's from lib/ingest/labels.ts); never the code itself. */
export function refusalReason(code: string): string {
  if (code in TRANSPORT_REFUSALS) return TRANSPORT_REFUSALS[code as TransportRefusalCode];
  return ingestErrorText(code);
}

export const TRANSPORT_PAGE_LABELS = {
  title: 'AMQP-mottak',
  intro:
    'Mottaket leser KPR-meldinger, applikasjonskvitteringer og transportfeil fra køene på meldingstjeneren (AMQP 1.0). Tilstanden gjelder serverprosessen som viser siden.',
  off: 'AMQP-mottaket er slått av: AMQP_URL er ikke satt.',
  queues: 'Køer',
  queue: 'Kø',
  kind: 'Innhold',
  state: 'Tilkobling',
  taken: 'Mottatt',
  accepted: 'Lagret eller allerede mottatt',
  rejected: 'Avvist',
  released: 'Lagt tilbake (midlertidig feil)',
  lastMessage: 'Siste melding',
  storedAll: 'Lagret fra køen (alle prosesser)',
  none: 'Ingen',
  reconnects: 'Nye tilkoblinger etter brudd',
  lastError: 'Siste feil',
  intakeErrors: 'Avviste meldinger',
  intakeErrorsIntro:
    'Meldinger mottaket avviste og sendte til køens dødbrevhåndtering. Innholdet lagres aldri, bare egenskapene og årsaken.',
  noIntakeErrors: 'Ingen avviste meldinger.',
  time: 'Tid',
  messageId: 'Meldings-ID',
  reason: 'Årsak',
  properties: 'Egenskaper',
  spoofing: 'Mulig forfalskning',
} as const;

/** Why a CMS body (signed, then enveloped) was refused; the keys are `CmsRefusalKind` in cms.ts. */
export const CMS_REFUSAL_LABELS = {
  'cms-off':
    'Meldingen er kryptert og signert (CMS), men mottak av krypterte meldinger er ikke satt opp (AMQP_CMS_* mangler)',
  malformed: 'Meldingen er ikke en gyldig kryptert og signert CMS-melding',
  'not-for-us': 'Meldingen er kryptert til en annen mottaker enn vårt sertifikat',
  'cannot-decrypt': 'Meldingen kunne ikke dekrypteres med vår nøkkel',
  'unsupported-algorithm': 'Meldingen bruker en krypterings- eller signaturalgoritme vi ikke støtter',
  unsigned: 'Meldingen er kryptert, men ikke signert: avsenderen kan ikke bekreftes',
  'signature-invalid': 'Signaturen stemmer ikke med innholdet: meldingen kan være endret underveis',
  'signer-untrusted': 'Meldingen er signert med et sertifikat vi ikke stoler på',
  'certificate-expired': 'Avsenderens sertifikat er utløpt eller ennå ikke gyldig',
  'certificate-unusable': 'Avsenderens sertifikat er ikke laget for signering (feil nøkkelbruk)',
} as const;

/** A body whose content type is neither XML nor CMS. */
export const BODY_REFUSAL_LABELS = {
  'unsupported-content-type': 'Ukjent innholdstype på meldingen: forventet XML eller kryptert og signert CMS',
  empty: 'Meldingen har ikke noe innhold',
} as const;

/** A transport error from an `_error` queue, by its errorCondition (as NHN's library names them). */
export const TRANSPORT_ERROR_LABELS: Record<string, string> = {
  'transport:not-well-formed-xml': 'Transportfeil: meldingen er ikke gyldig XML',
  'transport:invalid-field-value': 'Transportfeil: ugyldig verdi i et felt i meldingen',
  'transport:invalid-certificate': 'Transportfeil: sertifikatet er ugyldig',
  'transport:expired-certificate': 'Transportfeil: sertifikatet er utløpt',
  'transport:revoked-certificate': 'Transportfeil: sertifikatet er trukket tilbake',
  'transport:missing-certificate': 'Transportfeil: sertifikatet mangler',
  'transport:internal-error': 'Transportfeil: intern feil hos mottakeren',
  'abuse:spoofing-attack': 'Transportfeil: mistanke om forfalsket avsender',
};

/** Any other condition: a generic text, never the raw code. */
export const TRANSPORT_ERROR_UNKNOWN_LABEL = 'Transportfeil: meldingen kom ikke fram (ukjent feiltype)';

export function transportErrorLabel(condition: string): string {
  return Object.hasOwn(TRANSPORT_ERROR_LABELS, condition)
    ? TRANSPORT_ERROR_LABELS[condition]!
    : TRANSPORT_ERROR_UNKNOWN_LABEL;
}

/** The worklist's list of transport errors that concern no stored message. */
export const TRANSPORT_ERROR_LIST_LABELS = {
  heading: 'Transportfeil som ikke gjelder en kjent melding',
  none: 'Ingen transportfeil uten kjent melding.',
  caption: 'Transportfeil fra feilkøen som ikke kan knyttes til en mottatt melding, nyeste først',
  columns: ['Tid', 'Feil', 'Gjelder melding', 'Kø'],
  noMessageId: 'Ikke oppgitt',
} as const;
