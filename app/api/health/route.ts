/** GET /api/health — 200 while the server answers; touches nothing (a baseline for load tests and probes). */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
