/**
 * Who is calling an API route: a signed-in person (session cookie) or a machine client
 * (`Authorization: Bearer <api key>`). Route handlers call this themselves (through
 * lib/access/request.ts); errors come back in the API's error shape.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import type { ApiKeyScope } from './api-keys';
import { checkApiKey } from './data/api-key-check';
import { systemActor, type Viewer } from './rules/actor';
import { getRequestId, getViewer } from './viewer';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export function apiError(
  status: number,
  code: string,
  message: string,
  headers?: HeadersInit,
): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/**
 * The caller, or the 401/403 response to send. A session counts for READ only; INGEST needs a key.
 * `requestId` is for routes proxy.ts does not run for (it gives every other request its id).
 */
export async function authenticateApiRequest(
  request: Request,
  scope: ApiKeyScope,
  requestId?: string,
): Promise<Viewer | NextResponse<ApiErrorBody>> {
  const authorization = request.headers.get('authorization');
  requestId ??= await getRequestId();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1])
      return apiError(401, 'UNAUTHENTICATED', 'Use "Authorization: Bearer <api key>".', {
        'WWW-Authenticate': 'Bearer',
      });
    const result = await checkApiKey(systemActor('sign-in'), match[1], scope, requestId, new Date());
    return result.ok
      ? result.viewer
      : apiError(result.status, result.code, result.message, { 'WWW-Authenticate': 'Bearer' });
  }
  const viewer = scope === 'READ' ? await getViewer() : null;
  return (
    viewer ??
    apiError(401, 'UNAUTHENTICATED', 'Sign in, or send "Authorization: Bearer <api key>".', {
      'WWW-Authenticate': 'Bearer',
    })
  );
}
