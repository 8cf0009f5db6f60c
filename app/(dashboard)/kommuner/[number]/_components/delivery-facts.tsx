import { MEASURE_LABELS } from '@/lib/status/labels';
import type { DeliveryFigures } from '@/lib/status/rules';
import { formatDateTime, formatDuration, formatNumber } from '@/lib/core/format';
import facts from '@/components/status/facts.module.css';

/** 'Ja', 'Nei', or that nothing is accepted yet: whether the first accepted delivery was sent by the deadline («Levert innen fristen»). */
export function onTimeText(figures: DeliveryFigures): string {
  if (figures.deliveredOnTime === null) return 'Ingen godkjent levering ennå';
  return figures.deliveredOnTime ? 'Ja' : 'Nei';
}

/** A municipality's figures for the season: deadline, time left, deliveries and the first accepted one. */
export function DeliveryFacts({ figures }: { figures: DeliveryFigures }) {
  return (
    <dl className={facts.facts}>
      <dt>Frist</dt>
      <dd>
        {formatDateTime(figures.effectiveDeadline)}
        {figures.extensionGranted ? ' (innvilget utsettelse)' : ''}
      </dd>
      <dt>Igjen</dt>
      <dd>
        {figures.calendarDaysLeft >= 0
          ? `${formatNumber(figures.calendarDaysLeft)} dager, ${formatNumber(figures.workingDaysLeft)} arbeidsdager`
          : `Fristen gikk ut for ${formatNumber(-figures.calendarDaysLeft)} dager siden`}
      </dd>
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
