/**
 * GET /eksport?format=csv|xlsx&<the overview's query> — the overview table as a file: every row
 * that matches its search and filters (all pages), in its order, with its visible columns, and the
 * season, the as-of instant and the filters printed in it. The rows are filtered and sorted by the
 * same function as the screen (lib/status/rules/table.ts), within the viewer's scope. Audited.
 */
import { getViewer } from '@/lib/access/request';
import {
  auditExport,
  downloadResponse,
  exportFormatSchema,
  exportOverview,
  notFoundResponse,
  overviewExportOf,
} from '@/lib/reports';
import { isDailySeason } from '@/lib/daily';
import { getStatusOverview } from '@/lib/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';
import { statusTableParamsSchema } from '@/lib/status/rules/table-params';

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return notFoundResponse();
  const searchParams = new URL(request.url).searchParams;
  const search = Object.fromEntries(searchParams);
  const format = exportFormatSchema.safeParse(search.format);
  if (!format.success) return notFoundResponse();
  const params = statusTableParamsSchema.parse({
    ...search,
    kol: searchParams.getAll('kol').length ? searchParams.getAll('kol') : undefined,
  });
  const query = statusPageQuerySchema.parse(search);
  // The file is the annual overview's: a daily season has no deadline to count delivered on time against.
  if (await isDailySeason(viewer, query.season)) return notFoundResponse();
  const overview = await getStatusOverview(viewer, toStatusQuery(query, new Date()));
  if (!overview) return notFoundResponse();
  const overviewExport = overviewExportOf(overview, params);
  const file = await exportOverview(overviewExport, format.data);
  await auditExport(viewer, 'export.overview', {
    format: format.data,
    seasonKey: overview.season.key,
    asOf: overview.asOf.toISOString(),
    filters: {
      q: params.q ?? null,
      fylke: params.fylke ?? null,
      status: params.status ?? null,
      flagg: params.flagg ?? null,
    },
    rows: overviewExport.rows.length,
  });
  return downloadResponse(file);
}
