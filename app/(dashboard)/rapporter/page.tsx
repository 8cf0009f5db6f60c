import {
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import {
  getReportSubscription,
  listReportDeliveries,
  listReportSeasons,
  listWeeklyReports,
  type WeeklyReportRow,
} from '@/lib/reports/data';
import type { ReportDeliveryStatus } from '@/lib/db/generated/enums';
import { previousWeekStart, weekStartOf } from '@/lib/reports/rules/weekly-report';
import { formatDateTime, formatIsoDate, formatNumber, formatPercent } from '@/lib/core/format';
import { CreateReportForm } from './_components/create-report-form';
import { setSubscriptionAction } from './actions';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Ukerapporter' };

const DELIVERY_LABELS: Record<
  ReportDeliveryStatus,
  { label: string; color: 'success' | 'danger' | 'warning' | 'neutral' }
> = {
  SENT: { label: 'Sendt', color: 'success' },
  QUEUED: { label: 'Venter på sending', color: 'warning' },
  FAILED: { label: 'Feilet', color: 'danger' },
  SKIPPED: { label: 'Ikke sendt', color: 'neutral' },
};

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

/**
 * The weekly reports: the archive with downloads for everyone signed in (a municipal contact's
 * figures and files hold only their own municipalities); for FHI also "create now", the e-mail
 * subscription and how the mail to subscribers went.
 */
export default async function ReportsPage() {
  const viewer = await requireViewer();
  const fhi = isFhi(viewer);
  const [reports, seasons, subscription, deliveries] = await Promise.all([
    listWeeklyReports(viewer),
    listReportSeasons(viewer),
    getReportSubscription(viewer),
    fhi ? listReportDeliveries(viewer) : Promise.resolve(null),
  ]);
  const lastWeek = previousWeekStart(weekStartOf(new Date()));

  return (
    <>
      <Heading level={1} data-size="lg">
        Ukerapporter
      </Heading>
      <Paragraph>
        Hver mandag kl. 07.00 lages en rapport om hvor alle kommunene står ved utgangen av uken før, og hva som er
        endret siden forrige rapport. Rapportene kan lastes ned som Excel, CSV og PDF.
        {!fhi && ' Rapportene du laster ned, og tallene her, gjelder bare dine kommuner.'}
      </Paragraph>

      {fhi && seasons && (
        <section aria-labelledby="create-heading">
          <Heading level={2} data-size="sm" id="create-heading">
            Lag rapport nå
          </Heading>
          <Paragraph data-size="sm">
            En uke som lages på nytt, gir de samme filene så lenge dataene for uken er de samme. Abonnentene får hver
            rapport bare én gang.
          </Paragraph>
          <CreateReportForm seasons={seasons} defaultWeek={lastWeek} />
        </section>
      )}

      {subscription && (
        <section aria-labelledby="subscription-heading">
          <Heading level={2} data-size="sm" id="subscription-heading">
            Abonnement på e-post
          </Heading>
          <div className={styles.subscription}>
            <Paragraph>
              {subscription.subscribed
                ? `Du får ukerapporten på e-post til ${subscription.email}, med Excel-filen vedlagt. Uker uten endringer sendes ikke.`
                : 'Du abonnerer ikke på ukerapporten.'}
            </Paragraph>
            <form action={setSubscriptionAction}>
              <input type="hidden" name="subscribe" value={subscription.subscribed ? 'nei' : 'ja'} />
              <Button type="submit" variant="secondary">
                {subscription.subscribed ? 'Avslutt abonnementet' : 'Abonner på ukerapporten'}
              </Button>
            </form>
          </div>
        </section>
      )}

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
          <div className={styles.tableWrap}>
            <Table zebra data-size="sm">
              <caption>Ukerapporter ({formatNumber(reports.length)}), nyeste uke først</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Uke</TableHeaderCell>
                  <TableHeaderCell scope="col">Sesong</TableHeaderCell>
                  <TableHeaderCell scope="col">Status per</TableHeaderCell>
                  <TableHeaderCell scope="col">Laget</TableHeaderCell>
                  <TableHeaderCell scope="col">Kommuner</TableHeaderCell>
                  <TableHeaderCell scope="col">Levert</TableHeaderCell>
                  <TableHeaderCell scope="col">Ikke startet</TableHeaderCell>
                  <TableHeaderCell scope="col">Endringer</TableHeaderCell>
                  {fhi && <TableHeaderCell scope="col">E-post</TableHeaderCell>}
                  <TableHeaderCell scope="col">Last ned</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {reports.map((report) => {
                  const week = `Uke ${report.weekNumber} (${formatIsoDate(report.weekStart)}–${formatIsoDate(report.weekEnd)})`;
                  const delivered = figure(report, 'delivered');
                  return (
                    <TableRow key={report.id}>
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
                      <TableCell>{formatNumber(figure(report, 'notStarted').count)}</TableCell>
                      <TableCell>{report.changeCount === 0 ? 'Ingen' : formatNumber(report.changeCount)}</TableCell>
                      {report.deliveries && <TableCell>{deliverySummary(report.deliveries)}</TableCell>}
                      <TableCell>
                        <span className={styles.downloads}>
                          {FORMATS.map(({ path, label }) => (
                            // A download, not a page: a plain link (no client-side navigation or prefetch).
                            <Link
                              key={path}
                              href={`/rapporter/${report.id}/${path}`}
                              download
                              aria-label={`${label}, ${week}`}
                            >
                              {label}
                            </Link>
                          ))}
                        </span>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {deliveries && (
        <section aria-labelledby="deliveries-heading">
          <Heading level={2} data-size="sm" id="deliveries-heading">
            Utsending til abonnenter
          </Heading>
          {deliveries.length === 0 ? (
            <Paragraph>Ingen rapporter er sendt ennå.</Paragraph>
          ) : (
            <div className={styles.tableWrap}>
              <Table zebra data-size="sm">
                <caption>Siste utsendinger ({formatNumber(deliveries.length)}), nyeste først</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell scope="col">Rapport</TableHeaderCell>
                    <TableHeaderCell scope="col">Mottaker</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Forsøk</TableHeaderCell>
                    <TableHeaderCell scope="col">Tidspunkt</TableHeaderCell>
                    <TableHeaderCell scope="col">Merknad</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {deliveries.map((delivery) => (
                    <TableRow key={delivery.id}>
                      <TableCell>
                        {delivery.seasonName}, uke fra {formatIsoDate(delivery.weekStart)}
                      </TableCell>
                      <TableCell>
                        {delivery.recipientName} ({delivery.email})
                      </TableCell>
                      <TableCell>
                        <Tag data-color={DELIVERY_LABELS[delivery.status].color} data-size="sm">
                          {DELIVERY_LABELS[delivery.status].label}
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
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
