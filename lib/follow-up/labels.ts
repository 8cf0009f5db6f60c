/**
 * Every Norwegian word of follow-up: the reasons and states of an extension request, and what the
 * extension and note forms say when something is wrong. Pure.
 */
import type { ExtensionStatus } from '../status/rules/types';
import type { ExtensionClosedReason, ExtensionReason } from './rules/extension-requests';

export const EXTENSION_REASON_LABELS: Record<ExtensionReason, string> = {
  SYSTEM_CHANGE: 'Bytte av fagsystem',
  TECHNICAL_PROBLEMS: 'Tekniske problemer med uttrekket',
  STAFF_SHORTAGE: 'Mangel på personell',
  DATA_QUALITY: 'Feil i dataene som må rettes først',
  OTHER: 'Annet',
};

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  PENDING: 'Til behandling',
  GRANTED: 'Innvilget',
  DENIED: 'Avslått',
  WITHDRAWN: 'Trukket',
};

/** What the extension request and decision forms say about a value they cannot take. */
export const EXTENSION_MESSAGES = {
  chooseDate: 'Velg en dato.',
  chooseReason: 'Velg hva som er grunnen.',
  justificationTooLong: (max: number) => `Begrunnelsen kan ha høyst ${max} tegn.`,
  justificationTooShort: 'Skriv en begrunnelse (minst 10 tegn).',
  plannedFixTooLong: (max: number) => `Teksten kan ha høyst ${max} tegn.`,
  plannedFixTooShort: 'Skriv hva kommunen skal rette eller gjøre.',
  decisionNoteTooLong: (max: number) => `Notatet kan ha høyst ${max} tegn.`,
  denialNoteMissing: 'Skriv hvorfor søknaden avslås.',
  /** `earliest` as a person reads a date. */
  dateTooEarly: (earliest: string) => `Velg en dato fra og med ${earliest}.`,
  dateTooLate: (latest: string) => `Velg en dato til og med ${latest}.`,
  pastDateNeedsConfirmation: (date: string) =>
    `${date} er allerede passert. Kryss av for å bekrefte at dette er fristen som skal innvilges.`,
  alreadyPending: 'Kommunen har allerede en søknad til behandling. Trekk den først hvis den skal erstattes.',
  notPendingAnyMore: (status: ExtensionStatus) =>
    `Søknaden er ikke lenger til behandling (${EXTENSION_STATUS_LABELS[status].toLowerCase()}).`,
} as const;

/** What the note form says about a note it cannot take. */
export const NOTE_MESSAGES = {
  empty: 'Skriv et notat.',
  tooLong: (max: number) => `Notatet kan ha høyst ${max} tegn.`,
} as const;

/**
 * What a municipality's page says once its contact has sent or withdrawn a request (`deadline`: the
 * date asked for), or tried to withdraw one that FHI had decided in the meantime.
 */
export const EXTENSION_CHANGED_MESSAGES = {
  requested: (deadline: string) =>
    `Søknaden om utsatt frist til ${deadline} er sendt til FHI. Kontaktpersonene i kommunen får svaret på e-post.`,
  withdrawn: 'Søknaden om utsatt frist er trukket. Fristen er den samme som før du søkte.',
  notWithdrawn: (status: 'GRANTED' | 'DENIED') =>
    `Søknaden kunne ikke trekkes: FHI har allerede ${status === 'GRANTED' ? 'innvilget' : 'avslått'} den. Se svaret under.`,
} as const;

/** What the note form says once a note is added (by its kind). */
export const NOTE_ADDED_MESSAGES = {
  NOTE: 'Notatet er lagt til.',
  RESUBMISSION_AGREED: 'Avtalt ny innsending er registrert.',
} as const;

/** What FHI's request list says at its top once a request is decided (the decided request has left the list). */
export const EXTENSION_DECIDED_MESSAGES = {
  GRANTED: (municipality: string, deadline: string) =>
    `Søknaden fra ${municipality} er innvilget. Ny frist er ${deadline}. Kontaktpersonene i kommunen får beskjed på e-post.`,
  DENIED: (municipality: string) =>
    `Søknaden fra ${municipality} er avslått. Kontaktpersonene i kommunen får beskjed på e-post.`,
} as const;

/** Why the extension form is not offered (and why a request is refused): lib/follow-up/rules/extension-requests.ts. */
export const EXTENSION_CLOSED_MESSAGES: Record<ExtensionClosedReason, (lastDay: string) => string> = {
  DELIVERED: () => 'Kommunen har levert, så det er ikke noe å søke utsatt frist for.',
  AFTER_GRACE: (lastDay) =>
    `Fristen er passert, og siste dag for å søke om utsatt frist var ${lastDay}. Send leveransen så snart som mulig, og kontakt FHI.`,
  REPLAY: () => 'Siden viser et tilbakeblikk. Søknader sendes fra siden slik den er nå.',
};
