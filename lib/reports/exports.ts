/**
 * Exports of what a person sees: a municipality's page and the overview table (with its filters),
 * as CSV or XLSX. Each file says what it holds: the season, the instant the status is as of and,
 * for the overview, the search, filters and sort applied — XLSX on a sheet of its own, CSV in its
 * file name only (a CSV starts with its header row, so every tool imports it). The same tables go
 * into both formats (XLSX with real dates and numbers; CSV streamed, with a BOM, the text of
 * lib/core/format).
 *
 * The municipality scope is not decided here: an export renders what the status door
 * (getMunicipalityStatus, getStatusOverview in lib/status/data/status.ts) returned for the viewer,
 * which scopes every read with municipalityScope (lib/access/rules/actor.ts); a stored weekly
 * report is cut to the viewer's scope in data/archive.ts.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { osloDate } from '@/lib/core/calendar';
import {
  CHECKLIST_STATUS_LABELS,
  DELIVERY_STATE_LABELS,
  describeSeasonOutcome,
  FLAG_LABELS,
  SEASON_OUTCOME_LABELS,
  STATUS_CELL_LABELS,
  STATUS_COLUMN_LABELS,
} from '@/lib/status/labels';
import { seasonOutcome, type MunicipalityStatusDetail, type StatusOverviewSummary } from '@/lib/status/rules';
import {
  statusTableModel,
  toStatusTableRow,
  visibleStatusColumns,
  type StatusTableRow,
  type StatusTableSort,
} from '@/lib/status/rules/table';
import type { StatusColumnId, StatusTableParams } from '@/lib/status/rules/table-params';
import { timelineEntryText } from '@/lib/status/rules/timeline-text';
import { csvStream } from './csv';
import { yesNo, type Column, type Fact, type Table } from './tables';
import { factSheet, tableSheet, writeWorkbook } from './xlsx';

/** `format=csv|xlsx`; CSV when absent. */
export const exportFormatSchema = z.enum(['csv', 'xlsx']).default('csv');
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** XLSX is written whole (a few hundred rows at most); CSV streams. */
  body: Buffer | Readable;
}

const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `Content-Disposition` for a download, with an ASCII fallback name and the UTF-8 one. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** What a download answers for anything the viewer may not see, or that does not exist (the same). */
export function notFoundResponse(): Response {
  return new Response('Fant ikke siden.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}

/** A file as the HTTP answer of a download: never cached, never sniffed; a CSV streams. */
export function downloadResponse(file: { fileName: string; contentType: string; body: Buffer | Readable }): Response {
  const body =
    file.body instanceof Readable
      ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>)
      : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': attachment(file.fileName),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// A municipality's page

/** One line of a municipality's export: which part of the page, what, and its value, time and details. */
export interface MunicipalityExportRow {
  part: string;
  item: string;
  value: string | null;
  count: number | null;
  at: Date | null;
  detail: string;
  nextStep: string;
}

function municipalityRows(municipality: MunicipalityStatusDetail): MunicipalityExportRow[] {
  const row = (
    part: string,
    item: string,
    fields: Partial<Omit<MunicipalityExportRow, 'part' | 'item'>>,
  ): MunicipalityExportRow => ({
    part,
    item,
    value: null,
    count: null,
    at: null,
    detail: '',
    nextStep: '',
    ...fields,
  });
  const { figures } = municipality;
  const outcome = seasonOutcome(figures, municipality.season.deadline, municipality.asOf);
  return [
    row('Status', 'Status', { value: DELIVERY_STATE_LABELS[municipality.state] }),
    ...municipality.flags.map((flag) =>
      row('Flagg', FLAG_LABELS[flag.code], { detail: flag.reason, nextStep: flag.nextStep }),
    ),
    row('Tall', 'Frist', {
      at: figures.effectiveDeadline,
      value: figures.extensionGranted ? 'Utsatt frist' : 'Sesongens frist',
    }),
    // Time left while the deadline is ahead; the outcome once it has passed (as the page shows).
    ...(outcome
      ? [row('Tall', 'Utfall', { value: SEASON_OUTCOME_LABELS[outcome.code], detail: describeSeasonOutcome(outcome) })]
      : [
          row('Tall', 'Arbeidsdager igjen', { count: figures.workingDaysLeft }),
          row('Tall', 'Kalenderdager igjen', { count: figures.calendarDaysLeft }),
        ]),
    row('Tall', 'Produksjonsleveranser', { count: figures.productionDeliveries }),
    row('Tall', 'Siste sending til produksjon', { at: figures.latestProductionMessage?.receivedAt ?? null }),
    row('Tall', 'Først godkjent', { at: figures.firstAcceptedAt }),
    row('Tall', 'Levert innen fristen', { value: yesNo(figures.deliveredOnTime) }),
    ...municipality.checklist.map((item) =>
      row('Sjekkliste', item.label, { value: CHECKLIST_STATUS_LABELS[item.status], detail: item.detail ?? '' }),
    ),
    ...municipality.timeline.map((entry) => {
      const { event, detail, errors } = timelineEntryText(entry);
      return row('Tidslinje', event, { at: entry.at, detail: [detail, ...errors].filter(Boolean).join('; ') });
    }),
  ];
}

const MUNICIPALITY_COLUMNS: readonly Column<MunicipalityExportRow>[] = [
  { header: 'Del', kind: 'text', width: 12, value: (row) => row.part },
  { header: 'Punkt', kind: 'text', width: 36, value: (row) => row.item },
  { header: 'Verdi', kind: 'text', width: 22, value: (row) => row.value },
  { header: 'Antall', kind: 'integer', width: 10, value: (row) => row.count },
  { header: 'Tidspunkt', kind: 'datetime', width: 18, value: (row) => row.at },
  { header: 'Begrunnelse og detaljer', kind: 'text', width: 60, value: (row) => row.detail },
  { header: 'Neste steg', kind: 'text', width: 50, value: (row) => row.nextStep },
];

function municipalityFacts(municipality: MunicipalityStatusDetail): Fact[] {
  return [
    ['Kommune', `${municipality.officialName} (${municipality.number})`, 'text'],
    ['Fylke', municipality.countyName, 'text'],
    ['Sesong', municipality.season.name, 'text'],
    ['Status per', municipality.asOf, 'datetime'],
  ];
}

/**
 * A municipality's page (state, flags with reason and next step, figures, checklist, timeline) as
 * CSV (the table alone, header row first; the name holds the number, season and day) or XLSX (the
 * table and a sheet «Om uttrekket» with the municipality, season and as-of instant).
 */
export async function exportMunicipality(
  municipality: MunicipalityStatusDetail,
  format: ExportFormat,
): Promise<ExportFile> {
  const table: Table<MunicipalityExportRow> = { columns: MUNICIPALITY_COLUMNS, rows: municipalityRows(municipality) };
  const facts = municipalityFacts(municipality);
  const fileName = `kpr-status-${municipality.number}-${municipality.season.key}-${osloDate(municipality.asOf)}.${format}`;
  const body =
    format === 'csv'
      ? csvStream(table.columns, table.rows)
      : await writeWorkbook(
          `KPR-status for ${municipality.officialName}, ${municipality.season.name}`,
          municipality.asOf,
          [factSheet('Om uttrekket', facts), tableSheet('Kommune', table)],
        );
  return { fileName, contentType: EXPORT_CONTENT_TYPES[format], body };
}

// ---------------------------------------------------------------------------------------------
// The overview table

/** Each overview column as an export column: real dates and numbers where the screen shows text. */
const OVERVIEW_COLUMNS: Record<StatusColumnId, Column<StatusTableRow>[]> = {
  number: [{ header: STATUS_COLUMN_LABELS.number, kind: 'text', width: 8, value: (row) => row.number }],
  name: [{ header: STATUS_COLUMN_LABELS.name, kind: 'text', width: 22, value: (row) => row.name }],
  county: [{ header: STATUS_COLUMN_LABELS.county, kind: 'text', width: 20, value: (row) => row.countyName }],
  state: [
    { header: STATUS_COLUMN_LABELS.state, kind: 'text', width: 24, value: (row) => DELIVERY_STATE_LABELS[row.state] },
  ],
  flags: [
    {
      header: STATUS_COLUMN_LABELS.flags,
      kind: 'text',
      width: 40,
      value: (row) => row.flags.map((code) => FLAG_LABELS[code]).join(', '),
    },
  ],
  latestSent: [
    { header: STATUS_COLUMN_LABELS.latestSent, kind: 'datetime', width: 18, value: (row) => row.latestSentAt },
  ],
  deadline: [
    { header: STATUS_COLUMN_LABELS.deadline, kind: 'date', width: 12, value: (row) => row.effectiveDeadline },
    { header: 'Utsatt frist', kind: 'text', width: 10, value: (row) => yesNo(row.extensionGranted) },
  ],
  workingDaysLeft: [
    {
      header: STATUS_COLUMN_LABELS.workingDaysLeft,
      kind: 'integer',
      width: 12,
      // The screen's words once the deadline has passed.
      value: (row) => row.workingDaysLeft ?? STATUS_CELL_LABELS.deadlinePassed,
    },
  ],
  onTime: [
    { header: STATUS_COLUMN_LABELS.onTime, kind: 'text', width: 12, value: (row) => yesNo(row.deliveredOnTime) },
  ],
};

export interface OverviewExport {
  season: { key: string; name: string };
  asOf: Date;
  params: StatusTableParams;
  /** The visible columns, in the table's order. */
  columns: readonly StatusColumnId[];
  sort: StatusTableSort;
  /** Every row that matches, in the table's order (all pages). */
  rows: readonly StatusTableRow[];
  /** Rows before filtering. */
  total: number;
  /** County names by number, to name the county filter. */
  countyNames: ReadonlyMap<string, string>;
}

/** What the overview screen lists for `params`, on all its pages: the table's own filter and sort (lib/status/table.ts). */
export function overviewExportOf(overview: StatusOverviewSummary, params: StatusTableParams): OverviewExport {
  const model = statusTableModel(
    overview.rows.map((row) => toStatusTableRow(row, overview.asOf)),
    params,
  );
  return {
    season: overview.season,
    asOf: overview.asOf,
    params,
    columns: visibleStatusColumns(params),
    sort: model.sort,
    rows: model.rows,
    total: model.total,
    countyNames: new Map(overview.rows.map((row) => [row.countyNumber, row.countyName])),
  };
}

/** The search, filters and sort applied, as the file prints them ('Ingen' when there are none). */
function overviewFacts(overview: OverviewExport): Fact[] {
  const { params, sort } = overview;
  return [
    ['Sesong', overview.season.name, 'text'],
    ['Status per', overview.asOf, 'datetime'],
    ['Søk', params.q ?? 'Ingen', 'text'],
    ['Fylke', params.fylke ? (overview.countyNames.get(params.fylke) ?? params.fylke) : 'Alle', 'text'],
    ['Status', params.status ? DELIVERY_STATE_LABELS[params.status] : 'Alle', 'text'],
    ['Flagg', params.flagg ? FLAG_LABELS[params.flagg] : 'Alle', 'text'],
    ['Sortert etter', `${STATUS_COLUMN_LABELS[sort.id]}, ${sort.desc ? 'synkende' : 'stigende'}`, 'text'],
    ['Kommuner i uttrekket', overview.rows.length, 'integer'],
    ['Kommuner uten filter', overview.total, 'integer'],
  ];
}

/** A word or phrase as part of a file name: lower case ASCII letters, digits and hyphens, 40 at most. */
export function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * 'kpr-oversikt-2025-2026-01-20-fylke-vestland-status-avvist': the season, the as-of day and, in
 * words, each search and filter applied — a CSV carries nothing above its header row, so its name
 * says what it holds.
 */
function overviewFileBaseName(overview: OverviewExport): string {
  const { params } = overview;
  const filters: [string, string | undefined][] = [
    ['sok', params.q],
    ['fylke', params.fylke ? (overview.countyNames.get(params.fylke) ?? params.fylke) : undefined],
    ['status', params.status ? DELIVERY_STATE_LABELS[params.status] : undefined],
    ['flagg', params.flagg ? FLAG_LABELS[params.flagg] : undefined],
  ];
  return [
    `kpr-oversikt-${overview.season.key}-${osloDate(overview.asOf)}`,
    ...filters.flatMap(([name, value]) => (value && fileNamePart(value) ? [`${name}-${fileNamePart(value)}`] : [])),
  ].join('-');
}

/**
 * The overview table, all rows that match its filters, as CSV or XLSX. The CSV is the table alone,
 * header row first; its name holds the season, the day and the filters. The XLSX has the table and a
 * sheet «Om uttrekket» with the season, the as-of instant, the search, filters and sort.
 */
export async function exportOverview(overview: OverviewExport, format: ExportFormat): Promise<ExportFile> {
  const columns = overview.columns.flatMap((id) => OVERVIEW_COLUMNS[id]);
  const facts = overviewFacts(overview);
  const fileName = `${overviewFileBaseName(overview)}.${format}`;
  const body =
    format === 'csv'
      ? csvStream(columns, overview.rows)
      : await writeWorkbook(`KPR-status, oversikt ${overview.season.name}`, overview.asOf, [
          factSheet('Om uttrekket', facts),
          tableSheet('Kommuner', { columns, rows: overview.rows }),
        ]);
  return { fileName, contentType: EXPORT_CONTENT_TYPES[format], body };
}
