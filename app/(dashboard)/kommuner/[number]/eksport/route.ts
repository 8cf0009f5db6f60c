/**
 * GET /kommuner/{number}/eksport?format=csv|xlsx&season=&asOf= — the municipality's page as a file
 * (state, flags with reason and next step, figures, checklist, timeline), with the season and the
 * instant it is as of printed in it. For FHI and that municipality's contacts; for anyone else, and
 * for a municipality that does not exist, 404 exactly like the page; 404 for a daily season too (the
 * file is the annual page's). Audited.
 */
import { getViewer } from '@/lib/access/request';
import { isDailySeason } from '@/lib/daily';
import { auditExport, downloadResponse, exportFormatSchema, exportMunicipality, notFoundResponse } from '@/lib/reports';
import { getMunicipalityStatus } from '@/lib/status';
import { statusPageQuerySchema, toStatusQuery } from '@/lib/status/rules/query';

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return notFoundResponse();
  const { number } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const format = exportFormatSchema.safeParse(search.format);
  if (!format.success) return notFoundResponse();
  const query = statusPageQuerySchema.parse(search);
  if (await isDailySeason(viewer, query.season)) return notFoundResponse();
  const municipality = await getMunicipalityStatus(viewer, number, toStatusQuery(query, new Date()));
  if (!municipality) return notFoundResponse();
  const file = await exportMunicipality(municipality, format.data);
  await auditExport(
    viewer,
    'export.municipality',
    { format: format.data, seasonKey: municipality.season.key, asOf: municipality.asOf.toISOString() },
    number,
  );
  return downloadResponse(file);
}
