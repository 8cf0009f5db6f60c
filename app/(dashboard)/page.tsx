import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { statusTableParamsSchema } from '@/lib/status/rules/table-params';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { getStatusOverview } from '@/lib/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { StatusOverview } from './_components/status-overview';

export const metadata: Metadata = { title: 'Oversikt' };

/**
 * Home: FHI see every municipality; a municipal contact sees their own municipality or
 * municipalities. The data are loaded before anything streams (no Suspense): without JavaScript a
 * streamed Suspense boundary never replaces its fallback, and an unknown season must answer 404.
 */
export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const query = statusPageQuerySchema.parse(params);
  const table = statusTableParamsSchema.parse(params);
  const overview = await getStatusOverview(viewer, toStatusQuery(query, new Date()));
  if (!overview) notFound();
  return <StatusOverview overview={overview} fhi={isFhi(viewer)} query={query} table={table} />;
}
