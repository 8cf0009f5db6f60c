/**
 * Every Norwegian word the transport capability shows: why a message body from the queue was refused
 * (its CMS packaging: decryption, signature, certificate) and what a transport error from NHN's
 * `_error` queue says. Pure: no I/O, safe in the browser.
 */

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
