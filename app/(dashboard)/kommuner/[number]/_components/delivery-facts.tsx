import type { DeliveryFigures, SeasonOutcome } from '@/lib/status/rules';
import { describeSeasonOutcome, MEASURE_LABELS } from '@/lib/status/labels';
import { timeLeftText } from '@/components/status/season-outcome';
import { formatDateTime, formatDuration, formatNumber } from '@/lib/core/format';
import facts from '@/components/status/facts.module.css';

/** 'Ja', 'Nei', or that nothing is accepted yet: whether the first accepted delivery was sent by the deadline («Levert innen fristen»). */
export function onTimeText(figures: DeliveryFigures): string {
  if (figures.deliveredOnTime === null) return 'Ingen godkjent levering ennå';
  return figures.deliveredOnTime ? 'Ja' : 'Nei';
}

/**
 * A municipality's figures for the season: deadline, time left (or, once the effective deadline
 * has passed, the outcome: no counters of a season that is over), deliveries and the first accepted one.
 */
export function DeliveryFacts({ figures, outcome }: { figures: DeliveryFigures; outcome: SeasonOutcome | null }) {
  return (
    <dl className={facts.facts}>
      <dt>Frist</dt>
      <dd>
        {formatDateTime(figures.effectiveDeadline)}
        {figures.extensionGranted ? ' (innvilget utsettelse)' : ''}
      </dd>
      {outcome ? (
        <>
          <dt>Utfall</dt>
          <dd>{describeSeasonOutcome(outcome)}</dd>
        </>
      ) : (
        <>
          <dt>Igjen</dt>
          <dd>{timeLeftText(figures)}</dd>
        </>
      )}
      <dt>Leveranser til produksjon</dt>
      <dd>{formatNumber(figures.productionDeliveries)}</dd>
      <dt>{MEASURE_LABELS.accepted}</dt>
      <dd>
        {figures.firstAcceptedAt
          ? `Sendt ${figures.firstAcceptedSentAt ? formatDateTime(figures.firstAcceptedSentAt) : '–'}, godkjent ${formatDateTime(figures.firstAcceptedAt)}` +
            (figures.timeToFirstAcceptedDeliveryMs !== null
              ? ` (${formatDuration(figures.timeToFirstAcceptedDeliveryMs)} etter åpning)`
              : '')
          : 'Ingen godkjent levering ennå'}
      </dd>
      <dt>{MEASURE_LABELS.deliveredOnTime}</dt>
      <dd>{onTimeText(figures)}</dd>
    </dl>
  );
}
