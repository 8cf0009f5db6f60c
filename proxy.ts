/**
 * Runs before every page and route: gives the request an id, sets the Content Security Policy
 * with a fresh nonce, and sends people without a session cookie to the sign-in page. It is a
 * convenience, never the access check: pages, actions, routes and the data access layer check the
 * viewer themselves.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/core/env';
import { REQUEST_ID_HEADER } from '@/lib/access/rules/request-id';
import { SESSION_COOKIES } from '@/lib/access/rules/session-cookie';

/** Next.js-internal request headers a client has no business sending (some bypassed middleware in the past). */
const INTERNAL_HEADERS = [
  'x-middleware-subrequest',
  'x-middleware-prefetch',
  'x-middleware-invoke',
  'x-invoke-path',
  'x-invoke-query',
  'x-invoke-output',
  'x-matched-path',
  'x-nextjs-data',
];
// The favicon too: the sign-in page shows it before anyone is signed in.
const PUBLIC_PATHS = ['/logg-inn', '/ingen-tilgang', '/icon.svg'];
/** What this site's own pages show in a frame: the map's document (next.config.mjs: X-Frame-Options). */
const FRAMED_PATHS = ['/kart/ramme'];

function contentSecurityPolicy(nonce: string, framed: boolean): string {
  const formTargets = ["'self'", env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : ''].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    `frame-ancestors ${framed ? "'self'" : "'none'"}`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (!signedIn && !isPublic && !pathname.startsWith('/api/')) {
    const target = new URL('/logg-inn', request.url);
    if (pathname !== '/') target.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(target);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, FRAMED_PATHS.includes(pathname));
  const requestHeaders = new Headers(request.headers);
  for (const header of INTERNAL_HEADERS) requestHeaders.delete(header);
  // Never trust an id or policy the client sent.
  requestHeaders.set(REQUEST_ID_HEADER, crypto.randomUUID());
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set(REQUEST_ID_HEADER, requestHeaders.get(REQUEST_ID_HEADER)!);
  return response;
}

export const config = {
  // The ingest API (machine clients, JSON answers) makes its own request id (lib/ingest/api.ts):
  // running this for it cost about a quarter of its CPU per request. It still runs when a request
  // carries x-middleware-prefetch, which Next.js would otherwise answer `200 {}` without calling
  // the route (the authorization matrix tries it).
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico|api/v1/messages|api/v1/findings).*)' },
    { source: '/api/v1/(messages|findings)', has: [{ type: 'header', key: 'x-middleware-prefetch' }] },
  ],
};
