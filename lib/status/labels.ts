/**
 * Norwegian names of the engine's states, flags and checklist outcomes, for badges, filters and
 * legends, and the words of the overview (its key figures and table) and the timeline.
 */
import { formatDate, formatDateTime } from '../core/format';
import type { SeasonOutcome, SeasonOutcomeCode } from './rules/outcome';
import { countOf } from './rules/texts';
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

/** What a table cell says of a municipality that has sent nothing, of a deadline moved by an extension, and of time left once the deadline has passed. */
export const STATUS_CELL_LABELS = {
  notSent: 'Ikke sendt',
  extended: 'utsatt',
  deadlinePassed: 'Fristen er passert',
} as const;

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

// ---------------------------------------------------------------------------------------------
// The season's outcome, and the help page "Slik leser du statusen" (app/(dashboard)/hjelp)

/** What a season came to once its effective deadline passed (lib/status/rules/outcome.ts). */
export const SEASON_OUTCOME_LABELS: Record<SeasonOutcomeCode, string> = {
  ON_TIME: 'Levert innen fristen',
  ON_TIME_EXTENDED: 'Levert innen innvilget utsatt frist',
  LATE: 'Levert for sent',
  NOT_DELIVERED: 'Ikke levert',
};

/** The outcome in a sentence: 'Levert for sent, 12 dager etter fristen (sendt 27.01.2026).' */
export function describeSeasonOutcome(outcome: SeasonOutcome): string {
  const sent = outcome.sentAt ? ` (sendt ${formatDate(outcome.sentAt)})` : '';
  switch (outcome.code) {
    case 'LATE':
      return `${SEASON_OUTCOME_LABELS.LATE}: ${countOf(outcome.daysLate ?? 0, 'dag', 'dager')} etter fristen${sent}.`;
    case 'NOT_DELIVERED':
      return `${SEASON_OUTCOME_LABELS.NOT_DELIVERED}: fristen gikk ut ${formatDateTime(outcome.effectiveDeadline)}.`;
    default:
      return `${SEASON_OUTCOME_LABELS[outcome.code]}${sent}.`;
  }
}

/** What a help entry says: what it means, what makes it so, what to do. */
export interface HelpEntry {
  meaning: string;
  trigger: string;
  action: string;
}

export const DELIVERY_STATE_HELP: Record<DeliveryState, HelpEntry> = {
  NOT_STARTED: {
    meaning: 'Kommunen har ikke sendt noe for sesongen, verken test eller produksjon.',
    trigger: 'Ingen melding fra kommunen er mottatt for sesongen.',
    action:
      'Send en test til KPR Validering, og deretter fagmelding (KPR_IPL) og identmelding (KPR_IDE) til produksjon.',
  },
  TESTING: {
    meaning: 'Kommunen har sendt til KPR Validering (test), men ikke til produksjon.',
    trigger: 'Minst én melding til KPR Validering og ingen til produksjon.',
    action: 'Når testen har fått positiv Apprec: send hele året til produksjon.',
  },
  SENT: {
    meaning: 'Siste fagmelding er sendt til produksjon og venter på Apprec.',
    trigger: 'Siste KPR_IPL til produksjon har ikke fått Apprec ennå, og grensen for Apprec er ikke passert.',
    action: 'Vent på Apprec før dere sender igjen.',
  },
  APPREC_OVERDUE: {
    meaning: 'Siste fagmelding har ventet på Apprec lenger enn sesongens grense (96 timer).',
    trigger: 'Ingen Apprec på siste KPR_IPL etter grensen for Apprec.',
    action: 'Ikke send på nytt ennå: kontakt FHI og spør om meldingen er mottatt.',
  },
  REJECTED: {
    meaning: 'Siste fagmelding ble avvist i Apprec.',
    trigger: 'Apprec med status Avvist på siste KPR_IPL til produksjon.',
    action: 'Rett feilene Apprec viser, og send hele året på nytt med nye MsgId-er.',
  },
  INCOMPLETE: {
    meaning: 'Siste leveranse mangler fagmelding eller identmelding, eller identmeldingen ble avvist.',
    trigger: 'KPR_IPL eller KPR_IDE med samme løpenummer mangler, eller KPR_IDE fikk Avvist.',
    action: 'Send den meldingen som mangler med samme løpenummer, eller hele leveransen på nytt.',
  },
  ACCEPTED_WITH_ERRORS: {
    meaning: 'Leveransen er godtatt, men har feil som må rettes.',
    trigger:
      'Positiv Apprec med «feil i delmelding», gammelt eller ukjent kommunenummer, feil periode eller åpne feil fra FHI.',
    action: 'Avtal ny innsending med FHI, rett feilene og send hele året på nytt.',
  },
  DELIVERED: {
    meaning: 'Kommunen har levert: fagmelding og identmelding er godtatt, uten kjente feil.',
    trigger: 'Positiv Apprec på siste KPR_IPL, KPR_IDE mottatt, ingen åpne feil.',
    action: 'Ingen handling nødvendig.',
  },
};

export const FLAG_HELP: Record<FlagCode, HelpEntry> = {
  MUST_RESUBMIT: {
    meaning: 'Hele året må sendes på nytt.',
    trigger:
      'Siste leveranse ble avvist, godtatt med feil, mangler en av meldingene, har feil kommunenummer eller periode, eller har åpne feil.',
    action:
      'Rett feilene og send hele året på nytt – både KPR_IPL og KPR_IDE – med nye MsgId-er, etter avtale med FHI.',
  },
  SHOULD_APPLY_FOR_EXTENSION: {
    meaning: 'Fristen nærmer seg eller er passert, og kommunen har ikke levert.',
    trigger:
      'Få arbeidsdager igjen til gjeldende frist (sesongens grense), ingen godkjent leveranse og ingen fristsøknad.',
    action: 'Søk om utsatt frist på kommunens side, med begrunnelse og datoen kommunen kan levere innen.',
  },
  APPREC_MISSING: {
    meaning: 'En fagmelding har ikke fått Apprec innen sesongens grense.',
    trigger: 'Ingen Apprec på en KPR_IPL til produksjon etter grensen (96 timer).',
    action: 'Ikke send på nytt: kontakt FHI og be dem sjekke om meldingen er mottatt.',
  },
  RESENT_BEFORE_APPREC: {
    meaning: 'Kommunen sendte på nytt før forrige sending hadde fått Apprec.',
    trigger: 'En ny KPR_IPL ble sendt mens den forrige ventet på Apprec.',
    action: 'Vent på Apprec før dere sender igjen, og avklar med FHI hvilken sending som gjelder.',
  },
  OVERDUE: {
    meaning: 'Gjeldende frist er passert uten godkjent leveranse.',
    trigger:
      'Fristen (eller innvilget utsatt frist) er passert, og kommunen har ikke en godkjent leveranse sendt i tide.',
    action: 'Send en fullstendig leveranse så snart som mulig, og hold FHI orientert.',
  },
  EXTENSION_PENDING: {
    meaning: 'En fristsøknad venter på FHIs avgjørelse.',
    trigger: 'Kommunen har søkt om utsatt frist, og FHI har ikke avgjort søknaden.',
    action: 'Kommunen arbeider videre med leveransen. FHI avgjør søknaden under Fristsøknader.',
  },
  TRANSPORT_ERROR: {
    meaning: 'Meldingen kom ikke fram: Norsk helsenett meldte en transportfeil.',
    trigger: 'En transportfeil fra feilkøen gjelder leveransen som teller.',
    action: 'Rett årsaken (for eksempel et utløpt sertifikat) sammen med EPJ-leverandøren, og send på nytt.',
  },
};

export const SEASON_OUTCOME_HELP: Record<SeasonOutcomeCode, HelpEntry> = {
  ON_TIME: {
    meaning: 'Den første godkjente leveransen ble sendt innen fristen.',
    trigger: 'Fristen er passert, og første godkjente KPR_IPL ble sendt innen sesongens frist.',
    action: 'Ingen. Feil som FHI finner senere, følges opp som «Må sende på nytt».',
  },
  ON_TIME_EXTENDED: {
    meaning: 'Leveransen kom etter sesongens frist, men innen den utsatte fristen FHI innvilget.',
    trigger: 'Første godkjente KPR_IPL ble sendt etter sesongens frist og innen innvilget utsatt frist.',
    action: 'Ingen.',
  },
  LATE: {
    meaning: 'Den første godkjente leveransen ble sendt etter gjeldende frist; antall dager står bak.',
    trigger: 'Første godkjente KPR_IPL ble sendt etter gjeldende frist (kalenderdager regnet i norsk tid).',
    action: 'Ingen for denne sesongen. Bruk erfaringen til neste levering.',
  },
  NOT_DELIVERED: {
    meaning: 'Gjeldende frist er passert, og kommunen har ingen godkjent leveranse.',
    trigger: 'Fristen er passert uten positiv Apprec på en fullstendig leveranse til produksjon.',
    action: 'Send hele året så snart som mulig, og kontakt FHI.',
  },
};

/**
 * One word for each thing, used everywhere: the glossary of the help page, [the word, what it is].
 */
export const GLOSSARY: readonly (readonly [term: string, meaning: string])[] = [
  ['Frist', 'Sesongens frist: slutten av fristdagen i norsk tid (15. januar 2026 kl. 23:59 for 2025-dataene).'],
  ['Utsatt frist', 'En ny frist FHI har innvilget for én kommune. Den gjelder i stedet for sesongens frist.'],
  ['Gjeldende frist', 'Utsatt frist når FHI har innvilget en, ellers sesongens frist.'],
  ['Fristsøknad', 'Kommunens søknad om utsatt frist. FHI innvilger eller avslår den.'],
  ['Leveranse', 'Fagmelding (KPR_IPL) og identmelding (KPR_IDE) fra samme kjøring (samme løpenummer).'],
  ['Apprec', 'Applikasjonskvitteringen KPR sender tilbake: OK, OK med feil i delmelding, eller Avvist.'],
  ['Apprec mangler', 'Ingen Apprec innen sesongens grense (96 timer) etter at meldingen ble sendt.'],
  ['Levert innen fristen', 'Første godkjente leveranse ble sendt innen gjeldende frist.'],
  [
    'Arbeidsdager igjen',
    'Norske arbeidsdager fra i morgen til og med fristdagen. Når gjeldende frist er passert, står det «Fristen er passert».',
  ],
  ['Tilbakeblikk', 'Siden viser statusen slik den var ved utgangen av en valgt dato (asOf). Da vises ingen skjemaer.'],
];
