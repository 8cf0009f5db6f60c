/**
 * The weekly report as a tagged PDF (PDF 1.7, Norwegian, with a title, headings, paragraphs,
 * tables with header cells, and a figure with alternative text whose data is also given as a
 * table). Reproducible: dates and the file id come from the report, never from the clock.
 */
import PDFDocument from 'pdfkit';
import type { WeeklyReportContent } from '@/lib/reports/rules/weekly-report';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/core/format';
import {
  cellText,
  changeTable,
  countyTable,
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

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 40;

/** pdfkit's table options as of 0.20 (the types lag behind): tag the table under `structParent`. */
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Parent };

function heading(doc: PDFKit.PDFDocument, parent: Parent, level: 'H1' | 'H2', text: string): void {
  doc.moveDown(level === 'H1' ? 0 : 1);
  parent.add(
    doc.struct(level, {}, () =>
      doc
        .font(BOLD)
        .fontSize(level === 'H1' ? 16 : 12)
        .text(text),
    ),
  );
  doc.moveDown(0.4);
}

function paragraph(doc: PDFKit.PDFDocument, parent: Parent, text: string): void {
  parent.add(doc.struct('P', {}, () => doc.font(FONT).fontSize(9).text(text)));
  doc.moveDown(0.4);
}

function table<Row>(doc: PDFKit.PDFDocument, parent: Parent, { columns, rows }: Table<Row>): void {
  const contentWidth = doc.page.width - 2 * MARGIN;
  const weight = columns.reduce((sum, column) => sum + column.width, 0);
  const header = columns.map((column) => ({
    text: column.header,
    type: 'TH' as const,
    scope: 'Column',
    font: { src: BOLD },
  }));
  const body = rows.map((row) => columns.map((column) => cellText(column.value(row), column.kind)));
  doc.font(FONT).fontSize(7.5);
  const options: TaggedTableOptions = {
    structParent: parent,
    position: { x: MARGIN },
    columnStyles: columns.map((column) => ({ width: (column.width / weight) * contentWidth })),
    defaultStyle: { border: 0.5, borderColor: '#8c8c8c', padding: 2 },
    data: [header, ...body],
  };
  doc.table(options);
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

/** Horizontal bars of the share delivered per county, drawn as vectors, tagged as one figure. */
function countyChart(doc: PDFKit.PDFDocument, parent: Parent, rows: readonly CountyRow[]): void {
  const barHeight = 10;
  const gap = 4;
  const labelWidth = 150;
  const barWidth = doc.page.width - 2 * MARGIN - labelWidth - 70;
  const height = rows.length * (barHeight + gap);
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  const alt = `Søylediagram: andel kommuner som har levert, per fylke. ${rows
    .map((row) => `${row.countyName}: ${formatNumber(row.delivered)} av ${formatNumber(row.total)}`)
    .join('; ')}.`;
  parent.add(
    doc.struct('Figure', { alt }, () => {
      doc.font(FONT).fontSize(7.5);
      rows.forEach((row, index) => {
        const y = top + index * (barHeight + gap);
        const share = row.total === 0 ? 0 : row.delivered / row.total;
        doc
          .fillColor('#1a1a1a')
          .text(row.countyName, MARGIN, y + 1, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
        doc.rect(MARGIN + labelWidth, y, barWidth, barHeight).fill('#e6e6e6');
        if (share > 0) doc.rect(MARGIN + labelWidth, y, barWidth * share, barHeight).fill('#1e5aa0');
        doc
          .fillColor('#1a1a1a')
          .text(formatPercent(share, 0), MARGIN + labelWidth + barWidth + 6, y + 1, { lineBreak: false });
      });
    }),
  );
  doc.x = MARGIN;
  doc.y = top + height + gap;
}

/** The EPJ patterns of the four weeks up to the report (lib/epj): a section of its own, left out when the report has none. */
function epjSection(doc: PDFKit.PDFDocument, parent: Parent, report: WeeklyReportContent): void {
  const section = epjSectionOfReport(report);
  if (!section) return;
  heading(doc, parent, 'H2', EPJ_TEXTS.reportSection);
  paragraph(doc, parent, epjSectionIntroduction(section));
  if (section.patterns.length > 0) table(doc, parent, epjPatternTable(section));
}

export async function writeWeeklyReportPdf(report: WeeklyReportContent): Promise<Buffer> {
  const asOf = new Date(report.snapshot.asOf);
  const title = reportTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nb-NO',
    displayTitle: true,
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
  heading(doc, root, 'H1', title);
  paragraph(
    doc,
    root,
    reportFacts(report)
      .map(([label, value, kind]) => `${label}: ${cellText(value, kind)}`)
      .join('. ') + '.',
  );

  heading(doc, root, 'H2', 'Nøkkeltall');
  table(doc, root, keyFigureTable(report));

  heading(doc, root, 'H2', 'Levert per fylke');
  const counties = countyTable(report);
  countyChart(doc, root, counties.rows);
  paragraph(doc, root, 'Tallene bak diagrammet:');
  table(doc, root, counties);

  heading(doc, root, 'H2', `Endringer siden ${formatDateTime(new Date(report.since))}`);
  // Municipalities still not started are counted here and listed under all municipalities.
  const changes = changeTable(report);
  const changed = changes.rows.filter((row) => row.kind !== 'NOT_STARTED');
  if (changed.length === 0) paragraph(doc, root, 'Ingen endringer.');
  else table(doc, root, { columns: changes.columns, rows: changed });
  paragraph(
    doc,
    root,
    `Fortsatt ikke startet: ${formatNumber(report.changes.stillNotStarted.length)} kommuner (se «Alle kommuner»).`,
  );

  epjSection(doc, root, report);

  heading(doc, root, 'H2', 'Alle kommuner');
  const municipalities = municipalityTable(report);
  const shown = new Set(['Kommunenummer', 'Kommune', 'Fylke', 'Status', 'Flagg', 'Frist', 'Endringer denne uken']);
  table(doc, root, {
    columns: municipalities.columns.filter((column) => shown.has(column.header)),
    rows: municipalities.rows,
  });

  root.end();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
