/**
 * AMQP-mottak: FHI's admins see how the AMQP consumer of this server process is doing — each queue's
 * connection, messages taken, stored, refused and put back, the last message, reconnects — and the
 * messages it refused (the intake errors, from the database: every process's).
 */
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/tables/data-table';
import { requireViewer } from '@/lib/access/request';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { countStoredByQueue, listIntakeErrors, transportConsumerStatus } from '@/lib/transport';
import { QUEUE_KIND_LABELS, QUEUE_STATE_LABELS, TRANSPORT_PAGE_LABELS as L } from '@/lib/transport/labels';
import styles from './page.module.css';

export const metadata: Metadata = { title: L.title };
export const dynamic = 'force-dynamic';

export default async function AmqpStatusPage() {
  const viewer = await requireViewer();
  const [errors, storedByQueue] = await Promise.all([listIntakeErrors(viewer), countStoredByQueue(viewer)]);
  if (!errors || !storedByQueue) notFound();
  const status = transportConsumerStatus();

  return (
    <>
      <Heading level={1} data-size="lg">
        {L.title}
      </Heading>
      <Paragraph>{L.intro}</Paragraph>
      {status ? (
        <>
          <dl className={styles.facts}>
            <dt>{L.state}</dt>
            <dd>{QUEUE_STATE_LABELS[status.state]}</dd>
            <dt>{L.reconnects}</dt>
            <dd>{formatNumber(status.reconnects)}</dd>
            {status.lastError && (
              <>
                <dt>{L.lastError}</dt>
                <dd>{status.lastError}</dd>
              </>
            )}
          </dl>
          <DataTable
            zebra
            scrollClassName={styles.scroll}
            caption={L.queues}
            columns={[
              L.queue,
              L.kind,
              L.state,
              L.taken,
              L.accepted,
              L.rejected,
              L.released,
              L.lastMessage,
              L.storedAll,
            ]}
          >
            {status.queues.map((queue) => (
              <TableRow key={queue.name}>
                <TableHeaderCell scope="row">
                  <code>{queue.name}</code>
                </TableHeaderCell>
                <TableCell>{QUEUE_KIND_LABELS[queue.kind]}</TableCell>
                <TableCell>{QUEUE_STATE_LABELS[queue.state]}</TableCell>
                <TableCell>{formatNumber(queue.taken)}</TableCell>
                <TableCell>{formatNumber(queue.accepted)}</TableCell>
                <TableCell>{formatNumber(queue.rejected)}</TableCell>
                <TableCell>{formatNumber(queue.released)}</TableCell>
                <TableCell>{queue.lastMessageAt ? formatDateTime(new Date(queue.lastMessageAt)) : L.none}</TableCell>
                <TableCell>{formatNumber(storedByQueue[queue.name] ?? 0)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      ) : (
        <Paragraph>{L.off}</Paragraph>
      )}
      <IntakeErrors errors={errors} />
    </>
  );
}

function IntakeErrors({ errors }: { errors: NonNullable<Awaited<ReturnType<typeof listIntakeErrors>>> }) {
  return (
    <section className={styles.section} aria-labelledby="avviste">
      <Heading level={2} data-size="md" id="avviste">
        {L.intakeErrors}
      </Heading>
      <Paragraph>{L.intakeErrorsIntro}</Paragraph>
      {errors.length === 0 ? (
        <Paragraph>{L.noIntakeErrors}</Paragraph>
      ) : (
        <DataTable
          zebra
          scrollClassName={styles.scroll}
          caption={`${L.intakeErrors} (${formatNumber(errors.length)}), nyeste først`}
          columns={[L.time, L.queue, L.messageId, L.reason, L.properties]}
        >
          {errors.map((error) => (
            <TableRow key={error.id}>
              <TableCell>{formatDateTime(error.occurredAt)}</TableCell>
              <TableCell>
                <code>{error.queue}</code>
              </TableCell>
              <TableCell>{error.messageId ? <code>{error.messageId}</code> : L.none}</TableCell>
              <TableCell>
                {error.spoofingSuspected && (
                  <>
                    <Tag data-color="danger" data-size="sm">
                      {L.spoofing}
                    </Tag>{' '}
                  </>
                )}
                {error.reason}
              </TableCell>
              <TableCell>
                <ul className={styles.properties}>
                  {Object.entries(error.applicationProperties).map(([key, value]) => (
                    <li key={key}>
                      <code>
                        {key}={String(value)}
                      </code>
                    </li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
