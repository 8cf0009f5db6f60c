/**
 * Every Norwegian word of the weekly report that is a label or a message: its key figures, the
 * kinds of change, and what creating a report, its mail and its deliveries say. Pure.
 */
import type { ChangeKind, KeyFigure } from './rules/weekly-report';

/** The report's key figures, in the report's order. */
export const KEY_FIGURE_LABELS: Record<KeyFigure['key'], string> = {
  delivered: 'Levert',
  deliveredOnTime: 'Levert innen fristen',
  mustResubmit: 'Må sende på nytt',
  shouldApplyForExtension: 'Bør søke om utsettelse',
  awaitingApprec: 'Venter på Apprec',
  notStarted: 'Ikke startet',
};

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  DELIVERED: 'Nylig levert',
  REJECTED: 'Nylig avvist',
  FLAG_RAISED: 'Nytt flagg',
  FLAG_CLEARED: 'Flagg fjernet',
  EXTENSION_REQUESTED: 'Utsettelse søkt',
  EXTENSION_DECIDED: 'Utsettelse avgjort',
  NOT_STARTED: 'Fortsatt ikke startet',
};

/** What FHI's "create a report now" form says about what it cannot do. */
export const CREATE_REPORT_MESSAGES = {
  chooseSeason: 'Velg en sesong.',
  chooseWeek: 'Velg en dato i uken.',
  weekNotOver: 'Uken er ikke over ennå. Velg en uke som er avsluttet.',
  seasonNotFound: 'Fant ikke sesongen.',
} as const;

/** Why a delivery of the weekly report was skipped at sending (FHI read it on the reports page). */
export const DELIVERY_NO_LONGER_WANTED = 'Mottakeren abonnerer ikke lenger, er deaktivert eller er ikke lenger i FHI.';
