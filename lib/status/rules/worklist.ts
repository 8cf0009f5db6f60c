/**
 * The worklist as rules: which flagged municipalities match FHI's search, county and flag filter,
 * grouped by their most urgent flag or by county, which of them are on the current page, and how
 * many have each flag. Generic over flag codes and regimes: the daily and the annual list are
 * sections of one list, each already ordered most urgent first (`byUrgency`, `byDailyUrgency`), so
 * a new flag needs no change here. Pure; the page builds the sections and renders the model.
 */
import { z } from 'zod';
import { tableParamsSchema, tableQuery } from '../../core/table-params';

export const WORKLIST_PAGE_SIZE = 25;
export const WORKLIST_GROUPINGS = ['flagg', 'fylke'] as const;
export type WorklistGrouping = (typeof WORKLIST_GROUPINGS)[number];

/**
 * The worklist's URL state: the overview tables' schema (`q`, `fylke`, `flagg`, `side`), without
 * their state filter, sort and columns (the worklist is always most urgent first), and `gruppe`.
 * `flags` is every flag the worklist may show (daily and annual), so anything else is dropped.
 */
export function worklistParamsSchema<Flag extends string>(flags: Record<Flag, string>) {
  return tableParamsSchema(flags, flags, ['urgency'])
    .omit({ status: true, sort: true, retning: true, kol: true })
    .extend({ gruppe: z.enum(WORKLIST_GROUPINGS).optional().catch(undefined) });
}

export interface WorklistParams {
  q?: string;
  fylke?: string;
  flagg?: string;
  gruppe?: WorklistGrouping;
  side?: number;
}

/** The query parameters of the worklist's state as strings, for links and hidden form fields. */
export function worklistQuery(params: WorklistParams): Record<string, string | undefined> {
  const { q, fylke, flagg, side } = tableQuery(params);
  return { q, fylke, flagg, gruppe: params.gruppe, side } as Record<string, string | undefined>;
}

/** What the worklist needs of a municipality in either regime. */
export interface WorklistRow {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  /** Its flag codes, most urgent first. */
  flagCodes: readonly string[];
}

export interface WorklistSectionInput<Row extends WorklistRow> {
  id: string;
  /** The flagged rows, most urgent first. */
  rows: readonly Row[];
  /** The section's flag codes, most urgent first: the order of its counts and of its flag groups. */
  codes: readonly string[];
}

export interface WorklistFlagCount {
  code: string;
  /** Municipalities with the flag (what the flag filter lists). */
  withFlag: number;
  /** Municipalities whose most urgent flag it is: these add up to the municipalities with a flag. */
  mostUrgent: number;
}

export interface WorklistGroup<Row> {
  /** The flag code or the county number; '' when the list is not grouped. */
  key: string;
  /** Rows of the group in all pages. */
  size: number;
  /** The group's rows on this page, in order. */
  rows: Row[];
  /** Whether the group began on an earlier page. */
  continued: boolean;
}

export interface WorklistSection<Row> {
  id: string;
  /** Flagged municipalities matching the search and county (the flag filter aside), and their flags. */
  flagged: number;
  counts: WorklistFlagCount[];
  /** Municipalities matching every filter (all pages). */
  matching: number;
  /** The groups with rows on this page. */
  groups: WorklistGroup<Row>[];
}

export interface WorklistModel<Row> {
  sections: WorklistSection<Row>[];
  /** Municipalities matching every filter, all sections and pages. */
  matching: number;
  page: number;
  pageCount: number;
}

/** Whether a row matches the search: its number, or a part of its name (case and accents as typed). */
function matchesSearch(row: WorklistRow, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase('nb');
  return row.number.startsWith(needle) || row.name.toLocaleLowerCase('nb').includes(needle);
}

/** Each code's counts, in the section's order, then any code its rows carry that the order lacks. */
function flagCounts(rows: readonly WorklistRow[], codes: readonly string[]): WorklistFlagCount[] {
  const all = [...new Set([...codes, ...rows.flatMap((row) => row.flagCodes)])];
  return all.map((code) => ({
    code,
    withFlag: rows.filter((row) => row.flagCodes.includes(code)).length,
    mostUrgent: rows.filter((row) => row.flagCodes[0] === code).length,
  }));
}

/** The rows in groups, the groups in order (flags by urgency, counties by number), each group most urgent first. */
function grouped<Row extends WorklistRow>(
  rows: readonly Row[],
  codes: readonly string[],
  grouping: WorklistGrouping | undefined,
): { key: string; rows: Row[] }[] {
  if (!grouping) return rows.length ? [{ key: '', rows: [...rows] }] : [];
  const keyOf = (row: Row) => (grouping === 'flagg' ? (row.flagCodes[0] ?? '') : row.countyNumber);
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  const rank = (key: string) => (grouping === 'flagg' ? codes.indexOf(key) : 0);
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [ra, rb] = [rank(a), rank(b)];
      return (ra < 0 ? Infinity : ra) - (rb < 0 ? Infinity : rb) || a.localeCompare(b);
    })
    .map(([key, members]) => ({ key, rows: members }));
}

/**
 * The worklist's model: every section filtered (search, county, flag) and grouped, then one page of
 * `pageSize` municipalities over all sections in order (a section or group cut by a page shows on
 * both). A page beyond the last shows the last.
 */
export function worklistModel<Row extends WorklistRow>(
  sections: readonly WorklistSectionInput<Row>[],
  params: WorklistParams,
  pageSize = WORKLIST_PAGE_SIZE,
): WorklistModel<Row> {
  const filtered = sections.map((section) => {
    const found = section.rows.filter(
      (row) => matchesSearch(row, params.q) && (!params.fylke || row.countyNumber === params.fylke),
    );
    const matching = found.filter((row) => !params.flagg || row.flagCodes.includes(params.flagg));
    return { section, found, groups: grouped(matching, section.codes, params.gruppe), matching: matching.length };
  });
  const matching = filtered.reduce((sum, { matching }) => sum + matching, 0);
  const pageCount = Math.max(1, Math.ceil(matching / pageSize));
  const page = Math.min(Math.max(1, params.side ?? 1), pageCount);
  const [first, end] = [(page - 1) * pageSize, page * pageSize];

  let position = 0;
  const result = filtered.map(({ section, found, groups, matching: sectionMatching }) => {
    const onPage: WorklistGroup<Row>[] = [];
    for (const group of groups) {
      const start = position;
      position += group.rows.length;
      const rows = group.rows.slice(Math.max(0, first - start), Math.max(0, end - start));
      if (rows.length) onPage.push({ key: group.key, size: group.rows.length, rows, continued: start < first });
    }
    return {
      id: section.id,
      flagged: found.length,
      counts: flagCounts(found, section.codes),
      matching: sectionMatching,
      groups: onPage,
    };
  });
  return { sections: result, matching, page, pageCount };
}
