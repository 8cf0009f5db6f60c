import { Paragraph, TableCell, TableRow, Tag } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import { formatDateTime, formatList, formatNumber } from '@/lib/core/format';
import { REMINDER_STATUS_LABELS, REMINDER_TRIGGER_LABELS, REMINDERS_IN_REPLAY } from '@/lib/reminders/labels';
import type { MunicipalityReminderRow } from '@/lib/reminders/rules/reminder-log';
import styles from './follow-up.module.css';

const REMINDER_STATUS_COLORS = { QUEUED: 'warning', SENT: 'success', FAILED: 'danger' } as const;

/**
 * The reminders mailed about a municipality in a season, newest first: to whom (with the address
 * and the last error for FHI only), about what, and how far each got. The annual page lists the
 * annual season's (deadline, Apprec, extension decided), the daily page the daily season's
 * (silent, rejected several times in a row, volume drop).
 */
export function RemindersSection({
  reminders,
  fhi,
  intro,
}: {
  /** Null on a replayed page: the log is as it stands now, so the page says where to see it. */
  reminders: readonly MunicipalityReminderRow[] | null;
  fhi: boolean;
  /** What the season's reminders are about, above the log. */
  intro?: string;
}) {
  return (
    <PageSection id="paminnelser" title="Påminnelser på e-post">
      {intro && <Paragraph data-size="sm">{intro}</Paragraph>}
      {reminders === null ? (
        <Paragraph>{REMINDERS_IN_REPLAY}</Paragraph>
      ) : reminders.length === 0 ? (
        <Paragraph>Ingen påminnelser er sendt om kommunen.</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.scroll}
          caption="Påminnelser til kommunens kontaktpersoner, nyeste først"
          columns={['Tid', 'Til', 'Om', 'Emne', 'Status', 'Forsøk', ...(fhi ? ['Siste feil'] : [])]}
        >
          {reminders.map((reminder) => (
            <TableRow key={reminder.id}>
              <TableCell className={styles.nowrap}>{formatDateTime(reminder.createdAt)}</TableCell>
              <TableCell>
                {reminder.recipientName}
                {reminder.email ? ` <${reminder.email}>` : ''}
              </TableCell>
              <TableCell>{formatList(reminder.items.map((item) => REMINDER_TRIGGER_LABELS[item.trigger]))}</TableCell>
              <TableCell>{reminder.subject}</TableCell>
              <TableCell>
                <Tag data-color={REMINDER_STATUS_COLORS[reminder.status]} data-size="sm">
                  {REMINDER_STATUS_LABELS[reminder.status]}
                </Tag>
                {reminder.sentAt ? ` ${formatDateTime(reminder.sentAt)}` : ''}
              </TableCell>
              <TableCell>{formatNumber(reminder.attempts)}</TableCell>
              {fhi && <TableCell>{reminder.lastError ?? '–'}</TableCell>}
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageSection>
  );
}
