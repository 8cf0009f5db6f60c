/**
 * The words a season shows at a glance: its outcome once the effective deadline has passed (a badge
 * linking to its help entry), else the time left; and the one next step. Shared by the
 * municipality's page and a contact's home page.
 */
import { DELIVERY_STATE_HELP, SEASON_OUTCOME_LABELS, describeSeasonOutcome } from '@/lib/status/labels';
import type { DeliveryFigures, DeliveryFlag, DeliveryState, SeasonOutcome } from '@/lib/status/rules';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { HelpBadge } from './help-link';

export const OUTCOME_COLORS = {
  ON_TIME: 'success',
  ON_TIME_EXTENDED: 'success',
  LATE: 'warning',
  NOT_DELIVERED: 'danger',
} as const;

const OUTCOME_ICONS = { ON_TIME: '✓', ON_TIME_EXTENDED: '✓', LATE: '!', NOT_DELIVERED: '✕' } as const;

/** A symbol per state, so a badge is told apart without colour. */
export const STATE_ICONS: Record<DeliveryState, string> = {
  NOT_STARTED: '○',
  TESTING: '◐',
  SENT: '…',
  APPREC_OVERDUE: '!',
  REJECTED: '✕',
  INCOMPLETE: '!',
  ACCEPTED_WITH_ERRORS: '!',
  DELIVERED: '✓',
};

export function OutcomeBadge({ outcome, size = 'md' }: { outcome: SeasonOutcome; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <HelpBadge
      topic="utfall"
      code={outcome.code}
      color={OUTCOME_COLORS[outcome.code]}
      size={size}
      icon={OUTCOME_ICONS[outcome.code]}
    >
      {SEASON_OUTCOME_LABELS[outcome.code]}
    </HelpBadge>
  );
}

/** '12 arbeidsdager igjen (9 dager), frist 15.01.2026 kl. 23:59', or 'Fristen går ut i dag …'. Before the deadline only. */
export function timeLeftText(figures: DeliveryFigures): string {
  const deadline = `frist ${formatDateTime(figures.effectiveDeadline)}${figures.extensionGranted ? ' (utsatt frist)' : ''}`;
  if (figures.calendarDaysLeft <= 0) return `Fristen går ut i dag: ${deadline}`;
  const working =
    figures.workingDaysLeft === 1 ? '1 arbeidsdag' : `${formatNumber(figures.workingDaysLeft)} arbeidsdager`;
  const days = figures.calendarDaysLeft === 1 ? '1 dag' : `${formatNumber(figures.calendarDaysLeft)} dager`;
  return `${working} igjen (${days}), ${deadline}`;
}

/** The outcome in a sentence after the deadline, else the time left. */
export function deadlineText(figures: DeliveryFigures, outcome: SeasonOutcome | null): string {
  return outcome ? describeSeasonOutcome(outcome) : `${timeLeftText(figures)}.`;
}

/** The one next step: the most urgent flag's, else the state's own. */
export function nextStepOf(state: DeliveryState, flags: readonly DeliveryFlag[]): string {
  return flags[0]?.nextStep ?? DELIVERY_STATE_HELP[state].action;
}
