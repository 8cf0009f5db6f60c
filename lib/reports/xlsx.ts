/**
 * The weekly report as an Excel workbook: a summary, every municipality, and the changes. Dates
 * are real date cells on the Oslo wall clock, numbers real numbers; every sheet has a frozen header
 * row and a filter. Reproducible: no clock or random value ends up in the file.
 */
import ExcelJS from 'exceljs';
import { tzOffset } from '@date-fns/tz';
import { OSLO_TIME_ZONE } from '@/lib/core/time';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import {
  changeTable,
  dailyChangeTable,
  dailyFacts,
  keyFigureTable,
  municipalityTable,
  neutraliseFormula,
  reportFacts,
  reportTitle,
  type CellKind,
  type CellValue,
  type Fact,
  type Table,
} from './tables';
import { epjPatternTable, epjSectionIntroduction, epjSectionOfReport } from './epj-tables';

const NUMBER_FORMATS: Record<CellKind, string> = {
  text: '@',
  integer: '0',
  percent: '0.0%',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

/** Excel dates have no time zone: write the Oslo wall clock (exceljs reads a Date's UTC fields). */
function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value instanceof Date) return new Date(value.getTime() + tzOffset(OSLO_TIME_ZONE, value) * 60_000);
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** One sheet of a workbook, added by `writeWorkbook`. */
export type WorkbookSheet = (workbook: ExcelJS.Workbook) => void;

/** A sheet of `table` (frozen header row, filter), followed by `facts` as label and value after an empty row. */
export function tableSheet<Row>(name: string, table: Table<Row>, facts: readonly Fact[] = []): WorkbookSheet {
  return (workbook) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: neutraliseFormula(column.header),
      width: column.width,
      style: { numFmt: NUMBER_FORMATS[column.kind] },
    }));
    for (const row of table.rows) sheet.addRow(table.columns.map((column) => excelValue(column.value(row))));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    if (facts.length) sheet.addRow([]);
    for (const [label, value, kind] of facts) {
      const row = sheet.addRow([neutraliseFormula(label), excelValue(value)]);
      row.getCell(2).numFmt = NUMBER_FORMATS[kind];
    }
  };
}

const FACT_TABLE_COLUMNS = [
  { header: 'Opplysning', kind: 'text', width: 28, value: (fact: Fact) => fact[0] },
  { header: 'Verdi', kind: 'text', width: 60, value: (fact: Fact) => fact[1] },
] as const;

/** A sheet of facts only (label and value, each value with its own number format). */
export function factSheet(name: string, facts: readonly Fact[]): WorkbookSheet {
  return (workbook) => {
    tableSheet(name, { columns: FACT_TABLE_COLUMNS, rows: facts })(workbook);
    const sheet = workbook.getWorksheet(name)!;
    facts.forEach(([, , kind], index) => {
      sheet.getRow(index + 2).getCell(2).numFmt = NUMBER_FORMATS[kind];
    });
  };
}

/**
 * exceljs stamps every zip entry with the current time; set them all to `at` (DOS date and time,
 * UTC, in the central directory and in each local header) so the same report gives the same bytes.
 */
function stampZipEntries(zip: Buffer, at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('the workbook is not a zip file without a comment');
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = zip.readUInt16LE(end + 10); entry > 0; entry--) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('unexpected zip central directory');
    const local = zip.readUInt32LE(offset + 42);
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(date, offset + 14);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

/** A workbook of `sheets`, stamped with `at` (creation time and zip entries): the same content gives the same bytes. */
export async function writeWorkbook(title: string, at: Date, sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KPR-status, FHI';
  workbook.lastModifiedBy = 'KPR-status, FHI';
  workbook.title = title;
  workbook.created = at;
  workbook.modified = at;
  for (const sheet of sheets) sheet(workbook);
  return stampZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}

/** The EPJ patterns' sheet, when the report has the section (lib/reports/epj-tables.ts). */
function epjSheets(report: WeeklyReportContent): WorkbookSheet[] {
  const section = epjSectionOfReport(report);
  if (!section) return [];
  return [tableSheet('EPJ-mønstre', epjPatternTable(section), [['Periode', epjSectionIntroduction(section), 'text']])];
}

export function writeWeeklyReportXlsx(report: WeeklyReportContent): Promise<Buffer> {
  return writeWorkbook(reportTitle(report), new Date(report.snapshot.asOf), [
    tableSheet('Sammendrag', keyFigureTable(report), reportFacts(report)),
    tableSheet('Kommuner', municipalityTable(report)),
    tableSheet('Endringer', changeTable(report)),
    ...(report.snapshot.daily ? [tableSheet('Daglig', dailyChangeTable(report), dailyFacts(report))] : []),
    ...epjSheets(report),
  ]);
}
