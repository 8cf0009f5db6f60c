/**
 * Tables as CSV for Excel: UTF-8 with a byte-order mark, one header row, semicolons (what Excel
 * expects in a Norwegian locale), CRLF line ends, and RFC 4180 quoting (csv-stringify). Streamed
 * row by row, so an export of any length holds one row at a time.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { stringify } from 'csv-stringify';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import { cellText, municipalityTable, neutraliseFormula, type Column, type Fact } from './tables';

async function* csvRecords<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  preamble: readonly Fact[],
): AsyncGenerator<string[]> {
  for (const [label, value, kind] of preamble)
    yield [neutraliseFormula(label), neutraliseFormula(cellText(value, kind))];
  if (preamble.length) yield [];
  yield columns.map((column) => neutraliseFormula(column.header));
  for await (const row of rows)
    yield columns.map((column) => neutraliseFormula(cellText(column.value(row), column.kind)));
}

/**
 * A table as a stream of UTF-8 CSV; `rows` may be produced as the stream is read. With a
 * `preamble` (what the file is about: filters, as-of), its facts come first as label;value lines,
 * then an empty line, then the header row.
 */
export function csvStream<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  preamble: readonly Fact[] = [],
): Readable {
  return Readable.from(csvRecords(columns, rows, preamble)).pipe(
    stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' }),
  );
}

/** Every municipality in the report with its state, flags, dates and this week's changes. */
export async function writeWeeklyReportCsv(report: WeeklyReportContent): Promise<Buffer> {
  const { columns, rows } = municipalityTable(report);
  return buffer(csvStream(columns, rows));
}
