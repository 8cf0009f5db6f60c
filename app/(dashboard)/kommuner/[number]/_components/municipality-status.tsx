import type { ReactNode } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { AsOfForm } from '@/components/filters/as-of-form';
import { PrintSummary } from '@/components/status/print-summary';
import { formatDateTime } from '@/lib/core/format';
import type { MunicipalityStatusDetail } from '@/lib/status/rules';
import type { StatusQueryParams } from '@/lib/status/rules/query';
import { ChecklistSection } from './checklist-section';
import { SeasonComparison } from './season-comparison';
import { StatusSection } from './status-section';
import { TimelineSection } from './timeline-section';
import styles from './municipality-status.module.css';

/** The page as a file, for the season and instant shown. */
function exportHref(number: string, format: 'csv' | 'xlsx', query: StatusQueryParams): string {
  const search = new URLSearchParams({
    format,
    ...(query.season && { season: query.season }),
    ...(query.asOf && { asOf: query.asOf }),
  });
  return `/kommuner/${number}/eksport?${search}`;
}

/**
 * A municipality's season: state, flags and next step, the follow-up (extension requests, notes,
 * reminders: `followUp`), checklist, this season vs last, timeline.
 */
export function MunicipalityStatus({
  municipality,
  query,
  followUp,
}: {
  municipality: MunicipalityStatusDetail;
  query: StatusQueryParams;
  followUp: ReactNode;
}) {
  return (
    <>
      <Heading level={1} data-size="lg">
        {municipality.name} ({municipality.number})
      </Heading>
      <Paragraph>
        {municipality.officialName}, {municipality.countyName}. {municipality.season.name}.
      </Paragraph>
      <PrintSummary>
        {municipality.season.name}. Status per {formatDateTime(municipality.asOf)}.
      </PrintSummary>
      <AsOfForm
        path={`/kommuner/${municipality.number}`}
        asOf={query.asOf}
        shownAt={municipality.asOf}
        keep={{ season: query.season }}
      />
      <Paragraph data-size="sm" className={styles.downloads} data-print="hide">
        <Link href={exportHref(municipality.number, 'csv', query)}>Last ned CSV</Link>
        <Link href={exportHref(municipality.number, 'xlsx', query)}>Last ned Excel</Link>
      </Paragraph>
      <StatusSection municipality={municipality} />
      {followUp}
      <ChecklistSection checklist={municipality.checklist} />
      {municipality.previous && <SeasonComparison municipality={municipality} previous={municipality.previous} />}
      <TimelineSection timeline={municipality.timeline} />
    </>
  );
}
