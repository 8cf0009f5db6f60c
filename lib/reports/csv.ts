/**
 * Tables as CSV for Excel: UTF-8 with a byte-order mark, the header row first and nothing before
 * it (so any tool imports it, not only Excel), semicolons (what Excel expects in a Norwegian
 * locale), CRLF line ends, and RFC 4180 quoting (csv-stringify). Streamed row by row, so an export
 * of any length holds one row at a time. What a file is about (season, as-of, filters) is in its
 * name and, for XLSX, on a sheet of its own — never in lines above the header.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { stringify } from 'csv-stringify';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import { cellText, municipalityTable, neutraliseFormula, type Column } from './tables';

async function* csvRecords<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): AsyncGenerator<string[]> {
  yield columns.map((column) => neutraliseFormula(column.header));
  for await (const row of rows)
    yield columns.map((column) => neutraliseFormula(cellText(column.value(row), column.kind)));
}

/** A table as a stream of UTF-8 CSV, header row first; `rows` may be produced as the stream is read. */
export function csvStream<Row>(columns: readonly Column<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): Readable {
  return Readable.from(csvRecords(columns, rows)).pipe(
    stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' }),
  );
}

/** Every municipality in the report with its state, flags, dates and this week's changes. */
export async function writeWeeklyReportCsv(report: WeeklyReportContent): Promise<Buffer> {
  const { columns, rows } = municipalityTable(report);
  return buffer(csvStream(columns, rows));
}
