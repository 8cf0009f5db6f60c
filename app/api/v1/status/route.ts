/**
 * GET /api/v1/status?season=2025&asOf=2026-01-15 — the delivery status of every municipality in
 * the caller's scope (FHI: all; a municipal contact: their own), derived exactly as the screens do.
 * `asOf` is the end of that day in Europe/Oslo (default: now); `season` defaults to the latest
 * annual season. 400 for bad parameters, 401/403 for the caller, 404 for an unknown season.
 */
import { NextResponse } from 'next/server';
import { getStatusOverview } from '@/lib/status/data/status';
import { readStatusRequest, seasonNotFound } from '@/lib/status/api';

export async function GET(request: Request): Promise<NextResponse> {
  const read = await readStatusRequest(request);
  if (read instanceof NextResponse) return read;
  const overview = await getStatusOverview(read.viewer, read.query);
  if (!overview) return seasonNotFound();
  const { season, asOf, keyFigures, accepted, previous, rows } = overview;
  return NextResponse.json({ season, asOf, keyFigures, accepted, previous, municipalities: rows });
}
