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
