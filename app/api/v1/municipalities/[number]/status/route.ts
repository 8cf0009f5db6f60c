/**
 * GET /api/v1/municipalities/{number}/status?season=2025&asOf=2026-01-15 — one municipality's
 * status, flags, checklist, timeline and last season, derived exactly as its page does. A
 * municipality outside the caller's scope is answered exactly like one that does not exist (404).
 */
import { NextResponse } from 'next/server';
import { apiError } from '@/lib/access/request';
import { getMunicipalityStatus } from '@/lib/status/data/status';
import { readStatusRequest } from '@/lib/status/api';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ number: string }> },
): Promise<NextResponse> {
  const read = await readStatusRequest(request);
  if (read instanceof NextResponse) return read;
  const { number } = await params;
  const status = await getMunicipalityStatus(read.viewer, number, read.query);
  if (!status) return apiError(404, 'NOT_FOUND', 'No such municipality or season.');
  return NextResponse.json(status);
}
