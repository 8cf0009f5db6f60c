/**
 * Every Norwegian word the daily views, the worklist and the API's documentation show for the daily
 * regime: states, flags with their reasons and next steps, day statuses and lanes of the calendar,
 * the overview's columns and the rate windows.
 */
import { formatDateTime, formatIsoDate, formatNumber, formatPercent } from '../core/format';
import type { DailyRules } from './rules/config';
import type { RateBand } from './rules/rate-band';
import type { DailyColumnId } from './rules/table';
import type { DailyFlag, DailyState, DayStatus, IdeLaneStatus, ApprecLaneStatus } from './rules/types';

export const DAILY_STATE_LABELS: Record<DailyState, string> = {
  NOT_STARTED: 'Ikke startet daglig rapportering',
  ONLY_TESTING: 'Bare testing',
  ACTIVE: 'Aktiv',
  LAGGING: 'Henger etter',
  SILENT: 'Stille',
  REJECTING: 'Avvises',
  VOLUME_DROP: 'Volumfall',
};

export const DAILY_FLAG_LABELS: Record<DailyFlag['code'], string> = {
  LAGGING: 'Mangler dager',
  SILENT: 'Stille',
  REJECTING: 'Avvist flere ganger på rad',
  VOLUME_DROP: 'Volumfall',
  NO_IDE: 'Identmelding mangler',
};

/** Why a flag is raised, from its evidence. */
export function dailyFlagReason(flag: DailyFlag): string {
  const { evidence } = flag;
  switch (flag.code) {
    case 'LAGGING':
      return `${formatNumber(evidence.count ?? 0)} forventede dager er ikke dekket den siste uken${
        evidence.days?.length ? ` (${evidence.days.map(formatIsoDate).join(', ')})` : ''
      }.`;
    case 'SILENT':
      return `Ingen godkjent levering på ${formatNumber(evidence.count ?? 0)} arbeidsdager${
        evidence.since ? ` (siden ${formatDateTime(evidence.since)})` : ''
      }.`;
    case 'REJECTING':
      return `De ${formatNumber(evidence.count ?? 0)} siste leveringene er avvist${
        evidence.since ? ` (siden ${formatDateTime(evidence.since)})` : ''
      }.`;
    case 'VOLUME_DROP':
      return `Siste leveranse hadde ${formatNumber(evidence.value ?? 0)} personer per dag mot en median på ${formatNumber(
        evidence.baseline ?? 0,
      )} for de foregående.`;
    case 'NO_IDE':
      return 'Siste fagmelding har ikke fått sin identmelding (samme løpenummer).';
  }
}

export const DAILY_NEXT_STEP: Record<DailyState, string> = {
  NOT_STARTED: 'Avklar med EPJ-leverandøren når daglig automatisk sending kan starte, og test mot KPR Validering.',
  ONLY_TESTING: 'Testene er mottatt: slå på daglig sending til produksjon (KPR) når testene er godkjent.',
  ACTIVE: 'Ingen handling nødvendig.',
  LAGGING: 'Send en oppsamlingslevering som dekker dagene som mangler.',
  SILENT: 'Sjekk at den daglige jobben i EPJ kjører, og kontakt FHI dersom sendingen har stoppet.',
  REJECTING: 'Les feilene i Apprec, rett dem sammen med EPJ-leverandøren og send på nytt med ny MsgId.',
  VOLUME_DROP: 'Kontroller uttrekket etter siste endring i EPJ: antallet personer er uvanlig lavt.',
};

export const DAY_STATUS_LABELS: Record<DayStatus, string> = {
  ON_TIME: 'Dekket i tide',
  LATE: 'Dekket for sent',
  REJECTED: 'Avvist',
  MISSING: 'Mangler',
  NOT_DUE: 'Ikke forfalt ennå',
  NOT_EXPECTED: 'Ikke forventet',
  FUTURE: 'Fremtidig dag',
};

/** One or two letters per day status, so a calendar cell is told apart without colour. */
export const DAY_STATUS_SYMBOLS: Record<DayStatus, string> = {
  ON_TIME: '✓',
  LATE: 'S',
  REJECTED: '✕',
  MISSING: '!',
  NOT_DUE: '·',
  NOT_EXPECTED: '–',
  FUTURE: '',
};

export const IDE_LANE_LABELS: Record<IdeLaneStatus, string> = {
  RECEIVED: 'Mottatt',
  REJECTED: 'Avvist',
  MISSING: 'Mangler',
  NONE: 'Ingen levering',
};

export const APPREC_LANE_LABELS: Record<ApprecLaneStatus, string> = {
  OK: 'Positiv Apprec',
  REJECTED: 'Avvist',
  AWAITING: 'Venter på Apprec',
  NONE: 'Ingen levering',
};

export const LANE_LABELS = {
  ipl: 'Fagmelding (KPR_IPL)',
  ide: 'Identmelding (KPR_IDE)',
  apprec: 'Apprec',
  test: 'Testtrafikk (KPR Validering)',
} as const;

export const DAILY_WORDS = {
  seasonSwitch: 'Sesong',
  daysSinceLastAccepted: 'Dager siden siste godkjente',
  streak: 'Dager på rad',
  rate7: 'Rapporteringsgrad 7 dager',
  rate30: 'Rapporteringsgrad 30 dager',
  timely7: 'Rettidighet 7 dager',
  timely30: 'Rettidighet 30 dager',
  rateSeason: 'Rapporteringsgrad hittil i år',
  timelySeason: 'Rettidighet hittil i år',
  fromRequirement: 'Fra kravet (1. januar)',
  fromFirstDelivery: 'Fra første daglige levering',
  never: 'Aldri',
  calendar: 'Kalender',
  calendarTable: 'Kalender som tabell',
  noRate: '–',
} as const;

/** The bands of the 7-day reporting rate by which the map colours the daily season (rules/rate-band.ts). */
export const RATE_BAND_LABELS: Record<RateBand, string> = {
  HIGH: `${formatPercent(0.95)} eller mer`,
  FAIR: `${formatPercent(0.8)} til under ${formatPercent(0.95)}`,
  LOW: `${formatPercent(0.5)} til under ${formatPercent(0.8)}`,
  VERY_LOW: `Under ${formatPercent(0.5)}`,
  NO_DAYS: 'Ingen forventede dager ennå',
};

/** The daily overview table's column headers. */
export const DAILY_COLUMN_LABELS: Record<DailyColumnId, string> = {
  number: 'Nr.',
  name: 'Kommune',
  county: 'Fylke',
  state: 'Status',
  flags: 'Flagg',
  daysSince: DAILY_WORDS.daysSinceLastAccepted,
  rate7: DAILY_WORDS.rate7,
  timely7: DAILY_WORDS.timely7,
  rate30: DAILY_WORDS.rate30,
  timely30: DAILY_WORDS.timely30,
  rateSeason: `${DAILY_WORDS.rateSeason} (${DAILY_WORDS.fromRequirement.toLowerCase()})`,
  rateSinceStart: `${DAILY_WORDS.rateSeason} (${DAILY_WORDS.fromFirstDelivery.toLowerCase()})`,
  streak: DAILY_WORDS.streak,
};

/** The season's rules in one sentence, so every figure on the page says what it counts. */
export function describeDailyRules(rules: DailyRules): string {
  const days = rules.expectedDays === 'WORKING' ? 'arbeidsdager' : 'kalenderdager';
  return (
    `Forventet er alle ${days} fra 1. januar. En dag er dekket når en godkjent fagmelding${
      rules.ideRequired ? ' med identmelding' : ''
    } dekker den, og i tide når den var mottatt innen kl. ${rules.graceTime} ${rules.graceDays} ${
      rules.graceDays === 1 ? days.slice(0, -1) : days
    } etter dagen. ` +
    `Stille: ${rules.silenceWorkingDays} arbeidsdager uten godkjent levering. Avvises: ${rules.rejectionRun} avviste leveringer på rad. ` +
    `Volumfall: under ${rules.volumeDropPercent} % av medianen for de ${rules.volumeBaselineDeliveries} foregående leveringene.`
  );
}

/** The municipality's next step for each daily flag (the worklist shows it one click away from FHI's). */
export const DAILY_FLAG_NEXT_STEP: Record<DailyFlag['code'], string> = {
  LAGGING: DAILY_NEXT_STEP.LAGGING,
  SILENT: DAILY_NEXT_STEP.SILENT,
  REJECTING: DAILY_NEXT_STEP.REJECTING,
  VOLUME_DROP: DAILY_NEXT_STEP.VOLUME_DROP,
  NO_IDE: 'Send identmeldingen (KPR_IDE) med samme løpenummer som fagmeldingen, eller send leveransen på nytt.',
};

/** The next step of each daily flag worded for FHI's reader of the worklist. */
export const DAILY_FLAG_FHI_NEXT_STEP: Record<DailyFlag['code'], string> = {
  LAGGING: 'Kontakt kommunen om dagene som mangler, og be om en oppsamlingslevering.',
  SILENT: 'Kontakt kommunen om at den daglige sendingen har stoppet, og avklar når den kommer i gang igjen.',
  REJECTING: 'Kontakt kommunen om avvisningene: gå gjennom feilene i Apprec sammen med kommunen og EPJ-leverandøren.',
  VOLUME_DROP: 'Kontakt kommunen om volumfallet: be den kontrollere uttrekket etter siste endring i EPJ.',
  NO_IDE: 'Kontakt kommunen om identmeldingen (KPR_IDE) som mangler til siste fagmelding.',
};

/** What a help entry on "Slik leser du statusen" says: what it means, what makes it so, what to do. */
export interface DailyHelpEntry {
  meaning: string;
  trigger: string;
  action: string;
}

export const DAILY_STATE_HELP: Record<DailyState, DailyHelpEntry> = {
  NOT_STARTED: {
    meaning: 'Kommunen har ikke sendt noe i den daglige ordningen.',
    trigger: 'Ingen daglig melding, verken test eller produksjon, er mottatt.',
    action: DAILY_NEXT_STEP.NOT_STARTED,
  },
  ONLY_TESTING: {
    meaning: 'Kommunen sender til KPR Validering (test), men ikke daglig til produksjon.',
    trigger: 'Testmeldinger er mottatt, ingen levering til produksjon.',
    action: DAILY_NEXT_STEP.ONLY_TESTING,
  },
  ACTIVE: {
    meaning: 'Kommunen leverer daglig, og ingen flagg er satt.',
    trigger: 'Minst én levering til produksjon og ingen av flaggene under.',
    action: DAILY_NEXT_STEP.ACTIVE,
  },
  LAGGING: {
    meaning: 'Forventede dager den siste uken er ikke dekket.',
    trigger: 'Flagget «Mangler dager» er satt (og ikke et sterkere flagg).',
    action: DAILY_NEXT_STEP.LAGGING,
  },
  SILENT: {
    meaning: 'Ingen godkjent levering på flere arbeidsdager.',
    trigger: 'Flagget «Stille» er satt (sesongens grense for arbeidsdager uten godkjent levering).',
    action: DAILY_NEXT_STEP.SILENT,
  },
  REJECTING: {
    meaning: 'De siste leveringene er avvist i Apprec.',
    trigger: 'Flagget «Avvist flere ganger på rad» er satt.',
    action: DAILY_NEXT_STEP.REJECTING,
  },
  VOLUME_DROP: {
    meaning: 'Siste levering hadde uvanlig få personer.',
    trigger: 'Flagget «Volumfall» er satt.',
    action: DAILY_NEXT_STEP.VOLUME_DROP,
  },
};

export const DAILY_FLAG_HELP: Record<DailyFlag['code'], DailyHelpEntry> = {
  LAGGING: {
    meaning: 'Noen forventede dager den siste uken er ikke dekket av en godkjent levering.',
    trigger: 'En eller flere forventede dager i sesongens vindu for etterslep mangler etter fristen for dagen.',
    action: DAILY_NEXT_STEP.LAGGING,
  },
  SILENT: {
    meaning: 'Kommunen har ikke fått en levering godkjent på flere arbeidsdager.',
    trigger: 'Antall arbeidsdager siden siste godkjente levering har nådd sesongens grense.',
    action: DAILY_NEXT_STEP.SILENT,
  },
  REJECTING: {
    meaning: 'Flere leveringer på rad er avvist.',
    trigger: 'De siste leveringene (sesongens grense) fikk Avvist i Apprec.',
    action: DAILY_NEXT_STEP.REJECTING,
  },
  VOLUME_DROP: {
    meaning: 'Siste levering hadde langt færre personer per dag enn de foregående.',
    trigger: 'Under sesongens prosentgrense av medianen for de foregående godkjente leveringene.',
    action: DAILY_NEXT_STEP.VOLUME_DROP,
  },
  NO_IDE: {
    meaning: 'Siste fagmelding har ikke fått sin identmelding.',
    trigger: 'Ingen KPR_IDE med samme løpenummer som siste KPR_IPL.',
    action: 'Send identmeldingen (KPR_IDE) med samme løpenummer, eller hele leveransen på nytt.',
  },
};
