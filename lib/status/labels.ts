/**
 * Norwegian names of the engine's states, flags and checklist outcomes, for badges, filters and
 * legends, and the words of the overview (its key figures and table) and the timeline.
 */
import type { KeyFigureKey, MeasureKey } from './rules/key-figures';
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
  OVERDUE: 'Forsinket',
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
  onTime: 'Levert innen fristen',
};

/** The two measures that cut across the states (lib/status/rules/key-figures.ts). */
export const MEASURE_LABELS: Record<MeasureKey, string> = {
  accepted: 'Godkjent levering',
  deliveredOnTime: 'Levert innen fristen',
};

/** What each state, measure and counted flag means, in one sentence: the overview and the help page show these. */
export const KEY_FIGURE_DEFINITIONS = {
  states:
    'Hver kommune er i nøyaktig én status, etter hva den siste produksjonsleveransen viser. Tallene for statusene blir til sammen antallet kommuner.',
  measures: {
    accepted:
      'Kommunen har minst én produksjonsleveranse der fagmeldingen (KPR_IPL) fikk positiv Apprec (OK, eller OK med feil i delmelding) og identmeldingen (KPR_IDE) kom og ikke ble avvist. En senere sending som feiler, tar ikke bort en godkjent levering.',
    deliveredOnTime:
      'Den første godkjente leveransen ble sendt innen kommunens frist (sesongens frist, eller innvilget utsatt frist).',
  } satisfies Record<MeasureKey, string>,
  flags: {
    OVERDUE:
      'Fristen er passert, og kommunen har ingen godkjent levering (en fagmelding sendt innen fristen som venter på Apprec, regnes ikke som forsinket).',
    MUST_RESUBMIT: 'Siste leveranse er avvist, ufullstendig eller godkjent med feil, og hele året må sendes på nytt.',
    SHOULD_APPLY_FOR_EXTENSION:
      'Før fristen, når flertallet av kommunene som i fjor var i samme situasjon like mange arbeidsdager før fristen, ikke fikk godkjent levering innen fristen. Heises ikke etter fristen, og ikke når utsettelse er søkt eller innvilget.',
  },
} as const;

/** A key figure's name on the overview and in the weekly report. */
export function keyFigureLabel(figure: KeyFigureKey): string {
  switch (figure.group) {
    case 'state':
      return DELIVERY_STATE_LABELS[figure.key];
    case 'measure':
      return MEASURE_LABELS[figure.key];
    case 'flag':
      return FLAG_LABELS[figure.key];
  }
}

/** The headings of the overview's three groups of key figures. */
export const KEY_FIGURE_GROUP_LABELS: Record<KeyFigureKey['group'], string> = {
  state: 'Status',
  measure: 'På tvers av status',
  flag: 'Flagg',
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
