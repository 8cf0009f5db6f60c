import { TableCell, TableRow } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import type { TimelineEntry } from '@/lib/status/rules';
import { timelineEntryText } from '@/lib/status/rules/timeline-text';
import { formatDateTime } from '@/lib/core/format';
import styles from './municipality-status.module.css';

/** One event of the timeline: when, what, and its details (an Apprec's errors one per line). */
function TimelineRow({ entry }: { entry: TimelineEntry }) {
  const { event, detail, errors } = timelineEntryText(entry);
  return (
    <TableRow>
      <TableCell className={styles.nowrap}>{formatDateTime(entry.at)}</TableCell>
      <TableCell>{event}</TableCell>
      <TableCell className={styles.details}>
        {detail || '–'}
        {errors.length > 0 && (
          <ul className={styles.errors}>
            {errors.map((error, errorIndex) => (
              <li key={errorIndex}>{error}</li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}

/** Every message, Apprec, finding and extension of the season, newest first. */
export function TimelineSection({ timeline }: { timeline: readonly TimelineEntry[] }) {
  return (
    <PageSection id="tidslinje" title="Tidslinje">
      <DataTable
        zebra
        scrollClassName={styles.scroll}
        className={styles.timeline}
        caption="Alle meldinger, Apprec, funn og utsettelser, nyeste først"
        columns={['Tid', 'Hendelse', 'Detaljer']}
      >
        {timeline.length === 0 && (
          <TableRow>
            <TableCell colSpan={3}>Ingenting mottatt ennå.</TableCell>
          </TableRow>
        )}
        {timeline.map((entry, index) => (
          <TimelineRow key={index} entry={entry} />
        ))}
      </DataTable>
    </PageSection>
  );
}
