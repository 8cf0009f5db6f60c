import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Confirmation } from '@/components/ui/confirmation';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { isDailySeason } from '@/lib/daily';
import { listExtensionRequests } from '@/lib/follow-up';
import { z } from 'zod';
import { EXTENSION_DECIDED_MESSAGES } from '@/lib/follow-up/labels';
import {
  grantDateBounds,
  type ExtensionListSummary,
  type ExtensionRequestRow,
} from '@/lib/follow-up/rules/extension-requests';
import { countOf } from '@/lib/status/rules/texts';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { statusPageQuerySchema } from '@/lib/status/rules/query';
import { ClosedRequests } from './_components/closed-requests';
import { PendingRequests } from './_components/pending-requests';

export const metadata: Metadata = { title: 'Fristsøknader' };

/** What was just decided (the request the list came back from deciding), said as a confirmation. */
function decidedMessage(request: ExtensionRequestRow | undefined): string | null {
  if (request?.status === 'GRANTED')
    return EXTENSION_DECIDED_MESSAGES.GRANTED(
      request.municipalityName,
      formatDateTime(request.grantedDeadline ?? request.requestedDeadline),
    );
  if (request?.status === 'DENIED') return EXTENSION_DECIDED_MESSAGES.DENIED(request.municipalityName);
  return null;
}

function ExtensionRequests({ list, now, decided }: { list: ExtensionListSummary; now: Date; decided?: string }) {
  const { season, pending, closed } = list;
  const late = pending.filter((request) => request.needsFhiAttention).length;
  return (
    <>
      <Heading level={1} data-size="lg">
        Fristsøknader – {season.name}
      </Heading>
      <Paragraph>
        {pending.length === 0
          ? 'Ingen søknader om utsatt frist venter.'
          : `${countOf(pending.length, 'søknad', 'søknader')} om utsatt frist venter, den eldste først. ` +
            `${formatNumber(late)} har ventet mer enn ${countOf(season.extensionPendingAlertWorkingDays, 'arbeidsdag', 'arbeidsdager')} og bør avgjøres nå.`}{' '}
        Fristen for {season.name} er {formatDateTime(season.deadline)}.
      </Paragraph>
      <Confirmation>
        {decidedMessage(decided ? closed.find((request) => request.id === decided) : undefined)}
      </Confirmation>
      <PendingRequests pending={pending} dateBounds={grantDateBounds(now, season.deadline)} />
      <ClosedRequests closed={closed} />
    </>
  );
}

/**
 * FHI's extension requests: the pending ones first (oldest first, how long each has waited, and a
 * mark when longer than the season's alert threshold), each with its decision form; then the
 * decided and withdrawn ones. Anyone else: not found.
 */
export default async function ExtensionRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const params = await searchParams;
  const query = statusPageQuerySchema.parse(params);
  const decided = z.uuid().safeParse(params.avgjort).data;
  // Extensions are for annual deadlines: a daily season has none, so the page shows the annual one.
  if (await isDailySeason(viewer, query.season)) redirect('/fristsoknader');
  const now = new Date();
  const list = await listExtensionRequests(viewer, { seasonKey: query.season }, now);
  if (!list) notFound();
  return <ExtensionRequests list={list} now={now} decided={decided} />;
}
