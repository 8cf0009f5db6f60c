import { describe, expect, it } from 'vitest';
import { worklistModel, worklistParamsSchema, worklistQuery, type WorklistRow } from './worklist';

const row = (number: string, name: string, county: string, ...flagCodes: string[]): WorklistRow => ({
  number,
  name,
  countyNumber: county,
  countyName: `Fylke ${county}`,
  flagCodes,
});

// Most urgent first, as byUrgency orders them.
const annual = {
  id: 'arlig',
  codes: ['OVERDUE', 'MUST_RESUBMIT', 'SHOULD_APPLY_FOR_EXTENSION'],
  rows: [
    row('0301', 'Oslo', '03', 'OVERDUE', 'SHOULD_APPLY_FOR_EXTENSION'),
    row('4601', 'Bergen', '46', 'MUST_RESUBMIT'),
    row('1508', 'Ålesund', '15', 'MUST_RESUBMIT', 'SHOULD_APPLY_FOR_EXTENSION'),
    row('4602', 'Kinn', '46', 'SHOULD_APPLY_FOR_EXTENSION'),
    // A flag the section's order does not know (added later): still counted and grouped, last.
    row('5001', 'Trondheim', '50', 'NEW_FLAG'),
  ],
};
const daily = {
  id: 'daglig',
  codes: ['REJECTING', 'SILENT'],
  rows: [row('4601', 'Bergen', '46', 'REJECTING'), row('0301', 'Oslo', '03', 'SILENT')],
};

const numbers = (model: ReturnType<typeof worklistModel>) =>
  model.sections.map((section) => section.groups.map((group) => [group.key, group.rows.map((r) => r.number)]));

describe('worklistModel', () => {
  it.each([
    ['everything, most urgent first', {}, [[['', ['4601', '0301']]], [['', ['0301', '4601', '1508', '4602', '5001']]]]],
    ['search by part of the name, any case', { q: 'ÅLE' }, [[], [['', ['1508']]]]],
    ['search by number', { q: '46' }, [[['', ['4601']]], [['', ['4601', '4602']]]]],
    ['county', { fylke: '03' }, [[['', ['0301']]], [['', ['0301']]]]],
    ['a flag anywhere in the row', { flagg: 'SHOULD_APPLY_FOR_EXTENSION' }, [[], [['', ['0301', '1508', '4602']]]]],
    ['a daily flag', { flagg: 'SILENT' }, [[['', ['0301']]], []]],
    [
      'grouped by the most urgent flag, in the order of urgency',
      { gruppe: 'flagg' as const },
      [
        [
          ['REJECTING', ['4601']],
          ['SILENT', ['0301']],
        ],
        [
          ['OVERDUE', ['0301']],
          ['MUST_RESUBMIT', ['4601', '1508']],
          ['SHOULD_APPLY_FOR_EXTENSION', ['4602']],
          ['NEW_FLAG', ['5001']],
        ],
      ],
    ],
    [
      'grouped by county, counties by number, most urgent first within',
      { gruppe: 'fylke' as const, flagg: 'SHOULD_APPLY_FOR_EXTENSION' },
      [
        [],
        [
          ['03', ['0301']],
          ['15', ['1508']],
          ['46', ['4602']],
        ],
      ],
    ],
  ])('%s', (_, params, expected) => {
    expect(numbers(worklistModel([daily, annual], params))).toEqual(expected);
  });

  it('counts each flag among the rows the search and county leave, whatever the flag filter', () => {
    const model = worklistModel([daily, annual], { flagg: 'OVERDUE' });
    const section = model.sections[1]!;
    expect(section.counts).toEqual([
      { code: 'OVERDUE', withFlag: 1, mostUrgent: 1 },
      { code: 'MUST_RESUBMIT', withFlag: 2, mostUrgent: 2 },
      { code: 'SHOULD_APPLY_FOR_EXTENSION', withFlag: 3, mostUrgent: 1 },
      { code: 'NEW_FLAG', withFlag: 1, mostUrgent: 1 },
    ]);
    // The most urgent flags add up to the flagged municipalities; the filter's count is `withFlag`.
    expect(section.counts.reduce((sum, count) => sum + count.mostUrgent, 0)).toBe(section.flagged);
    expect(section.flagged).toBe(5);
    expect(section.matching).toBe(1);
    // A code outside the section's order counts only where a row carries it.
    expect(worklistModel([annual], { fylke: '46' }).sections[0]!.counts.map((count) => count.withFlag)).toEqual([
      0, 1, 1,
    ]);
  });

  it('pages over all sections in order; a group cut by a page shows on both, marked as continued', () => {
    const params = { gruppe: 'flagg' as const };
    const first = worklistModel([daily, annual], params, 3);
    expect([first.matching, first.page, first.pageCount]).toEqual([7, 1, 3]);
    expect(numbers(first)).toEqual([
      [
        ['REJECTING', ['4601']],
        ['SILENT', ['0301']],
      ],
      [['OVERDUE', ['0301']]],
    ]);
    const second = worklistModel([daily, annual], { ...params, side: 2 }, 3);
    expect(numbers(second)).toEqual([
      [],
      [
        ['MUST_RESUBMIT', ['4601', '1508']],
        ['SHOULD_APPLY_FOR_EXTENSION', ['4602']],
      ],
    ]);
    const third = worklistModel([daily, annual], { ...params, side: 3 }, 3);
    expect(numbers(third)).toEqual([[], [['NEW_FLAG', ['5001']]]]);

    const cut = worklistModel([annual], { gruppe: 'flagg', side: 2 }, 2);
    expect(cut.sections[0]!.groups.map(({ key, size, continued }) => ({ key, size, continued }))).toEqual([
      { key: 'MUST_RESUBMIT', size: 2, continued: true },
      { key: 'SHOULD_APPLY_FOR_EXTENSION', size: 1, continued: false },
    ]);
  });

  it.each([
    [undefined, 1],
    [0, 1],
    [2, 2],
    [99, 2],
  ])('page %s of two is shown as page %s', (side, page) => {
    expect(worklistModel([annual], { side }, 3).page).toBe(page);
  });

  it('has one empty page when nothing matches', () => {
    const model = worklistModel([daily, annual], { q: 'finnes ikke' });
    expect([model.matching, model.page, model.pageCount]).toEqual([0, 1, 1]);
    expect(model.sections.map((section) => section.groups)).toEqual([[], []]);
  });
});

describe('worklistParamsSchema', () => {
  const schema = worklistParamsSchema({ OVERDUE: 'Fristen er passert', SILENT: 'Stille' });

  it.each([
    [{}, {}],
    [
      { q: ' Oslo ', fylke: '03', flagg: 'SILENT', gruppe: 'fylke', side: '2' },
      { q: 'Oslo', fylke: '03', flagg: 'SILENT', gruppe: 'fylke', side: 2 },
    ],
    // Anything malformed is dropped, never an error; the overview table's sort and columns are not the worklist's.
    [
      { fylke: 'x', flagg: 'NOPE', gruppe: 'status', side: '-1', sort: 'name', kol: 'name', status: 'OVERDUE' },
      { q: undefined, fylke: undefined, flagg: undefined, gruppe: undefined, side: undefined },
    ],
  ])('%j is read as %j', (query, expected) => {
    expect(schema.parse(query)).toEqual(expected);
  });

  it('writes its state back as the same query', () => {
    const params = schema.parse({ q: 'Oslo', flagg: 'OVERDUE', gruppe: 'flagg', side: '3' });
    expect(worklistQuery(params)).toEqual({
      q: 'Oslo',
      fylke: undefined,
      flagg: 'OVERDUE',
      gruppe: 'flagg',
      side: '3',
    });
    expect(schema.parse(worklistQuery(params))).toEqual(params);
  });
});
