import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvStream } from './csv';
import { neutraliseFormula, type Column } from './tables';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+47 22 00 00 00', "'+47 22 00 00 00"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Oslo', 'Oslo'],
    ['a=b', 'a=b'],
    ['', ''],
    ['\u22121', '\u22121'],
  ])('%j → %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

interface Row {
  text: string;
  at: Date | null;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Tekst', kind: 'text', width: 10, value: (row) => row.text },
  { header: 'Tidspunkt', kind: 'datetime', width: 10, value: (row) => row.at },
];

describe('csvStream', () => {
  it('quotes after RFC 4180 and reads back unchanged, with a BOM and CRLF line ends', async () => {
    const texts = ['vanlig', 'med;semikolon', 'med "sitat"', 'to\nlinjer', 'vogn\rretur', 'æøå ÆØÅ', '=1+1'];
    async function* rows() {
      for (const text of texts) yield { text, at: new Date('2026-01-15T22:59:59.999Z') };
      yield { text: 'tom', at: null };
    }
    const csv = await buffer(csvStream(COLUMNS, rows()));
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toContain('"med ""sitat"""');
    expect(csv.toString('utf8').endsWith('tom;\r\n')).toBe(true);
    const records: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(records).toEqual([
      ['Tekst', 'Tidspunkt'],
      ...texts.map((text) => [neutraliseFormula(text), '15.01.2026 kl. 23:59']),
      ['tom', ''],
    ]);
  });
});
