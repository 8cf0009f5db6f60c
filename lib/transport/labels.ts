/**
 * Every Norwegian word the transport capability shows: what each queue carries, the state of its
 * connection, why a message taken from a queue was refused (the intake errors FHI sees: ingest's
 * refusals, the body's CMS packaging — decryption, signature, certificate) and what a transport error
 * from NHN's `_error` queue says. Pure: no I/O, safe in the browser.
 */
import type { XmlReadErrorCode } from '@/lib/ingest/readers/errors';

/** Ingest's error codes (lib/ingest/errors.ts): the readers' and the four of the write. */
type IngestErrorCode =
  XmlReadErrorCode | 'MUNICIPALITY_UNKNOWN' | 'SEASON_UNKNOWN' | 'MESSAGE_ID_CONFLICT' | 'APPREC_ID_CONFLICT';

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

/** Why ingest refused a document, by its error code: plain Norwegian, never quoting the document. */
const INGEST_REFUSALS: Record<IngestErrorCode, string> = {
  XML_TOO_LARGE: 'Dokumentet er større enn grensen for mottak.',
  XML_UNSUPPORTED_ENCODING: 'Dokumentet har en tegnkoding som ikke støttes.',
  XML_DOCTYPE_FORBIDDEN: 'Dokumentet har en DOCTYPE, som ikke er tillatt (mulig angrep).',
  XML_MALFORMED: 'Dokumentet er ikke gyldig XML.',
  XML_NO_ROOT: 'Dokumentet har ikke noe rotelement.',
  XML_MULTIPLE_ROOTS: 'Dokumentet har mer enn ett rotelement.',
  XML_TOO_DEEP: 'Dokumentet er nøstet for dypt (mulig angrep).',
  XML_TOO_MANY_ELEMENTS: 'Dokumentet har for mange elementer.',
  XML_TOO_MANY_ATTRIBUTES: 'Et element har for mange attributter.',
  XML_ATTRIBUTE_TOO_LONG: 'En attributtverdi er for lang.',
  XML_TEXT_TOO_LONG: 'En tekstverdi er for lang.',
  DOCUMENT_UNSUPPORTED: 'Dokumentet er verken en hodemelding (KPR_IPL/KPR_IDE) eller en applikasjonskvittering.',
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
};

/** The Norwegian reason for a refusal code; an unknown code (from elsewhere) is named as such. */
export function refusalReason(code: string): string {
  if (code in TRANSPORT_REFUSALS) return TRANSPORT_REFUSALS[code as TransportRefusalCode];
  if (code in INGEST_REFUSALS) return INGEST_REFUSALS[code as IngestErrorCode];
  return 'Meldingen ble avvist av mottaket.';
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
