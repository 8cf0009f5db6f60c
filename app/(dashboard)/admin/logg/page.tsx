import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { auditSearchSchema, searchAuditLog } from '@/lib/access';
import { AuditEventsTable } from './_components/audit-events-table';
import { AuditSearchForm } from './_components/audit-search-form';

export const metadata: Metadata = { title: 'Tilgangslogg' };

/** FHI admins: who has seen or done what, searched by municipality, person, action and period. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const search = auditSearchSchema.parse(await searchParams);
  const events = await searchAuditLog(viewer, search, new Date());
  if (!events) notFound();

  return (
    <>
      <Heading level={1} data-size="lg">
        Tilgangslogg
      </Heading>
      <Paragraph>Hvem har sett eller gjort hva. Loggen kan ikke endres eller slettes.</Paragraph>
      <AuditSearchForm search={search} />
      <AuditEventsTable events={events} days={search.days} />
    </>
  );
}
