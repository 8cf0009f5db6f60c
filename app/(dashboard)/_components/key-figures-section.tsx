import { Paragraph } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { STATUS_KEY_FIGURE_LABELS } from '@/lib/status/labels';
import type { StatusOverviewSummary } from '@/lib/status/rules';
import { formatDate, formatNumber, formatPercent } from '@/lib/core/format';
import styles from './status-overview.module.css';

const KEY_FIGURES = Object.keys(STATUS_KEY_FIGURE_LABELS) as (keyof typeof STATUS_KEY_FIGURE_LABELS)[];

/** Accepted deliveries now against the same day before the deadline last season. */
function LastSeasonComparison({ overview }: { overview: StatusOverviewSummary }) {
  const { previous } = overview;
  const total = overview.keyFigures.total;
  if (!previous) return null;
  return (
    <Paragraph>
      Sammenlignet med i fjor: {formatNumber(overview.accepted)} av {formatNumber(total)} (
      {formatPercent(total ? overview.accepted / total : 0)}) har godkjent levering nå. På samme dag før fristen i{' '}
      {previous.season.name} ({formatDate(previous.asOf)}) gjaldt det {formatNumber(previous.accepted)} (
      {formatPercent(total ? previous.accepted / total : 0)}).
    </Paragraph>
  );
}

/** The key figures, each as a count and a share of the municipalities in scope, and last season's comparison. */
export function KeyFiguresSection({ overview }: { overview: StatusOverviewSummary }) {
  const { keyFigures } = overview;
  const total = keyFigures.total;
  return (
    <PageSection id="nokkeltall" title="Nøkkeltall">
      <ul className={styles.figures}>
        {KEY_FIGURES.map((key) => (
          <li key={key} className={styles.figure}>
            <span className={styles.figureLabel}>{STATUS_KEY_FIGURE_LABELS[key]}</span>
            <span className={styles.figureValue}>{formatNumber(keyFigures[key])}</span>
            <span className={styles.figureShare}>
              av {formatNumber(total)} ({formatPercent(total ? keyFigures[key] / total : 0)})
            </span>
          </li>
        ))}
      </ul>
      <LastSeasonComparison overview={overview} />
    </PageSection>
  );
}
