/**
 * What the letter's checks compare a new KPR_IPL with: the municipality's earlier production
 * deliveries. Read for the check only — nothing of it is shown to the sender — so it is not
 * narrowed to the actor's municipalities (a sending system's API key has none).
 */
import 'server-only';
import type { Actor } from '@/lib/access';
import { sql } from '@/lib/db';

export interface EarlierDeliveries {
  /** iiSysID of the latest earlier production KPR_IPL that named one. */
  epjSystem: string | null;
  /** content_summary of the previous season's latest production KPR_IPL (unparsed). */
  lastYearSummary: unknown;
}

/**
 * Both look-ups in one round trip, as a prepared statement (this runs for every KPR_IPL): the
 * latest production delivery received before `before` that named its EPJ system, and the latest
 * production delivery of the previous season.
 */
export async function readEarlierDeliveries(
  actor: Actor,
  municipalityNumber: string,
  before: Date,
  previousSeasonId: string | null,
): Promise<EarlierDeliveries> {
  const [row] = await sql(actor).query<EarlierDeliveries>(
    `SELECT
      (SELECT epj_system FROM message
        WHERE municipality_number = $1 AND type = 'KPR_IPL' AND environment = 'PRODUCTION'
          AND received_at < $2 AND epj_system IS NOT NULL
        ORDER BY received_at DESC LIMIT 1) AS "epjSystem",
      (SELECT content_summary FROM message
        WHERE municipality_number = $1 AND type = 'KPR_IPL' AND environment = 'PRODUCTION'
          AND season_id = $3::uuid AND content_summary IS NOT NULL
        ORDER BY received_at DESC LIMIT 1) AS "lastYearSummary"`,
    [municipalityNumber, before, previousSeasonId],
  );
  return row!;
}
