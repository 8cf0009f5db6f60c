/**
 * Norwegian names of the engine's states, flags and checklist outcomes, for badges, filters and
 * legends, and the words of the overview (its key figures and table) and the timeline.
 */
import type { StatusKeyFigures } from './rules/summaries';
import { countOf } from './rules/texts';
import type { StatusColumnId } from './rules/table-params';
import type { ChecklistStatus, DeliveryState, FlagCode, MessageInput } from './rules/types';

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  NOT_STARTED: 'Ikke startet',
  TESTING: 'Tester',
  SENT: 'Sendt, venter på Apprec',
  APPREC_OVERDUE: 'Apprec uteblitt',
  REJECTED: 'Avvist',
  INCOMPLETE: 'Ufullstendig',
  ACCEPTED_WITH_ERRORS: 'Godkjent med feil',
  DELIVERED: 'Levert',
};

export const FLAG_LABELS: Record<FlagCode, string> = {
  MUST_RESUBMIT: 'Må sende på nytt',
  SHOULD_APPLY_FOR_EXTENSION: 'Bør søke om utsettelse',
  APPREC_MISSING: 'Apprec mangler',
  RESENT_BEFORE_APPREC: 'Sendt på nytt før Apprec',
  OVERDUE: 'Fristen er passert',
  EXTENSION_PENDING: 'Utsettelse til behandling',
  TRANSPORT_ERROR: 'Transportfeil',
};

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  DONE: 'Oppfylt',
  NOT_DONE: 'Ikke oppfylt',
  WARNING: 'Sjekk',
  NOT_APPLICABLE: 'Ikke aktuelt',
};

/** The overview table's column headers (screen and export alike). */
export const STATUS_COLUMN_LABELS: Record<StatusColumnId, string> = {
  number: 'Nr.',
  name: 'Kommune',
  county: 'Fylke',
  state: 'Status',
  flags: 'Flagg',
  latestSent: 'Siste sending',
  deadline: 'Frist',
  workingDaysLeft: 'Arbeidsdager igjen',
  onTime: 'Levert i tide',
};

/** The overview's key figures, in its order: municipalities in a state, with a flag, or waiting (the weekly report's too). */
export const STATUS_KEY_FIGURE_LABELS: Record<Exclude<keyof StatusKeyFigures, 'total'>, string> = {
  delivered: DELIVERY_STATE_LABELS.DELIVERED,
  deliveredOnTime: STATUS_COLUMN_LABELS.onTime,
  mustResubmit: FLAG_LABELS.MUST_RESUBMIT,
  shouldApplyForExtension: FLAG_LABELS.SHOULD_APPLY_FOR_EXTENSION,
  awaitingApprec: 'Venter på Apprec',
  notStarted: DELIVERY_STATE_LABELS.NOT_STARTED,
};

/** Whether a delivery came in time, as a table cell says it ('–': nothing delivered yet). */
export const ON_TIME_LABELS = { true: 'Ja', false: 'Nei', null: '–' } as const;

/** What a table cell says of a municipality that has sent nothing, and of a deadline moved by an extension. */
export const STATUS_CELL_LABELS = { notSent: 'Ikke sendt', extended: 'utsatt' } as const;

/** Where a message went, as the timeline says it ("KPR_IPL sendt til produksjon"). */
export const ENVIRONMENT_LABELS: Record<MessageInput['environment'], string> = {
  PRODUCTION: 'produksjon',
  VALIDATION: 'test (KPR Validering)',
};

/**
 * The next step of each flag worded for FHI's reader of the worklist ("Kontakt kommunen om …"); the
 * flag's own `nextStep` is worded for the municipality and shows one click away.
 */
export const FLAG_FHI_NEXT_STEP: Record<FlagCode, string> = {
  MUST_RESUBMIT:
    'Kontakt kommunen om ny innsending av hele året, og registrer avtalen som notatet «Ny innsending avtalt» på kommunens side.',
  SHOULD_APPLY_FOR_EXTENSION:
    'Kontakt kommunen om fristen: når kan den levere, og bør den søke om utsatt frist i KPR-status?',
  APPREC_MISSING:
    'Undersøk hvorfor FHI ikke har sendt Apprec på fagmeldingen, og kontakt kommunen om at den ikke skal sende på nytt før dette er avklart.',
  RESENT_BEFORE_APPREC: 'Kontakt kommunen om hvilken av innsendingene som skal gjelde.',
  OVERDUE: 'Kontakt kommunen om når den kan levere, og noter svaret på kommunens side.',
  EXTENSION_PENDING: 'Avgjør søknaden om utsatt frist under Fristsøknader.',
  TRANSPORT_ERROR: 'Kontakt kommunen om transportfeilen, og avklar med kommunen og NHN om meldingen må sendes på nytt.',
};

/** The worklist's words: its filters, groups, counts and what a flag's card says besides its reason. */
export const WORKLIST_LABELS = {
  title: 'Arbeidsliste',
  filters: 'Filtrer arbeidslisten',
  search: 'Søk på kommunenavn eller nummer',
  county: 'Fylke',
  allCounties: 'Alle fylker',
  flag: 'Flagg',
  allFlags: 'Alle flagg',
  grouping: 'Grupper etter',
  groupings: { '': 'Ingen gruppering', flagg: 'Viktigste flagg', fylke: 'Fylke' },
  submit: 'Filtrer',
  reset: 'Nullstill filtrene',
  nextStep: 'Neste steg:',
  municipalityNextStep: 'Kommunens eget neste steg',
  countsCaption: 'Antall kommuner per flagg',
  countsColumns: ['Flagg', 'Kommuner med flagget', 'Som viktigste flagg'],
  countsTotal: 'Kommuner med flagg',
  noMatch: 'Ingen kommuner med flagg passer til søket og filtrene.',
  onOtherPages: 'Kommunene her står på andre sider av listen.',
  pages: 'Sider i arbeidslisten',
  previous: 'Forrige side',
  next: 'Neste side',
  continued: '(fortsetter)',
  extended: STATUS_CELL_LABELS.extended,
  /** After the deadline a card says it has passed, not for how long (no count that grows by the day). */
  deadlinePassed: (deadline: string) => `Fristen ${deadline} er passert`,
  deadlineAhead: (deadline: string, workingDaysLeft: number) =>
    `Frist ${deadline}, ${countOf(workingDaysLeft, 'arbeidsdag', 'arbeidsdager')} igjen`,
  flaggedOf: (flagged: number, total: number) =>
    `${countOf(flagged, 'kommune', 'kommuner')} av ${total} har noe som bør følges opp. Den mest hastende står først.`,
  stillOpen: (season: string, deadline: string) =>
    `Fristen for ${season} gikk ut ${deadline}. Listen viser det som fortsatt er åpent etter fristen.`,
  page: (page: number, pageCount: number) => `Side ${page} av ${pageCount}`,
  shown: (from: number, to: number, matching: number) => `kommune ${from}–${to} av ${matching}`,
  dailyFlaggedOf: (flagged: number, total: number) =>
    `${countOf(flagged, 'kommune', 'kommuner')} av ${total} har flagg i den daglige rapporteringen.`,
  dailyGroup: 'Daglig rapportering',
  annualGroup: 'Årlig rapportering',
  unattributedTitle: 'Dokumenter uten kommune',
  unattributed: (count: number) =>
    count === 0
      ? 'Alle mottatte dokumenter er knyttet til en kommune.'
      : `${countOf(count, 'dokument', 'dokumenter')} er ikke knyttet til noen kommune.`,
  unattributedLink: 'Knytt dem til en kommune',
  annualTitle: (season: string) => `Årlig rapportering – ${season}`,
  dailyTitle: (season: string) => `Daglig rapportering – ${season}`,
  printView: 'Utskriftsvisning av hele listen',
  pagedView: 'Vis listen side for side',
  printSummary: (seasons: string, asOf: string) =>
    `${seasons}. Status per ${asOf}. Kommuner med flagg, den mest hastende først.`,
} as const;
