/**
 * Tables as CSV for Excel: UTF-8 with a byte-order mark, one header row, semicolons (what Excel
 * expects in a Norwegian locale), CRLF line ends, and RFC 4180 quoting. Streamed row by row, so an
 * export of any length holds one row at a time.
 *
 * Written here because `csv-stringify` (the `csv` project's writer) is not installed; it is the
 * one place to swap for it.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { WeeklyReportContent } from '@/lib/domain/weekly-report';
import { cellText, municipalityTable, neutraliseFormula, type Column } from './tables';

const DELIMITER = ';';
const NEEDS_QUOTES = /[";\r\n]/;

function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(DELIMITER)}\r\n`;
}

async function* csvLines<Row>(columns: readonly Column<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(columns.map((column) => column.header))}`;
  for await (const row of rows) yield csvLine(columns.map((column) => cellText(column.value(row), column.kind)));
}

/** A table as a stream of UTF-8 CSV; `rows` may be produced as the stream is read. */
export function csvStream<Row>(columns: readonly Column<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): Readable {
  return Readable.from(csvLines(columns, rows), { objectMode: false });
}

/** Every municipality in the report with its state, flags, dates and this week's changes. */
export async function writeWeeklyReportCsv(report: WeeklyReportContent): Promise<Buffer> {
  const { columns, rows } = municipalityTable(report);
  return buffer(csvStream(columns, rows));
}
