/**
 * The weekly report's tables, once for every file format: columns with Norwegian headings, the
 * kind of each value (so XLSX gets real dates and numbers, and CSV and PDF the text of lib/core/format),
 * and the one guard against formula injection.
 */
import { getISOWeek, parseISO } from 'date-fns';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, ON_TIME_LABELS } from '@/lib/status/labels';
import { CHANGE_KIND_LABELS, DAILY_CHANGE_LABELS, type DailyChangeKind } from '@/lib/reports/labels';
import { reportingRate, timeliness } from '@/lib/daily/rules';
import { dailyLast7, type DailyAlarm, type SnapshotDailyMunicipality } from '@/lib/reports/rules/weekly-daily';
import type { FlagCode } from '@/lib/status/rules/types';
import {
  changeRows,
  followUpGroups,
  type ChangeRow,
  type KeyFigure,
  type SnapshotMunicipality,
  type WeeklyReportContent,
} from '@/lib/reports/rules/weekly-report';
import { formatDate, formatDateTime, formatIsoDate, formatNumber, formatPercent } from '@/lib/core/format';

export type CellValue = string | number | Date | null;
/** `date` shows the Oslo day of an instant, `datetime` its day and time. */
export type CellKind = 'text' | 'integer' | 'percent' | 'date' | 'datetime';

export interface Column<Row> {
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX) and relative weight (PDF). */
  width: number;
  value(row: Row): CellValue;
}

/** A label, its value and how to show it: what a file is about (season, as-of, filters). */
export type Fact = readonly [label: string, value: CellValue, kind: CellKind];

export interface Table<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text a spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe, so it stays text in Excel and LibreOffice. Every text cell of every
 * XLSX and CSV goes through here.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as people read it, through lib/core/format; empty for no value. */
export function cellText(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (value instanceof Date) return kind === 'datetime' ? formatDateTime(value) : formatDate(value);
  if (typeof value === 'number') return kind === 'percent' ? formatPercent(value, 1) : formatNumber(value);
  return value;
}

const instant = (iso: string | null) => (iso === null ? null : new Date(iso));
/** A yes/no cell in the status's words ('Ja', 'Nei'); empty for no value. */
export const yesNo = (value: boolean | null) => (value === null ? null : ON_TIME_LABELS[`${value}`]);

/** 'Ukerapport KPR 2025, uke 3 (12.01.2026–18.01.2026)'. */
export function reportTitle(report: WeeklyReportContent): string {
  const { week, snapshot } = report;
  return `Ukerapport ${snapshot.season.name}, uke ${getISOWeek(parseISO(week.weekStart))} (${formatIsoDate(week.weekStart)}–${formatIsoDate(week.weekEnd)})`;
}

/** 'kpr-ukerapport-2025-2026-01-12' (the extension is added per format). */
export function reportFileBaseName(report: WeeklyReportContent): string {
  return `kpr-ukerapport-${report.snapshot.season.key}-${report.week.weekStart}`;
}

const changeLabel = (change: ChangeRow) =>
  CHANGE_KIND_LABELS[change.kind] + (change.detail ? `: ${change.detail}` : '');

/** Every municipality with its state, flags, dates and this week's changes. */
export function municipalityTable(report: WeeklyReportContent): Table<SnapshotMunicipality> {
  const changes = new Map<string, string[]>();
  for (const change of changeRows(report.changes)) {
    if (change.kind === 'NOT_STARTED') continue;
    changes.set(change.municipality.number, [...(changes.get(change.municipality.number) ?? []), changeLabel(change)]);
  }
  return {
    columns: [
      { header: 'Kommunenummer', kind: 'text', width: 16, value: (row) => row.number },
      { header: 'Kommune', kind: 'text', width: 22, value: (row) => row.name },
      { header: 'Fylke', kind: 'text', width: 20, value: (row) => row.countyName },
      { header: 'Status', kind: 'text', width: 24, value: (row) => DELIVERY_STATE_LABELS[row.state] },
      {
        header: 'Flagg',
        kind: 'text',
        width: 36,
        value: (row) => row.flags.map((code) => FLAG_LABELS[code]).join(', '),
      },
      { header: 'Frist', kind: 'date', width: 12, value: (row) => instant(row.effectiveDeadline) },
      { header: 'Utsettelse innvilget', kind: 'text', width: 12, value: (row) => yesNo(row.extensionGranted) },
      { header: 'Levert innen fristen', kind: 'text', width: 12, value: (row) => yesNo(row.deliveredOnTime) },
      { header: 'Først godkjent', kind: 'datetime', width: 18, value: (row) => instant(row.firstAcceptedAt) },
      { header: 'Sist sendt', kind: 'datetime', width: 18, value: (row) => instant(row.lastSentAt) },
      {
        header: 'Endringer denne uken',
        kind: 'text',
        width: 40,
        value: (row) => changes.get(row.number)?.join('; ') ?? '',
      },
    ],
    rows: report.snapshot.municipalities,
  };
}

/** What changed, one row per change. */
export function changeTable(report: WeeklyReportContent): Table<ChangeRow> {
  return {
    columns: [
      { header: 'Endring', kind: 'text', width: 22, value: (row) => CHANGE_KIND_LABELS[row.kind] },
      { header: 'Kommunenummer', kind: 'text', width: 16, value: (row) => row.municipality.number },
      { header: 'Kommune', kind: 'text', width: 22, value: (row) => row.municipality.name },
      { header: 'Fylke', kind: 'text', width: 20, value: (row) => row.municipality.countyName },
      { header: 'Detalj', kind: 'text', width: 26, value: (row) => row.detail },
      { header: 'Tidspunkt', kind: 'datetime', width: 18, value: (row) => instant(row.at) },
      { header: 'Frist', kind: 'date', width: 12, value: (row) => instant(row.deadline) },
    ],
    rows: changeRows(report.changes),
  };
}

/** A row of «who needs follow-up»: a flag's municipalities, or the next part of a long list of them. */
export interface FollowUpRow {
  flag: FlagCode;
  /** Municipalities with this flag as their most urgent; null on a continued row. */
  count: number | null;
  municipalities: readonly SnapshotMunicipality[];
}

/** Municipalities per row of «who needs follow-up»: a row stays well within a page. */
const FOLLOW_UP_PER_ROW = 60;

/**
 * Who needs follow-up: per most urgent flag, how many and which municipalities ('0301 Oslo, 4601
 * Bergen'); a flag with more than 60 goes on over several rows, each after the first «(forts.)».
 */
export function followUpTable(report: WeeklyReportContent): Table<FollowUpRow> {
  const rows = followUpGroups(report.snapshot.municipalities).flatMap(({ flag, municipalities }) =>
    Array.from({ length: Math.ceil(municipalities.length / FOLLOW_UP_PER_ROW) }, (_, index) => ({
      flag,
      count: index === 0 ? municipalities.length : null,
      municipalities: municipalities.slice(index * FOLLOW_UP_PER_ROW, (index + 1) * FOLLOW_UP_PER_ROW),
    })),
  );
  return {
    columns: [
      {
        header: 'Viktigste flagg',
        kind: 'text',
        width: 22,
        value: (row) => FLAG_LABELS[row.flag] + (row.count === null ? ' (forts.)' : ''),
      },
      { header: 'Antall', kind: 'integer', width: 8, value: (row) => row.count },
      {
        header: 'Kommuner',
        kind: 'text',
        width: 70,
        value: (row) =>
          row.municipalities.map((municipality) => `${municipality.number} ${municipality.name}`).join(', '),
      },
    ],
    rows,
  };
}

/** The key figures against the same week last season. */
export function keyFigureTable(report: WeeklyReportContent): Table<KeyFigure> {
  return {
    columns: [
      { header: 'Nøkkeltall', kind: 'text', width: 26, value: (row) => row.label },
      { header: 'Antall', kind: 'integer', width: 10, value: (row) => row.count },
      { header: 'Andel', kind: 'percent', width: 10, value: (row) => row.share },
      { header: 'Antall samme uke i fjor', kind: 'integer', width: 14, value: (row) => row.lastSeasonCount },
      { header: 'Andel samme uke i fjor', kind: 'percent', width: 14, value: (row) => row.lastSeasonShare },
    ],
    rows: report.keyFigures,
  };
}

export interface CountyRow {
  countyNumber: string;
  countyName: string;
  delivered: number;
  total: number;
}

/** Delivered municipalities per county (the chart's data), by county number. */
export function countyTable(report: WeeklyReportContent): Table<CountyRow> {
  const counties = new Map<string, CountyRow>();
  for (const row of report.snapshot.municipalities) {
    const county = counties.get(row.countyNumber) ?? {
      countyNumber: row.countyNumber,
      countyName: row.countyName,
      delivered: 0,
      total: 0,
    };
    county.total++;
    if (row.state === 'DELIVERED') county.delivered++;
    counties.set(row.countyNumber, county);
  }
  return {
    columns: [
      { header: 'Fylke', kind: 'text', width: 24, value: (row) => row.countyName },
      { header: 'Levert', kind: 'integer', width: 10, value: (row) => row.delivered },
      { header: 'Kommuner', kind: 'integer', width: 10, value: (row) => row.total },
      { header: 'Andel levert', kind: 'percent', width: 12, value: (row) => row.delivered / row.total },
    ],
    rows: [...counties.values()].sort((a, b) => a.countyNumber.localeCompare(b.countyNumber)),
  };
}

/** The facts the report is about, as label and value (the XLSX summary and the PDF's opening). */
export function reportFacts(report: WeeklyReportContent): Fact[] {
  const { snapshot } = report;
  return [
    ['Sesong', snapshot.season.name, 'text'],
    ['Uke fra', report.week.start, 'date'],
    ['Status per', new Date(snapshot.asOf), 'datetime'],
    ['Endringer siden', new Date(report.since), 'datetime'],
    ['Kommuner i rapporten', snapshot.municipalities.length, 'integer'],
    [
      'Sammenlignet med',
      snapshot.lastSeason
        ? `${snapshot.lastSeason.season.name} per ${formatDateTime(new Date(snapshot.lastSeason.asOf))}`
        : 'Ingen forrige sesong',
      'text',
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// The daily section

export interface DailyChangeRow {
  kind: DailyChangeKind;
  municipality: SnapshotDailyMunicipality;
  isNew: boolean;
}

const lastAccepted = (row: SnapshotDailyMunicipality) =>
  row.lastAcceptedAt === null
    ? 'Ingen godkjent levering'
    : `Siste godkjente levering ${formatDateTime(new Date(row.lastAcceptedAt))}`;

/** What exactly, in Norwegian: the last accepted delivery, the run of rejections, the volume against its median. */
function dailyDetail({ kind, municipality: row }: DailyChangeRow): string {
  if (kind === 'REJECTING' && row.rejections)
    return `${formatNumber(row.rejections.count)} avvist på rad siden ${formatDateTime(new Date(row.rejections.since))}`;
  if (kind === 'VOLUME_DROP' && row.volume)
    return `${formatNumber(row.volume.value)} personer per dag mot en median på ${formatNumber(row.volume.baseline)}, siden ${formatDateTime(new Date(row.volume.since))}`;
  return lastAccepted(row);
}

/** The daily section's changes and alarms, one row each: became silent, recovered, rejection runs, volume drops. */
export function dailyChangeTable(report: WeeklyReportContent): Table<DailyChangeRow> {
  const daily = report.changes.daily;
  const fresh = (kind: DailyChangeKind) => (municipality: SnapshotDailyMunicipality) => ({
    kind,
    municipality,
    isNew: true,
  });
  const alarm = (kind: DailyChangeKind) => (entry: DailyAlarm) => ({
    kind,
    municipality: entry.municipality,
    isNew: entry.isNew,
  });
  return {
    columns: [
      { header: 'Endring', kind: 'text', width: 22, value: (row) => DAILY_CHANGE_LABELS[row.kind] },
      { header: 'Kommunenummer', kind: 'text', width: 16, value: (row) => row.municipality.number },
      { header: 'Kommune', kind: 'text', width: 22, value: (row) => row.municipality.name },
      { header: 'Fylke', kind: 'text', width: 20, value: (row) => row.municipality.countyName },
      { header: 'Detalj', kind: 'text', width: 44, value: dailyDetail },
      { header: 'Ny denne uken', kind: 'text', width: 12, value: (row) => yesNo(row.isNew) },
    ],
    rows: daily
      ? [
          ...daily.becameSilent.map(fresh('BECAME_SILENT')),
          ...daily.recovered.map(fresh('RECOVERED')),
          ...daily.rejecting.map(alarm('REJECTING')),
          ...daily.volumeDrops.map(alarm('VOLUME_DROP')),
        ]
      : [],
  };
}

const rateFact = (label: string, ratio: number | null): Fact => [label, ratio, 'percent'];

/** The daily section's figures: the season, the seven days counted, rate and timeliness now and the week before. */
export function dailyFacts(report: WeeklyReportContent): Fact[] {
  const daily = report.snapshot.daily;
  const changes = report.changes.daily;
  if (!daily || !changes) return [];
  const counts = dailyLast7(daily);
  const window = daily.window
    ? `${formatIsoDate(daily.window.from)}–${formatIsoDate(daily.window.to)}`
    : 'Ingen dager med passert frist';
  const facts: Fact[] = [
    ['Daglig sesong', daily.season.name, 'text'],
    ['Siste 7 dager med passert frist', window, 'text'],
    ['Forventede kommunedager', counts.expected, 'integer'],
    rateFact('Rapporteringsgrad (dekket)', reportingRate(counts)),
    rateFact('Rettidighet (dekket i tide)', timeliness(counts)),
  ];
  if (changes.previousLast7) {
    facts.push(rateFact('Rapporteringsgrad uken før', reportingRate(changes.previousLast7)));
    facts.push(rateFact('Rettidighet uken før', timeliness(changes.previousLast7)));
  }
  return facts;
}
