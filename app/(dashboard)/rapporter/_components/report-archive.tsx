import { Heading, Link, Paragraph, TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { ReportDeliveryStatus, WeeklyReportRow } from '@/lib/reports/rules/archive';
import { formatDateTime, formatIsoDate, formatNumber, formatPercent } from '@/lib/core/format';
import styles from '../page.module.css';

const FORMATS = [
  { path: 'xlsx', label: 'Excel' },
  { path: 'csv', label: 'CSV' },
  { path: 'pdf', label: 'PDF' },
] as const;

const figure = (report: WeeklyReportRow, key: WeeklyReportRow['keyFigures'][number]['key']) =>
  report.keyFigures.find((item) => item.key === key)!;

function deliverySummary(counts: Record<ReportDeliveryStatus, number>): string {
  const parts = [
    counts.SENT && `${formatNumber(counts.SENT)} sendt`,
    counts.QUEUED && `${formatNumber(counts.QUEUED)} venter`,
    counts.FAILED && `${formatNumber(counts.FAILED)} feilet`,
    counts.SKIPPED && `${formatNumber(counts.SKIPPED)} ikke sendt (ingen endringer)`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Ingen abonnenter';
}

/** A report's files; a download, not a page: plain links (no client-side navigation or prefetch). */
function ReportDownloads({ id, week }: { id: string; week: string }) {
  return (
    <span className={styles.downloads}>
      {FORMATS.map(({ path, label }) => (
        <Link key={path} href={`/rapporter/${id}/${path}`} download aria-label={`${label}, ${week}`}>
          {label}
        </Link>
      ))}
    </span>
  );
}

/** One week's report: when it was made, its headline figures, its mail (FHI) and its files. */
function ReportRow({ report }: { report: WeeklyReportRow }) {
  const week = `Uke ${report.weekNumber} (${formatIsoDate(report.weekStart)}–${formatIsoDate(report.weekEnd)})`;
  const delivered = figure(report, 'DELIVERED');
  return (
    <TableRow>
      <TableHeaderCell scope="row">{week}</TableHeaderCell>
      <TableCell>{report.seasonName}</TableCell>
      <TableCell>{formatDateTime(report.asOf)}</TableCell>
      <TableCell>
        {formatDateTime(report.createdAt)}
        {report.replacedAt && (
          <>
            <br />
            Filene erstattet {formatDateTime(report.replacedAt)}
          </>
        )}
      </TableCell>
      <TableCell>{formatNumber(report.municipalities)}</TableCell>
      <TableCell>
        {formatNumber(delivered.count)} ({formatPercent(delivered.share)})
      </TableCell>
      <TableCell>{formatNumber(figure(report, 'NOT_STARTED').count)}</TableCell>
      <TableCell>{report.changeCount === 0 ? 'Ingen' : formatNumber(report.changeCount)}</TableCell>
      {report.deliveries && <TableCell>{deliverySummary(report.deliveries)}</TableCell>}
      <TableCell>
        <ReportDownloads id={report.id} week={week} />
      </TableCell>
    </TableRow>
  );
}

const ARCHIVE_COLUMNS = [
  'Uke',
  'Sesong',
  'Status per',
  'Laget',
  'Kommuner',
  DELIVERY_STATE_LABELS.DELIVERED,
  DELIVERY_STATE_LABELS.NOT_STARTED,
  'Endringer',
];

/** The archive of weekly reports, newest week first, with their downloads. */
export function ReportArchive({ reports, fhi }: { reports: readonly WeeklyReportRow[]; fhi: boolean }) {
  return (
    <section aria-labelledby="archive-heading">
      <Heading level={2} data-size="sm" id="archive-heading">
        Arkiv
      </Heading>
      {reports.length === 0 ? (
        <Paragraph>
          Ingen rapporter ennå. Den første lages mandag kl. 07.00
          {fhi ? ', eller nå med «Lag rapport nå» ovenfor' : ''}.
        </Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.tableWrap}
          caption={<>Ukerapporter ({formatNumber(reports.length)}), nyeste uke først</>}
          columns={[...ARCHIVE_COLUMNS, ...(fhi ? ['E-post'] : []), 'Last ned']}
        >
          {reports.map((report) => (
            <ReportRow key={report.id} report={report} />
          ))}
        </DataTable>
      )}
    </section>
  );
}
