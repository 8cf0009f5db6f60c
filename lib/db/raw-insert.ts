/**
 * Rows inserted straight through `pg`, one transaction per unit over a number of connections: the
 * floor a benchmark sets the app's own writes against (bench:ingest). Rows are by column name, as
 * read; tables and columns come from the caller, never from input.
 */
import pg from 'pg';

/** One unit of work: rows for one or more tables, committed together. */
export type RawInsertUnit = readonly (readonly [table: string, rows: readonly Record<string, unknown>[]])[];

/** Inserts every unit into the database at `url` (each in a transaction of its own, conflicts skipped). */
export async function insertUnitsRaw(url: string, units: readonly RawInsertUnit[], connections: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const connection = await pool.connect();
        try {
          for (let index = next++; index < units.length; index = next++) {
            await connection.query('BEGIN');
            for (const [table, rows] of units[index]!) {
              if (rows.length === 0) continue;
              await connection.query(
                `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json) ON CONFLICT DO NOTHING`,
                [JSON.stringify(rows)],
              );
            }
            await connection.query('COMMIT');
          }
        } finally {
          connection.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
}
