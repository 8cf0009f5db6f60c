/**
 * GET /kart/ramme?<the map's query> — the map's own document (components/map/map-document.ts) for
 * the frame on the overview and on /kart: the same season, date, county and filters as the page
 * around it, as the viewer may see them. Revalidated by ETag: a browser that has the map asks only
 * whether it changed. Framed only by this site's own pages (next.config.mjs, proxy.ts).
 */
import { createHash } from 'node:crypto';
import { mapDocument } from '@/components/map/map-document';
import { getViewer } from '@/lib/access/request';
import { notFoundResponse } from '@/lib/reports';
import { queryParamsOf } from '@/lib/status/rules/query';
import { loadMap } from '../map-data';

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return notFoundResponse();
  const map = await loadMap(viewer, queryParamsOf(new URL(request.url).searchParams), new Date());
  if (!map) return notFoundResponse();
  const body = mapDocument({
    outlines: map.view.outlines,
    classes: map.classes,
    areas: map.areas,
    place: map.view.place,
  });
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache', etag };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
