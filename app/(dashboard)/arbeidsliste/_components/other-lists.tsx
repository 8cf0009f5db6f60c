/**
 * The worklist's lists besides the flagged municipalities: reminders that could not be sent, and
 * transport errors that concern no stored message.
 */
import { Heading, Paragraph, TableCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { formatDateTime, formatList, formatNumber } from '@/lib/core/format';
import { REMINDER_TRIGGER_LABELS } from '@/lib/reminders/labels';
import type { FailedReminderRow } from '@/lib/reminders/rules/reminder-log';
import type { TransportErrorRow } from '@/lib/transport';
import { TRANSPORT_ERROR_LIST_LABELS } from '@/lib/transport/labels';
import styles from '../page.module.css';

/** Reminders whose every attempt failed: FHI should reach these people another way (and check the address). */
export function FailedReminders({ reminders }: { reminders: readonly FailedReminderRow[] }) {
  return (
    <section aria-labelledby="ikke-sendt">
      <Heading level={2} data-size="sm" id="ikke-sendt">
        Påminnelser som ikke kom fram
      </Heading>
      {reminders.length === 0 ? (
        <Paragraph>Alle påminnelser på e-post er sendt.</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.scroll}
          caption="Påminnelser der alle forsøk på å sende feilet, nyeste først"
          columns={['Tid', 'Til', 'Kommuner og hva', 'Forsøk', 'Siste feil']}
        >
          {reminders.map((reminder) => (
            <TableRow key={reminder.id}>
              <TableCell className={styles.nowrap}>{formatDateTime(reminder.createdAt)}</TableCell>
              <TableCell>
                {reminder.recipientName} &lt;{reminder.email}&gt;
              </TableCell>
              <TableCell>
                {formatList(
                  reminder.items.map((item) => `${item.municipalityNumber}: ${REMINDER_TRIGGER_LABELS[item.trigger]}`),
                )}
              </TableCell>
              <TableCell>{formatNumber(reminder.attempts)}</TableCell>
              <TableCell>{reminder.lastError ?? '–'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Transport errors from the `_error` queue that concern no stored message: kept and shown, never hidden. */
export function UnlinkedTransportErrors({ errors }: { errors: readonly TransportErrorRow[] }) {
  const labels = TRANSPORT_ERROR_LIST_LABELS;
  return (
    <section aria-labelledby="transportfeil">
      <Heading level={2} data-size="sm" id="transportfeil">
        {labels.heading}
      </Heading>
      {errors.length === 0 ? (
        <Paragraph>{labels.none}</Paragraph>
      ) : (
        <DataTable zebra scrollClassName={styles.scroll} caption={labels.caption} columns={[...labels.columns]}>
          {errors.map((error) => (
            <TableRow key={error.id}>
              <TableCell className={styles.nowrap}>{formatDateTime(error.receivedAt)}</TableCell>
              <TableCell>{error.label}</TableCell>
              <TableCell>{error.originalMessageId ?? labels.noMessageId}</TableCell>
              <TableCell>{error.queue ?? '–'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
