import { describe, expect, it } from 'vitest';
import { STATUS_PAGE_SIZE, statusTableParamsSchema } from './table-params';
import type { DeliveryState, FlagCode, MunicipalityStatusRow } from '@/lib/status/rules';
import {
  STATUS_CELL_TEXT,
  statusTableModel,
  toStatusTableRow,
  visibleStatusColumns,
  type StatusTableRow,
} from './table';

const NBSP = '\u00a0';
const STATES: DeliveryState[] = ['NOT_STARTED', 'DELIVERED', 'REJECTED', 'SENT'];

/** 120 municipalities over three counties, given out of number order (the model must not rely on it). */
function rows(): StatusTableRow[] {
  return Array.from({ length: 120 }, (_, index): StatusTableRow => {
    const number = String(5000 + ((index * 37) % 120)).padStart(4, '0');
    const flags: FlagCode[] =
      index % 5 === 0 ? ['MUST_RESUBMIT'] : index % 7 === 0 ? ['SHOULD_APPLY_FOR_EXTENSION', 'OVERDUE'] : [];
    return {
      number,
      name: `Kommune ${number}`,
      countyNumber: ['03', '11', '46'][index % 3]!,
      countyName: ['Oslo', 'Rogaland', 'Vestland'][index % 3]!,
      state: STATES[index % STATES.length]!,
      flags,
      latestSentAt: index % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (index % 30), 10)),
      effectiveDeadline: new Date('2026-01-15T22:59:59.999Z'),
      extensionGranted: false,
      // Some deadlines have passed (null): they sort before the last day.
      workingDaysLeft: index % 13 === 12 ? null : index % 11,
      deliveredOnTime: index % 3 === 0 ? null : index % 3 === 1,
    };
  });
}

const parse = (query: Record<string, string | string[]>) => statusTableParamsSchema.parse(query);

describe('statusTableModel', () => {
  it('sorts by number by default and pages by STATUS_PAGE_SIZE', () => {
    const model = statusTableModel(rows(), parse({}));
    expect(model.total).toBe(120);
    expect(model.matching).toBe(120);
    expect(model.rows.map((row) => row.number)).toEqual(
      Array.from({ length: 120 }, (_, index) => String(5000 + index)),
    );
    expect(model.sort).toEqual({ id: 'number', desc: false });
    expect(model.pageCount).toBe(Math.ceil(120 / STATUS_PAGE_SIZE));
    expect(model.page).toBe(1);
    expect(model.pageRows).toEqual(model.rows.slice(0, STATUS_PAGE_SIZE));
  });

  it('gives the requested page, and the last one for a page past the end', () => {
    const all = statusTableModel(rows(), parse({})).rows;
    const second = statusTableModel(rows(), parse({ side: '2' }));
    expect(second.page).toBe(2);
    expect(second.pageRows).toEqual(all.slice(STATUS_PAGE_SIZE, 2 * STATUS_PAGE_SIZE));
    const past = statusTableModel(rows(), parse({ side: '99' }));
    expect(past.page).toBe(past.pageCount);
    expect(past.pageRows).toEqual(all.slice((past.pageCount - 1) * STATUS_PAGE_SIZE));
    expect(past.pageRows.length).toBeGreaterThan(0);
  });

  it('searches number and name, case-insensitively, and nothing else', () => {
    expect(statusTableModel(rows(), parse({ q: '5007' })).rows.map((row) => row.number)).toEqual(['5007']);
    expect(statusTableModel(rows(), parse({ q: 'kommune 501' })).rows.map((row) => row.number)).toEqual(
      Array.from({ length: 10 }, (_, index) => String(5010 + index)),
    );
    expect(statusTableModel(rows(), parse({ q: 'Rogaland' })).matching).toBe(0);
  });

  it('filters by county, state and flag together', () => {
    const source = rows();
    const model = statusTableModel(source, parse({ fylke: '11', status: 'DELIVERED', flagg: 'MUST_RESUBMIT' }));
    const expected = source.filter(
      (row) => row.countyNumber === '11' && row.state === 'DELIVERED' && row.flags.includes('MUST_RESUBMIT'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(model.matching).toBe(expected.length);
    expect(new Set(model.rows)).toEqual(new Set(expected));
    const overdue = statusTableModel(source, parse({ flagg: 'OVERDUE' }));
    expect(overdue.matching).toBe(source.filter((row) => row.flags.includes('OVERDUE')).length);
  });

  it('says so when nothing matches: no rows, one page', () => {
    const model = statusTableModel(rows(), parse({ q: 'finnes ikke' }));
    expect(model).toMatchObject({ matching: 0, rows: [], pageRows: [], page: 1, pageCount: 1, total: 120 });
  });

  it('sorts dates and numbers by value, descending when asked, ties in number order', () => {
    const source = rows();
    const latest = statusTableModel(source, parse({ sort: 'latestSent', retning: 'desc' })).rows;
    const times = latest.map((row) => row.latestSentAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const days = statusTableModel(source, parse({ sort: 'workingDaysLeft' })).rows;
    expect(days.slice(0, 9).map((row) => row.workingDaysLeft)).toEqual(Array(9).fill(null));
    for (let index = 1; index < days.length; index++) {
      const [before, after] = [days[index - 1]!.workingDaysLeft ?? -1, days[index]!.workingDaysLeft ?? -1];
      expect(before < after || (before === after && days[index - 1]!.number < days[index]!.number)).toBe(true);
    }
  });

  it('sorts by number when the chosen column cannot be sorted', () => {
    const model = statusTableModel(rows(), parse({ sort: 'flags', retning: 'desc' }));
    expect(model.sort).toEqual({ id: 'number', desc: false });
    expect(model.rows[0]!.number).toBe('5000');
  });

  it('keeps extra properties of the rows', () => {
    const source = rows().map((row) => ({ ...row, extra: `x${row.number}` }));
    const [first] = statusTableModel(source, parse({ q: '5003' })).rows;
    expect(first?.extra).toBe('x5003');
  });
});

describe('visibleStatusColumns', () => {
  it('shows every column by default, number and name always', () => {
    expect(visibleStatusColumns(parse({}))).toEqual([
      'number',
      'name',
      'county',
      'state',
      'flags',
      'latestSent',
      'deadline',
      'workingDaysLeft',
      'onTime',
    ]);
    expect(visibleStatusColumns(parse({ kol: ['name', 'onTime', 'county'] }))).toEqual([
      'number',
      'name',
      'county',
      'state',
      'onTime',
    ]);
    expect(visibleStatusColumns(parse({ kol: 'name' }))).toEqual(['number', 'name', 'state']);
  });
});

describe('STATUS_CELL_TEXT', () => {
  it('writes each column as the table shows it', () => {
    const row: StatusTableRow = {
      number: '0301',
      name: 'Oslo',
      countyNumber: '03',
      countyName: 'Oslo',
      state: 'ACCEPTED_WITH_ERRORS',
      flags: ['MUST_RESUBMIT', 'OVERDUE'],
      latestSentAt: new Date('2026-01-15T23:30:00Z'),
      effectiveDeadline: new Date('2026-02-01T22:59:59.999Z'),
      extensionGranted: true,
      workingDaysLeft: 1234,
      deliveredOnTime: false,
    };
    expect(Object.fromEntries(Object.entries(STATUS_CELL_TEXT).map(([id, text]) => [id, text(row)]))).toEqual({
      number: '0301',
      name: 'Oslo',
      county: 'Oslo',
      state: 'Godkjent med feil',
      flags: 'Må sende på nytt, Forsinket',
      latestSent: '16.01.2026',
      deadline: '01.02.2026 (utsatt)',
      workingDaysLeft: `1${NBSP}234`,
      onTime: 'Nei',
    });
    expect(STATUS_CELL_TEXT.latestSent({ ...row, latestSentAt: null })).toBe('Ikke sendt');
    expect(STATUS_CELL_TEXT.onTime({ ...row, deliveredOnTime: null })).toBe('–');
    expect(STATUS_CELL_TEXT.flags({ ...row, flags: [] })).toBe('–');
    expect(STATUS_CELL_TEXT.workingDaysLeft({ ...row, workingDaysLeft: null })).toBe('Fristen er passert');
  });
});

describe('toStatusTableRow', () => {
  const base = {
    number: '0301',
    name: 'Oslo',
    countyNumber: '03',
    countyName: 'Oslo',
    state: 'DELIVERED' as const,
    flags: [],
  };
  const figures = {
    effectiveDeadline: new Date('2026-01-15T22:59:59.999Z'),
    extensionGranted: false,
    workingDaysLeft: 0,
    deliveredOnTime: true,
    latestProductionMessage: null,
  };
  const row = { ...base, figures } as unknown as MunicipalityStatusRow;

  it('counts working days left up to the end of the deadline day, and none after it', () => {
    expect(toStatusTableRow(row, new Date('2026-01-15T12:00:00Z')).workingDaysLeft).toBe(0);
    expect(toStatusTableRow(row, new Date('2026-01-15T22:59:59.999Z')).workingDaysLeft).toBe(0);
    expect(toStatusTableRow(row, new Date('2026-01-15T23:00:00Z')).workingDaysLeft).toBeNull();
    expect(toStatusTableRow(row, new Date('2026-12-02T12:00:00Z')).workingDaysLeft).toBeNull();
  });
});
