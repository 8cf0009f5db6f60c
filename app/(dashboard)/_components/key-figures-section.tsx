import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { KEY_FIGURE_DEFINITIONS, KEY_FIGURE_GROUP_LABELS, keyFigureLabel, MEASURE_LABELS } from '@/lib/status/labels';
import { KEY_FIGURE_KEYS, keyFigureCount, type KeyFigureKey, type StatusOverviewSummary } from '@/lib/status/rules';
import { formatDate, formatNumber, formatPercent } from '@/lib/core/format';
import styles from './status-overview.module.css';

const GROUPS = ['state', 'measure', 'flag'] as const satisfies readonly KeyFigureKey['group'][];

/**
 * 'av 357 (84 %)'. The sentences here are written as one text each, not a text node per value:
 * the section renders on every request.
 */
const ofTotal = (count: number, total: number) =>
  `av ${formatNumber(total)} (${formatPercent(total ? count / total : 0)})`;

/** Accepted deliveries now (the measure «Godkjent levering») against the same day before the deadline last season. */
function LastSeasonComparison({ overview }: { overview: StatusOverviewSummary }) {
  const { previous, keyFigures } = overview;
  const { total } = keyFigures;
  const accepted = keyFigures.measures.accepted;
  if (!previous) return null;
  const now = `${formatNumber(accepted)} ${ofTotal(accepted, total)}`;
  const then = `${formatNumber(previous.accepted)} ${ofTotal(previous.accepted, previous.total)}`;
  return (
    <Paragraph>
      {`Sammenlignet med i fjor: ${now} har ${MEASURE_LABELS.accepted.toLowerCase()} nå. På samme dag før fristen i ${previous.season.name} (${formatDate(previous.asOf)}) gjaldt det ${then}.`}
    </Paragraph>
  );
}

function FigureGroup({ overview, group }: { overview: StatusOverviewSummary; group: KeyFigureKey['group'] }) {
  const { keyFigures } = overview;
  const { total } = keyFigures;
  const id = `nokkeltall-${group}`;
  return (
    <>
      <Heading level={3} data-size="2xs" id={id}>
        {KEY_FIGURE_GROUP_LABELS[group]}
      </Heading>
      <ul className={styles.figures} aria-labelledby={id} data-group={group}>
        {KEY_FIGURE_KEYS.filter((figure) => figure.group === group).map((figure) => {
          const count = keyFigureCount(keyFigures, figure);
          return (
            <li key={figure.key} className={styles.figure} data-key={figure.key}>
              <span className={styles.figureLabel}>{keyFigureLabel(figure)}</span>
              <span className={styles.figureValue}>{formatNumber(count)}</span>
              <span className={styles.figureShare}>{ofTotal(count, total)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The key figures (lib/status/rules/key-figures.ts): the states, which add up to the number in
 * scope; the two measures across them, with their definitions; the flags. Then last season's
 * comparison, in the same measure.
 */
export function KeyFiguresSection({ overview }: { overview: StatusOverviewSummary }) {
  const { total } = overview.keyFigures;
  return (
    <PageSection id="nokkeltall" title="Nøkkeltall">
      {GROUPS.map((group) => (
        <FigureGroup key={group} overview={overview} group={group} />
      ))}
      <Paragraph data-size="sm">
        {`Statusene blir til sammen ${formatNumber(total)}: ${KEY_FIGURE_DEFINITIONS.states} ${MEASURE_LABELS.accepted}: ${KEY_FIGURE_DEFINITIONS.measures.accepted} ${MEASURE_LABELS.deliveredOnTime}: ${KEY_FIGURE_DEFINITIONS.measures.deliveredOnTime}`}
      </Paragraph>
      <LastSeasonComparison overview={overview} />
    </PageSection>
  );
}
