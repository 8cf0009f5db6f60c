/**
 * What the status API routes share: authenticate the caller (session or API key with READ scope)
 * and read `season` and `asOf` from the query string, or answer with the API's error shape.
 */
import 'server-only';
import type { NextResponse } from 'next/server';
import { apiError, authenticateApiRequest, type ApiErrorBody } from '@/lib/access/api-auth';
import type { Viewer } from '@/lib/access/rules/actor';
import type { StatusQuery } from '@/lib/status/data/status';
import { statusQuerySchema, toStatusQuery } from '@/lib/status/query';

export async function readStatusRequest(
  request: Request,
): Promise<{ viewer: Viewer; query: StatusQuery } | NextResponse<ApiErrorBody>> {
  const viewer = await authenticateApiRequest(request, 'READ');
  if (!('role' in viewer)) return viewer;
  const params = statusQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) {
    return apiError(400, 'INVALID_QUERY', params.error.issues.map((issue) => issue.message).join('; '));
  }
  return { viewer, query: toStatusQuery(params.data, new Date()) };
}

export function seasonNotFound(): NextResponse<ApiErrorBody> {
  return apiError(404, 'SEASON_NOT_FOUND', 'No such season.');
}
