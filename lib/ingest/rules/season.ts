/**
 * Which reporting season a received document belongs to. A KPR_IPL by the data period it names
 * (and whether that period is a whole year or some days), a KPR_IDE by the KPR_IPL of its run, and
 * without either by the time of receipt. Pure: the seasons, the run's season and the extensions are
 * passed in (read by lib/ingest/data/reference.ts and lib/ingest/data/attribution.ts).
 */

export type IngestSeasonKind = 'ANNUAL' | 'DAILY';

export interface IngestSeason {
  id: string;
  key: string;
  kind: IngestSeasonKind;
  /** ISO calendar dates. */
  periodStart: string;
  periodEnd: string;
  /** When deliveries for the season open (a daily season's first day). */
  opensAt: Date;
  deadline: Date;
}

/** What the document says about its season. */
export type SeasonEvidence =
  /** A KPR_IPL's data period (iiFraDato–iiTilDato), ISO dates. */
  | { kind: 'PERIOD'; periodFrom: string; periodTo: string }
  /**
   * A KPR_IDE (it names no period): the season of its run's KPR_IPL when one is known (same sender,
   * environment and run, lib/ingest/rules/attribution.ts sameRun), and the annual seasons whose
   * deadline a granted extension moves to at or after the receipt for its municipality.
   */
  | { kind: 'IDENTITY'; runSeasonId: string | null; extendedSeasonIds: readonly string[] }
  /** Nothing but the time (the self-check's "current season"). */
  | { kind: 'NONE' };

/**
 * The season a document belongs to.
 *
 * - A KPR_IPL: the season whose period contains the whole delivery period. When an annual and a
 *   daily season both do, the period's extent decides: one that covers the annual season's whole
 *   period is the annual delivery, anything shorter (days, a catch-up week) is daily. A period no
 *   season contains whole falls back to the season containing iiFraDato, else to the receipt rule.
 * - A KPR_IDE: its run's KPR_IPL's season. Without one (the KPR_IDE came first, or alone), the
 *   receipt rule below; an annual municipality's late KPR_IDE is annual only while its granted
 *   extension runs.
 * - The receipt rule: an ANNUAL season still open at the receipt — the earliest deadline at or after
 *   it, or an extended one (test submissions in the autumn and deliveries up to the deadline count
 *   for the year being reported) — else a DAILY season open at the receipt (opensAt ≤ receipt ≤
 *   deadline), else the earliest deadline at or after the receipt, else the latest deadline. So after
 *   the annual 2025 deadline a KPR_IDE without its KPR_IPL and without an extension is a daily one:
 *   daily deliveries are then the ones arriving every day, and a late annual KPR_IDE normally comes
 *   with its KPR_IPL (same run), which decides, also when it arrives after the KPR_IDE
 *   (lib/ingest/data/attribution.ts moveRunIdentityMessages).
 */
export function resolveSeason(
  seasons: readonly IngestSeason[],
  evidence: SeasonEvidence,
  receivedAt: Date,
): IngestSeason | null {
  if (evidence.kind === 'PERIOD') {
    const byPeriod = seasonOfPeriod(seasons, evidence.periodFrom, evidence.periodTo);
    if (byPeriod) return byPeriod;
  }
  if (evidence.kind === 'IDENTITY' && evidence.runSeasonId !== null) {
    const ofRun = seasons.find((s) => s.id === evidence.runSeasonId);
    if (ofRun) return ofRun;
  }
  const extended = evidence.kind === 'IDENTITY' ? new Set(evidence.extendedSeasonIds) : new Set<string>();
  return seasonByReceipt(seasons, receivedAt, extended);
}

/** Whether a delivery period is the annual delivery of a season: it covers the season's whole period. */
export function coversWholePeriod(season: IngestSeason, periodFrom: string, periodTo: string): boolean {
  return periodFrom <= season.periodStart && season.periodEnd <= periodTo;
}

function seasonOfPeriod(seasons: readonly IngestSeason[], periodFrom: string, periodTo: string): IngestSeason | null {
  const containing = seasons.filter((s) => s.periodStart <= periodFrom && periodTo <= s.periodEnd);
  if (containing.length > 0) {
    const annual = containing.find((s) => s.kind === 'ANNUAL' && coversWholePeriod(s, periodFrom, periodTo));
    if (annual) return annual;
    return containing.find((s) => s.kind === 'DAILY') ?? containing[0]!;
  }
  return seasons.find((s) => s.periodStart <= periodFrom && periodFrom <= s.periodEnd) ?? null;
}

function seasonByReceipt(
  seasons: readonly IngestSeason[],
  receivedAt: Date,
  extended: ReadonlySet<string>,
): IngestSeason | null {
  const at = receivedAt.getTime();
  const byDeadline = [...seasons].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  const openAnnual = byDeadline.find((s) => s.kind === 'ANNUAL' && (s.deadline.getTime() >= at || extended.has(s.id)));
  if (openAnnual) return openAnnual;
  const openDaily = byDeadline.find(
    (s) => s.kind === 'DAILY' && s.opensAt.getTime() <= at && at <= s.deadline.getTime(),
  );
  if (openDaily) return openDaily;
  return byDeadline.find((s) => s.deadline.getTime() >= at) ?? byDeadline.at(-1) ?? null;
}
