/**
 * GET /api/v1/municipalities/{number}/status?season=2025&asOf=2026-01-15 — one municipality's
 * status, flags, checklist, timeline and last season, derived exactly as its page does. A
 * municipality outside the caller's scope is answered exactly like one that does not exist (404).
 * A daily season answers its daily state and calendar (README "API").
 */
import { NextResponse } from 'next/server';
import { apiError, authenticateApiRequest } from '@/lib/access/request';
import { getDailyMunicipality, listSeasons } from '@/lib/daily';
import { getMunicipalityStatus } from '@/lib/status';
import { statusApiQuery } from '@/lib/status/rules/query';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ number: string }> },
): Promise<NextResponse> {
  const viewer = await authenticateApiRequest(request, 'READ');
  if (viewer instanceof NextResponse) return viewer;
  const read = statusApiQuery(request.url, new Date());
  if ('problem' in read) return apiError(400, 'INVALID_QUERY', read.problem);
  const { number } = await params;
  const { seasonKey, asOf } = read.query;
  const seasons = seasonKey ? await listSeasons(viewer) : [];
  if (seasons.some((season) => season.key === seasonKey && season.kind === 'DAILY')) {
    const daily = await getDailyMunicipality(viewer, number, { seasonKey: seasonKey!, asOf });
    if (!daily) return apiError(404, 'NOT_FOUND', 'No such municipality or season.');
    return NextResponse.json(daily);
  }
  const status = await getMunicipalityStatus(viewer, number, read.query);
  if (!status) return apiError(404, 'NOT_FOUND', 'No such municipality or season.');
  return NextResponse.json(status);
}
