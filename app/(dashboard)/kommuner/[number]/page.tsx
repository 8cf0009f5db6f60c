import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getMunicipalityStatus } from '@/lib/dal/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status-query';
import { MunicipalityStatus } from './_components/municipality-status';

export const metadata: Metadata = { title: 'Kommune' };

/**
 * One municipality's season: for FHI and that municipality's contacts; anyone else gets "not found".
 * The data are loaded before anything streams (no Suspense here), so that a foreign or missing
 * municipality answers with HTTP 404, not a streamed 200 with a not-found body.
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
  const query = statusPageQuerySchema.parse(await searchParams);
  const municipality = await getMunicipalityStatus(viewer, number, toStatusQuery(query, new Date()));
  if (!municipality) notFound();
  return <MunicipalityStatus municipality={municipality} query={query} />;
}
