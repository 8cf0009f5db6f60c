/**
 * Which reporting season a received document belongs to: by the data period it names, else by
 * the time of receipt against the seasons' deadlines. Pure: the seasons are passed in (read once
 * per process by lib/ingest/data/reference.ts).
 */

export interface IngestSeason {
  id: string;
  key: string;
  /** ISO calendar dates. */
  periodStart: string;
  periodEnd: string;
  deadline: Date;
}

/**
 * The season a document belongs to. A KPR_IPL names its data period: the season whose period
 * contains iiFraDato. Otherwise (a KPR_IDE, or a period no season has) the time of receipt decides:
 * the season with the earliest deadline at or after `receivedAt` — test submissions in the autumn
 * and deliveries up to the deadline count for the year being reported — or, after every deadline
 * (late deliveries on an extension), the season with the latest deadline.
 */
export function resolveSeason(
  seasons: readonly IngestSeason[],
  periodFrom: string | null,
  receivedAt: Date,
): IngestSeason | null {
  if (periodFrom !== null) {
    const byPeriod = seasons.find((s) => s.periodStart <= periodFrom && periodFrom <= s.periodEnd);
    if (byPeriod) return byPeriod;
  }
  const byDeadline = [...seasons].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  return byDeadline.find((s) => s.deadline.getTime() >= receivedAt.getTime()) ?? byDeadline.at(-1) ?? null;
}
