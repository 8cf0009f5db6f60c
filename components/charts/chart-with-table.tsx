/**
 * A chart drawn for the eye (an image described by its label), its legend and a sentence on what it
 * shows as the figure's caption, followed by the same numbers as a table behind «Vis tallene som
 * tabell», the chart's alternative.
 */
import { Details, DetailsContent, DetailsSummary } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Legend, type LegendItem } from '@/components/graphics/patterns';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import styles from './chart.module.css';

export function ChartWithTable({
  className,
  label,
  plot,
  legend,
  description,
  children,
}: {
  /** The plot's box (its size). */
  className?: string;
  /** Describes the chart for screen readers; the data are in the table. */
  label: string;
  plot: ReactNode;
  /** The legend's entries, in the order the plot draws its series. */
  legend: readonly LegendItem[];
  /** What the short legend names stand for, and how to read the chart. */
  description: string;
  /** The table. */
  children: ReactNode;
}) {
  return (
    <>
      <figure className={styles.figure}>
        <div className={className} role="img" aria-label={label}>
          {plot}
        </div>
        <figcaption>
          <Legend label={CHART_WORDS.legend} items={legend} />
          <p className={styles.description}>{description}</p>
        </figcaption>
      </figure>
      <Details>
        <DetailsSummary>{CHART_WORDS.asTable}</DetailsSummary>
        <DetailsContent>{children}</DetailsContent>
      </Details>
    </>
  );
}
