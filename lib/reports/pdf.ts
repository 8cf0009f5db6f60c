/**
 * The weekly report as a tagged PDF (PDF/UA-1 on PDF 1.7, Norwegian, with a title, headings,
 * paragraphs, tables with header cells, and a figure with alternative text whose data is also given
 * as a table), read as a document: the first page has the key figures and who needs follow-up, then
 * come the changes, the counties and every municipality. Each section is one function
 * (WEEKLY_REPORT_SECTIONS), so a section is added without touching the others.
 *
 * A4 portrait, "Side n av m" on every page, table headers repeated on every page a table runs onto
 * (as pagination artifacts: a screen reader reads the header row once), and the font (Inter, SIL
 * Open Font License, the app's own typeface) embedded as a subset of the glyphs used. Reproducible:
 * dates and the file id come from the report, never from the clock.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/core/format';
import { WEEKLY_PDF_TEXT } from './labels';
import {
  cellText,
  changeTable,
  countyTable,
  dailyChangeTable,
  dailyFacts,
  followUpTable,
  keyFigureTable,
  municipalityTable,
  reportFacts,
  reportTitle,
  type CountyRow,
  type Table,
} from './tables';
import { EPJ_TEXTS } from '@/lib/epj/labels';
import { epjPatternTable, epjSectionIntroduction, epjSectionOfReport } from './epj-tables';

type Parent = PDFKit.PDFStructureElement;
type Doc = PDFKit.PDFDocument;

/** pdfkit 0.20 options its types lag behind on: a header cell's scope, and the PDF/UA subset. */
const COLUMN_HEADER = { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions;
const PDF_UA = 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets;

/** Inter from its npm package (TrueType, which pdfkit embeds and subsets). */
const FONT_DIRECTORY = path.resolve('node_modules/@expo-google-fonts/inter');
const FONT_FILES = {
  regular: path.join(FONT_DIRECTORY, '400Regular/Inter_400Regular.ttf'),
  bold: path.join(FONT_DIRECTORY, '700Bold/Inter_700Bold.ttf'),
};
/** Fonts are named by their file: pdfkit caches a font by the name it was first opened with. */
const FONT = FONT_FILES.regular;
const BOLD = FONT_FILES.bold;

const MARGINS = { top: 44, bottom: 52, left: 40, right: 40 };
const SIZE = { title: 15, heading: 11.5, body: 9, table: 7.5, footer: 7.5 };
const CELL_PADDING = 2.5;
const COLOURS = { text: '#1a1a1a', rule: '#8c8c8c', headerFill: '#e8ecf1', barTrack: '#e6e6e6', bar: '#1e5aa0' };

/** The document being written and its structure tree's root: what every section writes into. */
export interface WeeklyPdf {
  doc: Doc;
  root: Parent;
}

/** One part of the report, written where the previous one ended. */
export type WeeklyPdfSection = (pdf: WeeklyPdf, report: WeeklyReportContent) => void;

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const pageBottom = (doc: Doc) => doc.page.height - MARGINS.bottom;

/** A new page unless nothing has been written on this one yet. */
function startOnNewPage(doc: Doc): void {
  if (doc.y > MARGINS.top + 1) doc.addPage();
}

/** A new page unless `height` still fits on this one. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** Draws what is no content (rules, fills, repeated headers, page numbers) as an artifact of `type`. */
function artifact(doc: Doc, type: 'Layout' | 'Pagination', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

function heading(pdf: WeeklyPdf, level: 'H1' | 'H2', text: string, keepWith = 60): void {
  const { doc, root } = pdf;
  const size = level === 'H1' ? SIZE.title : SIZE.heading;
  doc.font(BOLD).fontSize(size);
  if (level === 'H2') doc.moveDown(0.8);
  keepTogether(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + keepWith);
  root.add(
    doc.struct(level, {}, () =>
      doc.fillColor(COLOURS.text).text(text, MARGINS.left, doc.y, { width: contentWidth(doc) }),
    ),
  );
  doc.moveDown(0.4);
}

function paragraph({ doc, root }: WeeklyPdf, text: string): void {
  doc.font(FONT).fontSize(SIZE.body);
  keepTogether(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
  root.add(
    doc.struct('P', {}, () =>
      doc.fillColor(COLOURS.text).text(text, MARGINS.left, doc.y, { width: contentWidth(doc) }),
    ),
  );
  doc.moveDown(0.5);
}

/**
 * Column widths that fit the text, as a browser lays out a table: each column gets at least its
 * longest word and at most its widest cell (header in bold); the width between is shared in
 * proportion to what each column lacks, and any spare width in proportion to the widest cells.
 */
function columnWidths(doc: Doc, headers: readonly string[], body: readonly string[][], width: number): number[] {
  const pad = 2 * CELL_PADDING + 1;
  const measure = (index: number) => {
    let widest = 0;
    let longestWord = 0;
    const take = (text: string) => {
      widest = Math.max(widest, doc.widthOfString(text));
      for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, doc.widthOfString(word));
    };
    doc.font(BOLD).fontSize(SIZE.table);
    take(headers[index]!);
    doc.font(FONT);
    for (const cells of body) take(cells[index]!);
    return { widest: widest + pad, least: longestWord + pad };
  };
  const columns = headers.map((_, index) => measure(index));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const widest = sum(columns.map((column) => column.widest));
  if (widest <= width) return columns.map((column) => column.widest + ((width - widest) * column.widest) / widest);
  const least = sum(columns.map((column) => column.least));
  const lacking = widest - least;
  return columns.map(
    (column) => column.least + (Math.max(0, width - least) * (column.widest - column.least)) / lacking,
  );
}

/**
 * A table, tagged Table › THead › TR › TH (column scope) and TBody › TR › TD, drawn row by row; a
 * row that does not fit starts a new page, which gets the header row again as a pagination
 * artifact. No per-cell layout attributes: they doubled the file and told a reader nothing.
 */
function table<Row>({ doc, root }: WeeklyPdf, { columns, rows }: Table<Row>): void {
  const left = MARGINS.left;
  const width = contentWidth(doc);
  const headers = columns.map((column) => column.header);
  // A tab or other control character has no glyph: it would print as a box.
  const body = rows.map((row) =>
    columns.map((column) => cellText(column.value(row), column.kind).replace(/[\u0000-\u0009\u000b-\u001f]/g, ' ')),
  );
  const widths = columnWidths(doc, headers, body, width);
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, value) => sum + value, 0));
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(SIZE.table);
    const lines = cells.map((text, index) =>
      text ? doc.heightOfString(text, { width: widths[index]! - 2 * CELL_PADDING }) : 0,
    );
    return Math.max(doc.currentLineHeight(true), ...lines) + 2 * CELL_PADDING;
  };
  const writeCells = (cells: readonly string[], font: string, y: number) => (index: number) =>
    doc
      .font(font)
      .fontSize(SIZE.table)
      .fillColor(COLOURS.text)
      .text(cells[index]!, xs[index]! + CELL_PADDING, y + CELL_PADDING, {
        width: widths[index]! - 2 * CELL_PADDING,
      });
  const headerHeight = rowHeight(headers, BOLD);
  const drawHeaderBackground = (y: number) =>
    artifact(doc, 'Layout', () => {
      doc.rect(left, y, width, headerHeight).fill(COLOURS.headerFill);
      doc
        .moveTo(left, y + headerHeight)
        .lineTo(left + width, y + headerHeight)
        .lineWidth(0.6);
      doc.strokeColor(COLOURS.rule).stroke();
    });
  const repeatHeader = () => {
    const y = doc.y;
    drawHeaderBackground(y);
    artifact(doc, 'Pagination', () => headers.forEach((_, index) => writeCells(headers, BOLD, y)(index)));
    doc.y = y + headerHeight;
  };

  const tableElement = doc.struct('Table');
  root.add(tableElement);
  keepTogether(doc, headerHeight + (body[0] ? rowHeight(body[0], FONT) : 0));
  const head = doc.struct('THead');
  tableElement.add(head);
  const headerRow = doc.struct('TR');
  head.add(headerRow);
  const top = doc.y;
  drawHeaderBackground(top);
  headers.forEach((_, index) =>
    headerRow.add(doc.struct('TH', COLUMN_HEADER, () => writeCells(headers, BOLD, top)(index))),
  );
  headerRow.end();
  head.end();
  doc.y = top + headerHeight;

  const tableBody = doc.struct('TBody');
  tableElement.add(tableBody);
  for (const cells of body) {
    const height = rowHeight(cells, FONT);
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      repeatHeader();
    }
    const y = doc.y;
    const tableRow = doc.struct('TR');
    tableBody.add(tableRow);
    cells.forEach((text, index) =>
      tableRow.add(text ? doc.struct('TD', {}, () => writeCells(cells, FONT, y)(index)) : doc.struct('TD')),
    );
    tableRow.end();
    artifact(doc, 'Layout', () => {
      doc
        .moveTo(left, y + height)
        .lineTo(left + width, y + height)
        .lineWidth(0.3);
      doc.strokeColor(COLOURS.rule).stroke();
    });
    doc.y = y + height;
  }
  tableBody.end();
  tableElement.end();
  doc.x = left;
  doc.moveDown(0.6);
}

/** Horizontal bars of the share delivered per county, drawn as vectors, tagged as one figure. */
function countyChart({ doc, root }: WeeklyPdf, rows: readonly CountyRow[]): void {
  const barHeight = 10;
  const gap = 4;
  const labelWidth = 130;
  const barWidth = contentWidth(doc) - labelWidth - 50;
  const height = rows.length * (barHeight + gap);
  keepTogether(doc, height);
  const top = doc.y;
  const alt = WEEKLY_PDF_TEXT.chartAlt(
    rows.map((row) => `${row.countyName}: ${formatNumber(row.delivered)} av ${formatNumber(row.total)}`).join('; '),
  );
  root.add(
    doc.struct('Figure', { alt }, () => {
      doc.font(FONT).fontSize(SIZE.table);
      rows.forEach((row, index) => {
        const y = top + index * (barHeight + gap);
        const share = row.total === 0 ? 0 : row.delivered / row.total;
        doc.fillColor(COLOURS.text).text(row.countyName, MARGINS.left, y + 1, {
          width: labelWidth - 6,
          lineBreak: false,
          ellipsis: true,
        });
        doc.rect(MARGINS.left + labelWidth, y, barWidth, barHeight).fill(COLOURS.barTrack);
        if (share > 0) doc.rect(MARGINS.left + labelWidth, y, barWidth * share, barHeight).fill(COLOURS.bar);
        doc.fillColor(COLOURS.text).text(formatPercent(share, 0), MARGINS.left + labelWidth + barWidth + 6, y + 1, {
          lineBreak: false,
        });
      });
    }),
  );
  doc.x = MARGINS.left;
  doc.y = top + height + gap;
}

// ---------------------------------------------------------------------------------------------
// The sections, in the report's order

/** The title, what the report is about, and the key figures against the same week last season. */
const summarySection: WeeklyPdfSection = (pdf, report) => {
  heading(pdf, 'H1', reportTitle(report));
  paragraph(
    pdf,
    reportFacts(report)
      .map(([label, value, kind]) => `${label}: ${cellText(value, kind)}`)
      .join('. ') + '.',
  );
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.keyFigures);
  table(pdf, keyFigureTable(report));
};

/** Who needs follow-up: every flagged municipality once, under its most urgent flag. */
const followUpSection: WeeklyPdfSection = (pdf, report) => {
  const followUp = followUpTable(report);
  const flagged = followUp.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.followUp);
  if (flagged === 0) return paragraph(pdf, WEEKLY_PDF_TEXT.nobodyToFollowUp);
  paragraph(pdf, WEEKLY_PDF_TEXT.followUpIntro(formatNumber(flagged)));
  table(pdf, followUp);
};

/** What changed this week, one row per change; those still not started are only counted. */
const changesSection: WeeklyPdfSection = (pdf, report) => {
  startOnNewPage(pdf.doc);
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.changesSince(formatDateTime(new Date(report.since))));
  const changes = changeTable(report);
  const changed = changes.rows.filter((row) => row.kind !== 'NOT_STARTED');
  if (changed.length === 0) paragraph(pdf, WEEKLY_PDF_TEXT.noChanges);
  else table(pdf, { columns: changes.columns, rows: changed });
  paragraph(pdf, WEEKLY_PDF_TEXT.stillNotStarted(formatNumber(report.changes.stillNotStarted.length)));
};

/** The daily season's week: its figures, then who became silent, recovered, is rejected in a run or dropped in volume. */
const dailySection: WeeklyPdfSection = (pdf, report) => {
  const daily = report.snapshot.daily;
  if (!daily) return;
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.daily(daily.season.name));
  paragraph(
    pdf,
    dailyFacts(report)
      .slice(1)
      .map(([label, value, kind]) => `${label}: ${cellText(value, kind) || '–'}`)
      .join('. ') + '.',
  );
  const changes = dailyChangeTable(report);
  if (changes.rows.length === 0) paragraph(pdf, WEEKLY_PDF_TEXT.noDailyAlarms);
  else table(pdf, changes);
};

/** The share delivered per county, as a chart and as its table. */
const countySection: WeeklyPdfSection = (pdf, report) => {
  const counties = countyTable(report);
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.deliveredPerCounty, counties.rows.length * 14);
  countyChart(pdf, counties.rows);
  paragraph(pdf, WEEKLY_PDF_TEXT.chartData);
  table(pdf, counties);
};

/** EPJ patterns of the four weeks up to the report's instant: groups of senders that stand out. */
const epjSection: WeeklyPdfSection = (pdf, report) => {
  const section = epjSectionOfReport(report);
  if (!section) return;
  heading(pdf, 'H2', EPJ_TEXTS.reportSection);
  paragraph(pdf, epjSectionIntroduction(section));
  if (section.patterns.length > 0) table(pdf, epjPatternTable(section));
};

const MUNICIPALITY_COLUMNS = new Set([
  'Kommunenummer',
  'Kommune',
  'Fylke',
  'Status',
  'Flagg',
  'Frist',
  'Endringer denne uken',
]);

/** Every municipality with its state, flags, deadline and this week's changes. */
const municipalitiesSection: WeeklyPdfSection = (pdf, report) => {
  startOnNewPage(pdf.doc);
  heading(pdf, 'H2', WEEKLY_PDF_TEXT.allMunicipalities);
  const municipalities = municipalityTable(report);
  table(pdf, {
    columns: municipalities.columns.filter((column) => MUNICIPALITY_COLUMNS.has(column.header)),
    rows: municipalities.rows,
  });
};

/** The weekly report's sections, in order: the first page is the summary and who needs follow-up. */
export const WEEKLY_REPORT_SECTIONS: readonly WeeklyPdfSection[] = [
  summarySection,
  followUpSection,
  dailySection,
  changesSection,
  countySection,
  epjSection,
  municipalitiesSection,
];

/** "Side n av m" and the report's title at the foot of every page, as pagination artifacts. */
function numberPages(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin: with the margin kept, pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGINS.bottom + 18;
    const width = contentWidth(doc);
    artifact(doc, 'Pagination', () => {
      doc.font(FONT).fontSize(SIZE.footer).fillColor(COLOURS.text);
      doc.text(title, MARGINS.left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
      doc.text(WEEKLY_PDF_TEXT.page(index - start + 1, count), MARGINS.left, y, {
        width,
        align: 'right',
        lineBreak: false,
      });
    });
    doc.page.margins.bottom = MARGINS.bottom;
  }
}

export async function writeWeeklyReportPdf(report: WeeklyReportContent): Promise<Buffer> {
  const asOf = new Date(report.snapshot.asOf);
  const title = reportTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    pdfVersion: '1.7',
    subset: PDF_UA,
    tagged: true,
    lang: 'nb-NO',
    displayTitle: true,
    bufferPages: true,
    // The embedded font from the start: pdfkit's default Helvetica would be a font not embedded.
    font: FONT,
    info: {
      Title: title,
      Author: 'Folkehelseinstituttet',
      Subject: 'Status for rapporteringen til KPR per kommune og endringer siste uke',
      Creator: 'KPR-status',
      CreationDate: asOf,
      ModDate: asOf,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const section of WEEKLY_REPORT_SECTIONS) section({ doc, root }, report);
  root.end();
  numberPages(doc, title);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
