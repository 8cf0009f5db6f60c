/**
 * Every Norwegian word of the weekly report that is a label or a message: its key figures, the
 * kinds of change, how far its mail to a subscriber got, and what creating a report, its mail and
 * its deliveries say. Pure.
 */
import type { ReportDeliveryStatus } from './rules/archive';
import type { ChangeKind } from './rules/weekly-report';
import { DAILY_FLAG_LABELS } from '../daily/labels';

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  DELIVERED: 'Nylig levert',
  REJECTED: 'Nylig avvist',
  FLAG_RAISED: 'Nytt flagg',
  FLAG_CLEARED: 'Flagg fjernet',
  EXTENSION_REQUESTED: 'Utsettelse søkt',
  EXTENSION_DECIDED: 'Utsettelse avgjort',
  NOT_STARTED: 'Fortsatt ikke startet',
};

/** How far the mail of a report to one subscriber got (the reports page, FHI). */
export const REPORT_DELIVERY_STATUS_LABELS: Record<ReportDeliveryStatus, string> = {
  SENT: 'Sendt',
  QUEUED: 'Venter på sending',
  FAILED: 'Feilet',
  SKIPPED: 'Ikke sendt',
};

/** What FHI's "create a report now" form says about what it cannot do. */
export const CREATE_REPORT_MESSAGES = {
  chooseSeason: 'Velg en sesong.',
  chooseWeek: 'Velg en dato i uken.',
  weekNotOver: 'Uken er ikke over ennå. Velg en uke som er avsluttet.',
  seasonNotFound: 'Fant ikke sesongen.',
} as const;

/** What FHI's "create a report now" form says once the report of `week` («uke 3 (fra 12.01.2026)») is made. */
export const REPORT_CREATED_MESSAGES = {
  week: (weekNumber: number, from: string) => `uke ${weekNumber} (fra ${from})`,
  CREATED: (week: string) => `Rapporten for ${week} er laget.`,
  UNCHANGED: (week: string) =>
    `Rapporten for ${week} fantes allerede og ble laget på nytt med nøyaktig de samme filene. Ingenting er endret.`,
  REPLACED: (week: string) =>
    `Rapporten for ${week} er laget på nytt med data som har kommet til siden, og filene er erstattet. Arkivet viser når.`,
} as const;

/** What the reports page says once a person has started or stopped their subscription to the weekly report. */
export const SUBSCRIPTION_CHANGED_MESSAGES = {
  subscribed: (email: string) =>
    `Du abonnerer nå på ukerapporten. Den sendes til ${email} med Excel-filen vedlagt når en ny rapport er laget.`,
  unsubscribed: 'Abonnementet er avsluttet. Du får ikke lenger ukerapporten på e-post.',
} as const;

/** Why a delivery of the weekly report was skipped at sending (FHI read it on the reports page). */
export const DELIVERY_NO_LONGER_WANTED = 'Mottakeren abonnerer ikke lenger, er deaktivert eller er ikke lenger i FHI.';

/** The daily section's kinds of change (the weekly report's "Daglig rapportering"). */
export const DAILY_CHANGE_LABELS = {
  BECAME_SILENT: 'Ble stille',
  RECOVERED: 'I gang igjen',
  REJECTING: DAILY_FLAG_LABELS.REJECTING,
  VOLUME_DROP: DAILY_FLAG_LABELS.VOLUME_DROP,
} as const;

export type DailyChangeKind = keyof typeof DAILY_CHANGE_LABELS;
/** The weekly report's PDF: its section headings, the sentences between them and the page footer. */
export const WEEKLY_PDF_TEXT = {
  keyFigures: 'Nøkkeltall',
  followUp: 'Trenger oppfølging',
  followUpIntro: (municipalities: string) =>
    `${municipalities} kommuner har minst ett flagg. Hver kommune står én gang, under sitt viktigste flagg; alle flaggene står under «Alle kommuner».`,
  nobodyToFollowUp: 'Ingen kommuner har flagg denne uken.',
  changesSince: (since: string) => `Endringer siden ${since}`,
  noChanges: 'Ingen endringer.',
  stillNotStarted: (municipalities: string) =>
    `Fortsatt ikke startet: ${municipalities} kommuner (se «Alle kommuner»).`,
  deliveredPerCounty: 'Levert per fylke',
  chartAlt: (counties: string) => `Søylediagram: andel kommuner som har levert, per fylke. ${counties}.`,
  chartData: 'Tallene bak diagrammet:',
  allMunicipalities: 'Alle kommuner',
  daily: (season: string) => `Daglig rapportering (${season})`,
  noDailyAlarms: 'Ingen kommuner ble stille, kom i gang igjen, ble avvist flere ganger på rad eller fikk volumfall.',
  page: (page: number, pages: number) => `Side ${page} av ${pages}`,
} as const;
