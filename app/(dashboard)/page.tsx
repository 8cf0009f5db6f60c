import { Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { statusTableParamsSchema } from '@/components/tables/status-table-params';
import { requireViewer } from '@/lib/auth/viewer';
import { statusPageQuerySchema } from '@/lib/status-query';
import { StatusOverview } from './_components/status-overview';

export const metadata: Metadata = { title: 'Oversikt' };

/** Home: FHI see every municipality; a municipal contact sees their own municipality or municipalities. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const query = statusPageQuerySchema.parse(params);
  const table = statusTableParamsSchema.parse(params);
  return (
    <Suspense fallback={<Paragraph>Henter status …</Paragraph>}>
      <StatusOverview viewer={viewer} query={query} table={table} />
    </Suspense>
  );
}
