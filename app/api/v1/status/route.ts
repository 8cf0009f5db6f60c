/**
 * GET /api/v1/status?season=2025&asOf=2026-01-15 — the delivery status of every municipality in
 * the caller's scope (FHI: all; a municipal contact: their own), derived exactly as the screens do.
 * `asOf` is the end of that day in Europe/Oslo (default: now); `season` defaults to the latest
 * annual season. A daily season (`season=2026-daglig`) answers the daily shape instead (README
 * "API": state, flags, days since the last accepted delivery, streak and rate counts per
 * municipality, county and nationally). 400 for bad parameters, 401/403 for the caller, 404 for an
 * unknown season.
 */
import { NextResponse } from 'next/server';
import { apiError, authenticateApiRequest } from '@/lib/access/request';
import { getDailyOverview } from '@/lib/daily';
import { getStatusOverview } from '@/lib/status';
import { statusApiQuery } from '@/lib/status/rules/query';

export async function GET(request: Request): Promise<NextResponse> {
  const viewer = await authenticateApiRequest(request, 'READ');
  if (viewer instanceof NextResponse) return viewer;
  const read = statusApiQuery(request.url, new Date());
  if ('problem' in read) return apiError(400, 'INVALID_QUERY', read.problem);
  const { seasonKey, asOf: at } = read.query;
  const daily = seasonKey ? await getDailyOverview(viewer, { seasonKey, asOf: at }) : null;
  if (daily) {
    const { season, asOf, national, counties, rows } = daily;
    return NextResponse.json({ season, asOf, national, counties, municipalities: rows });
  }
  const overview = await getStatusOverview(viewer, read.query);
  if (!overview) return apiError(404, 'SEASON_NOT_FOUND', 'No such season.');
  const { season, asOf, keyFigures, previous, rows } = overview;
  return NextResponse.json({
    season,
    asOf,
    keyFigures,
    accepted: keyFigures.measures.accepted,
    previous,
    municipalities: rows,
  });
}
