import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { isDailySeason } from '@/lib/daily';
import { getMunicipalityExtensions, listMunicipalityNotes } from '@/lib/follow-up';
import { listMunicipalityReminders } from '@/lib/reminders';
import { getMunicipalityStatus } from '@/lib/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { FollowUp, ReplayNotice } from './_components/follow-up';
import { MunicipalityStatus } from './_components/municipality-status';

export const metadata: Metadata = { title: 'Kommune' };

/** `?soknad=<id>` or `?trukket=<id>`: the request the contact just sent or asked to withdraw (the actions redirect here). */
const extensionChangeSchema = z.object({
  soknad: z.uuid().optional().catch(undefined),
  trukket: z.uuid().optional().catch(undefined),
});

/**
 * One municipality's season: for FHI and that municipality's contacts; anyone else gets "not found".
 * The data are loaded before anything streams (no Suspense here), so that a foreign or missing
 * municipality answers with HTTP 404, not a streamed 200 with a not-found body. The follow-up
 * (extension requests, notes, reminders) is as it stands now, whatever date the status replays.
 * A replay (`asOf`) shows the status of then and offers no actions: no follow-up forms.
 * A daily season has no deadline to be on time for: it is sent to its own view (…/daglig), asOf kept.
 */
export default async function MunicipalityPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const { number } = await params;
  const search = await searchParams;
  const query = statusPageQuerySchema.parse(search);
  const changed = extensionChangeSchema.parse(search);
  if (await isDailySeason(viewer, query.season)) {
    const search = new URLSearchParams({ season: query.season!, ...(query.asOf && { asOf: query.asOf }) });
    redirect(`/kommuner/${encodeURIComponent(number)}/daglig?${search}`);
  }
  const municipality = await getMunicipalityStatus(viewer, number, toStatusQuery(query, new Date()));
  if (!municipality) notFound();
  // A replay shows the past: no forms, no actions (and no follow-up of today beside a status of then).
  if (query.asOf) return <MunicipalityStatus municipality={municipality} query={query} followUp={<ReplayNotice />} />;
  const seasonKey = municipality.season.key;
  const [extensions, notes, reminders] = await Promise.all([
    getMunicipalityExtensions(viewer, number, { seasonKey }),
    listMunicipalityNotes(viewer, number, { seasonKey }),
    listMunicipalityReminders(viewer, number, { seasonKey }),
  ]);
  if (!extensions || !notes || !reminders) notFound();
  return (
    <MunicipalityStatus
      municipality={municipality}
      query={query}
      followUp={
        <FollowUp
          number={number}
          extensions={extensions}
          notes={notes}
          reminders={reminders}
          fhi={isFhi(viewer)}
          changed={changed}
        />
      }
    />
  );
}
