import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { z } from 'zod';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { getReportSubscription, listReportDeliveries, listReportSeasons, listWeeklyReports } from '@/lib/reports';
import { previousWeekStart, weekStartOf } from '@/lib/reports/rules/weekly-report';
import { CreateReportSection } from './_components/create-report-section';
import { ReportArchive } from './_components/report-archive';
import { ReportDeliveries } from './_components/report-deliveries';
import { SubscriptionSection } from './_components/subscription-section';

export const metadata: Metadata = { title: 'Ukerapporter' };

/** `?abonnement=ja|nei`: the subscription was just started or stopped (the action redirects here). */
const pageQuerySchema = z.object({ abonnement: z.enum(['ja', 'nei']).optional().catch(undefined) });

/**
 * The weekly reports: the archive with downloads for everyone signed in (a municipal contact's
 * figures and files hold only their own municipalities); for FHI also "create now", the e-mail
 * subscription and how the mail to subscribers went.
 */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const { abonnement } = pageQuerySchema.parse(await searchParams);
  const fhi = isFhi(viewer);
  const [reports, seasons, subscription, deliveries] = await Promise.all([
    listWeeklyReports(viewer),
    listReportSeasons(viewer),
    getReportSubscription(viewer),
    fhi ? listReportDeliveries(viewer) : Promise.resolve(null),
  ]);

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
        <CreateReportSection seasons={seasons} defaultWeek={previousWeekStart(weekStartOf(new Date()))} />
      )}
      {subscription && (
        <SubscriptionSection
          subscription={subscription}
          changed={abonnement === undefined ? undefined : abonnement === 'ja'}
        />
      )}
      <ReportArchive reports={reports} fhi={fhi} />
      {deliveries && <ReportDeliveries deliveries={deliveries} />}
    </>
  );
}
