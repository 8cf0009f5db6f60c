/**
 * The rows the overview reads, as plain SQL with the same filters and none of the engine: seasons,
 * municipalities and both seasons' events up to now. The floor bench:status measures the overview
 * page and the status API against (scripts/bench-status.ts); the app never calls it. Unprepared
 * queries on the process's pool, as any client of the database would send them.
 */
import 'server-only';
import { municipalityScope, type Actor } from '@/lib/access/rules/actor';
import { appPool } from '@/lib/db/sql';

function readEvents(seasonId: string, asOf: Date) {
  const pool = appPool();
  return Promise.all([
    pool.query(
      `SELECT msg_id, type, environment, gen_date, received_at, municipality_number_as_sent, municipality_number,
              run_number, period_from, period_to, epj_system, epj_version, content_summary
         FROM message WHERE season_id = $1 AND municipality_number IS NOT NULL AND received_at <= $2 ORDER BY received_at`,
      [seasonId, asOf],
    ),
    pool.query(
      `SELECT a.apprec_id, a.original_msg_id, a.status, a.received_at, m.municipality_number,
              COALESCE((SELECT json_agg(json_build_object('codeSystem', e.code_system, 'code', e.code, 'displayName', e.display_name,
                                                          'freeText', e.free_text) ORDER BY e.position)
                          FROM apprec_error e WHERE e.apprec_id = a.id), '[]'::json) AS errors
         FROM apprec a JOIN message m ON m.msg_id = a.original_msg_id
        WHERE m.season_id = $1 AND m.municipality_number IS NOT NULL AND m.received_at <= $2 AND a.received_at <= $2 ORDER BY a.received_at`,
      [seasonId, asOf],
    ),
    pool.query(
      `SELECT f.id, f.municipality_number, m.msg_id, f.code, f.severity, f.message, f.count, f.status, f.detected_at, f.resolved_at
         FROM finding f LEFT JOIN message m ON m.id = f.message_id
        WHERE f.season_id = $1 AND f.detected_at <= $2 ORDER BY f.detected_at`,
      [seasonId, asOf],
    ),
    pool.query(
      `SELECT id, municipality_number, requested_at, requested_deadline, status, granted_deadline, decided_at
         FROM extension_request WHERE season_id = $1 AND requested_at <= $2 ORDER BY requested_at`,
      [seasonId, asOf],
    ),
    pool.query(
      `SELECT municipality_number, created_at FROM note WHERE season_id = $1 AND kind = 'RESUBMISSION_AGREED' AND created_at <= $2`,
      [seasonId, asOf],
    ),
  ]);
}

/**
 * Reads, without deriving anything, every row the overview of all municipalities at now derives
 * from: for an actor who sees them all (the benchmark's system actor).
 */
export async function readOverviewRowsWithoutDeriving(actor: Actor): Promise<void> {
  if (!municipalityScope(actor).all) throw new Error('the overview rows of every municipality are not in this scope');
  const pool = appPool();
  const now = new Date();
  const seasons = await pool.query<{ id: string }>(
    `SELECT id FROM season WHERE kind = 'ANNUAL' ORDER BY period_end DESC LIMIT 2`,
  );
  const [current, previous] = seasons.rows.map((row) => row.id);
  await Promise.all([
    pool.query(
      'SELECT m.number, m.short_name, m.county_number, c.name FROM municipality m JOIN county c ON c.number = m.county_number ORDER BY m.number',
    ),
    pool.query('SELECT code, name, valid_from_year, valid_to_year, welfare_technology FROM service_code'),
    readEvents(current!, now),
    readEvents(previous!, now),
  ]);
}
