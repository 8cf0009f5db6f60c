/**
 * A chart drawn for the eye (an image described by its label) followed by the same numbers as a
 * table behind «Vis tallene som tabell», the chart's alternative.
 */
import { Details, DetailsContent, DetailsSummary } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export function ChartWithTable({
  className,
  label,
  plot,
  children,
}: {
  /** The plot's box (its size). */
  className?: string;
  /** Describes the chart for screen readers; the data are in the table. */
  label: string;
  plot: ReactNode;
  /** The table. */
  children: ReactNode;
}) {
  return (
    <>
      <div className={className} role="img" aria-label={label}>
        {plot}
      </div>
      <Details>
        <DetailsSummary>Vis tallene som tabell</DetailsSummary>
        <DetailsContent>{children}</DetailsContent>
      </Details>
    </>
  );
}
