import { Heading, Paragraph, TableCell, TableRow, Tag } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { REPORT_DELIVERY_STATUS_LABELS } from '@/lib/reports/labels';
import type { ReportDeliveryRow, ReportDeliveryStatus } from '@/lib/reports/rules/archive';
import { formatDateTime, formatIsoDate, formatNumber } from '@/lib/core/format';
import styles from '../page.module.css';

const DELIVERY_STATUS_COLORS: Record<ReportDeliveryStatus, 'success' | 'danger' | 'warning' | 'neutral'> = {
  SENT: 'success',
  QUEUED: 'warning',
  FAILED: 'danger',
  SKIPPED: 'neutral',
};

function DeliveryRow({ delivery }: { delivery: ReportDeliveryRow }) {
  return (
    <TableRow>
      <TableCell>
        {delivery.seasonName}, uke fra {formatIsoDate(delivery.weekStart)}
      </TableCell>
      <TableCell>
        {delivery.recipientName} ({delivery.email})
      </TableCell>
      <TableCell>
        <Tag data-color={DELIVERY_STATUS_COLORS[delivery.status]} data-size="sm">
          {REPORT_DELIVERY_STATUS_LABELS[delivery.status]}
        </Tag>
      </TableCell>
      <TableCell>{formatNumber(delivery.attempts)}</TableCell>
      <TableCell>{formatDateTime(delivery.sentAt ?? delivery.createdAt)}</TableCell>
      <TableCell>
        {delivery.status === 'SKIPPED' && !delivery.lastError
          ? 'Ingen endringer siden forrige rapport.'
          : (delivery.lastError ?? '')}
      </TableCell>
    </TableRow>
  );
}

/** FHI: how the mail of the latest reports to subscribers went, newest first. */
export function ReportDeliveries({ deliveries }: { deliveries: readonly ReportDeliveryRow[] }) {
  return (
    <section aria-labelledby="deliveries-heading">
      <Heading level={2} data-size="sm" id="deliveries-heading">
        Utsending til abonnenter
      </Heading>
      {deliveries.length === 0 ? (
        <Paragraph>Ingen rapporter er sendt ennå.</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.tableWrap}
          caption={<>Siste utsendinger ({formatNumber(deliveries.length)}), nyeste først</>}
          columns={['Rapport', 'Mottaker', 'Status', 'Forsøk', 'Tidspunkt', 'Merknad']}
        >
          {deliveries.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </DataTable>
      )}
    </section>
  );
}
