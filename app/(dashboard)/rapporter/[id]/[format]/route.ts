/**
 * GET /rapporter/{id}/{xlsx|csv|pdf} — one file of a stored weekly report. FHI get the stored file;
 * a municipal contact gets the report of their own municipalities, rendered from the stored
 * snapshot. A report that does not exist (or a bad id or format) is 404. Every download is audited.
 */
import { getViewer } from '@/lib/access/request';
import { downloadResponse, getWeeklyReportFile, notFoundResponse } from '@/lib/reports';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return notFoundResponse();
  const { id, format } = await params;
  const file = await getWeeklyReportFile(viewer, id, format);
  return file ? downloadResponse(file) : notFoundResponse();
}
