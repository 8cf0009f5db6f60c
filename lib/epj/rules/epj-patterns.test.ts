import { describe, expect, it } from 'vitest';
import {
  epjAt,
  epjUses,
  findEpjPatterns,
  standsOut,
  startOf,
  upperTailPValue,
  type Epj,
  type EpjUse,
  type FailureEvent,
} from './epj-patterns';

const at = (iso: string) => new Date(iso);
const PERIOD = { from: at('2026-01-01T00:00:00+01:00'), to: at('2026-01-31T23:59:59+01:00') };
const X91: Epj = { system: 'System X', version: '9.1' };
const X90: Epj = { system: 'System X', version: '9.0' };
const Y1: Epj = { system: 'System Y', version: '1.0' };
const number = (index: number) => String(1000 + index);

/** `count` municipalities from `first` on the EPJ for all of January. */
function uses(first: number, count: number, epj: Epj): EpjUse[] {
  return Array.from({ length: count }, (_, index) => ({
    municipality: number(first + index),
    epj,
    from: at('2025-12-01T00:00:00+01:00'),
    until: null,
  }));
}
function rejected(first: number, count: number, epj: Epj, code = 'T02', day = 10): FailureEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    municipality: number(first + index),
    kind: 'REJECTION' as const,
    code,
    epj,
    at: at(`2026-01-${String(day + (index % 5)).padStart(2, '0')}T09:00:00+01:00`),
  }));
}

describe('the test of standing out', () => {
  it.each([
    { name: 'the issue example: 12 of 40 against 3 of 317', group: [12, 40], rest: [3, 317], out: true },
    { name: 'fewer than three affected', group: [2, 4], rest: [0, 300], out: false },
    { name: 'a share below a fifth', group: [5, 40], rest: [0, 317], out: false },
    { name: 'not three times the rest', group: [12, 40], rest: [40, 317], out: false },
    { name: 'a small group by chance', group: [3, 6], rest: [30, 100], out: false },
    { name: 'no rest to compare with', group: [12, 40], rest: [0, 0], out: false },
    { name: 'everyone in the group, few elsewhere', group: [20, 20], rest: [10, 337], out: true },
  ])('$name', ({ group, rest, out }) => {
    expect(standsOut({ affected: group[0]!, of: group[1]! }, { affected: rest[0]!, of: rest[1]! })).toBe(out);
  });

  it('gives the hypergeometric tail', () => {
    // 2 of 2 drawn from 4 with 2 successes: 1/6.
    expect(upperTailPValue({ affected: 2, of: 2 }, { affected: 0, of: 2 })).toBeCloseTo(1 / 6, 10);
    expect(upperTailPValue({ affected: 0, of: 10 }, { affected: 5, of: 10 })).toBeCloseTo(1, 10);
  });
});

describe('when a pattern started', () => {
  it.each([
    { name: 'a wave: its first', firsts: ['2026-01-05', '2026-01-06', '2026-01-09'], started: '2026-01-05' },
    {
      name: 'odd failures months before a wave: the wave’s first',
      firsts: ['2026-02-19', '2026-07-06', '2026-09-15', '2026-09-16', '2026-09-18'],
      started: '2026-09-15',
    },
    {
      name: 'no fortnight with half: the earliest',
      firsts: ['2026-01-01', '2026-03-01', '2026-05-01', '2026-07-01'],
      started: '2026-01-01',
    },
  ])('$name', ({ firsts, started }) => {
    expect(startOf(firsts.map((day) => at(`${day}T12:00:00Z`)))).toEqual(at(`${started}T12:00:00Z`));
  });
});

describe('uses of an EPJ', () => {
  const messages = [
    { municipality: '0301', epj: Y1, at: at('2026-03-01T00:00:00Z') },
    { municipality: '0301', epj: X90, at: at('2026-01-05T00:00:00Z') },
    { municipality: '0301', epj: X90, at: at('2026-02-05T00:00:00Z') },
    { municipality: '4601', epj: X91, at: at('2026-01-07T00:00:00Z') },
  ];
  it('begins a use where the EPJ named changes and ends it at the next', () => {
    expect(epjUses(messages)).toEqual([
      { municipality: '0301', epj: X90, from: at('2026-01-05T00:00:00Z'), until: at('2026-03-01T00:00:00Z') },
      { municipality: '0301', epj: Y1, from: at('2026-03-01T00:00:00Z'), until: null },
      { municipality: '4601', epj: X91, from: at('2026-01-07T00:00:00Z'), until: null },
    ]);
  });
  it.each([
    ['before the first message', '2026-01-01T00:00:00Z', null],
    ['during the first use', '2026-02-10T00:00:00Z', X90],
    ['after the change', '2026-03-02T00:00:00Z', Y1],
  ])('the EPJ in use %s', (_, instant, expected) => {
    expect(epjAt(epjUses(messages), '0301', at(instant))).toEqual(expected);
  });
});

describe('patterns', () => {
  const base = [...uses(0, 40, X91), ...uses(40, 30, X90), ...uses(70, 287, Y1)];

  it('finds a version whose customers were rejected with one code, and lists exactly them', () => {
    const result = findEpjPatterns({
      period: PERIOD,
      uses: base,
      deliveries: [],
      failures: [...rejected(0, 12, X91), ...rejected(70, 3, Y1)],
    });
    expect(result.patterns).toHaveLength(1);
    const [pattern] = result.patterns;
    expect(pattern!.group).toEqual({ level: 'VERSION', system: 'System X', version: '9.1' });
    expect(pattern!.failure).toEqual({ kind: 'REJECTION', code: 'T02' });
    expect(pattern!.groupShare).toEqual({ affected: 12, of: 40 });
    expect(pattern!.rest).toEqual({ affected: 3, of: 317 });
    expect(pattern!.affected.map((row) => row.number)).toEqual(Array.from({ length: 12 }, (_, i) => number(i)));
    expect(pattern!.startedAt).toEqual(at('2026-01-10T09:00:00+01:00'));
    expect(result.municipalities).toBe(357);
  });

  it('shows the system, not each version, when the whole system is hit', () => {
    const result = findEpjPatterns({
      period: PERIOD,
      uses: base,
      deliveries: [],
      failures: [...rejected(0, 30, X91), ...rejected(40, 22, X90), ...rejected(70, 5, Y1)],
    });
    expect(result.patterns.map((pattern) => pattern.group)).toEqual([
      { level: 'SYSTEM', system: 'System X', version: null },
    ]);
  });

  it('shows a version within a system that stands out when it stands out in its own system too', () => {
    const result = findEpjPatterns({
      period: PERIOD,
      uses: base,
      deliveries: [],
      failures: [...rejected(0, 40, X91), ...rejected(40, 3, X90), ...rejected(70, 4, Y1)],
    });
    expect(result.patterns.map((pattern) => `${pattern.group.level} ${pattern.group.version}`)).toEqual([
      'SYSTEM null',
      'VERSION 9.1',
    ]);
  });

  it('counts a municipality that changed system under each system for the time it used it', () => {
    const changer: EpjUse[] = [
      { municipality: '9999', epj: Y1, from: at('2025-12-01T00:00:00Z'), until: at('2026-01-08T00:00:00Z') },
      { municipality: '9999', epj: X91, from: at('2026-01-08T00:00:00Z'), until: null },
    ];
    const result = findEpjPatterns({
      period: PERIOD,
      uses: [...base, ...changer],
      deliveries: [],
      failures: [...rejected(0, 12, X91), { ...rejected(0, 1, X91)[0]!, municipality: '9999' }],
    });
    const sizes = Object.fromEntries(
      result.groups.map((row) => [`${row.group.system} ${row.group.version}`, row.municipalities]),
    );
    expect(sizes['System X 9.1']).toBe(41);
    expect(sizes['System Y 1.0']).toBe(288);
    expect(result.patterns[0]!.affected.map((row) => row.number)).toContain('9999');
    expect(result.patterns[0]!.rest.of).toBe(30 + 288);
  });

  it('leaves out what happened outside the period, and counts a silence that overlaps it', () => {
    const outside = rejected(0, 12, X91).map((event) => ({ ...event, at: at('2026-02-10T00:00:00Z') }));
    const silences: FailureEvent[] = Array.from({ length: 10 }, (_, index) => ({
      municipality: number(index),
      kind: 'SILENCE',
      code: null,
      epj: X91,
      at: at('2025-12-20T00:00:00Z'),
      until: index < 5 ? null : at('2026-01-03T00:00:00Z'),
    }));
    const result = findEpjPatterns({ period: PERIOD, uses: base, deliveries: [], failures: [...outside, ...silences] });
    expect(result.patterns.map((pattern) => [pattern.failure.kind, pattern.affected.length])).toEqual([
      ['SILENCE', 10],
    ]);
    expect(result.failures).toEqual([{ failure: { kind: 'SILENCE', code: null }, municipalities: 10 }]);
  });

  it('counts deliveries and failures per group, systems before their versions', () => {
    const result = findEpjPatterns({
      period: PERIOD,
      uses: uses(0, 2, X91),
      deliveries: [
        { municipality: number(0), epj: X91, at: at('2026-01-05T10:00:00Z'), accepted: true },
        { municipality: number(1), epj: X91, at: at('2026-01-05T10:00:00Z'), accepted: false },
        { municipality: number(1), epj: X91, at: at('2026-02-05T10:00:00Z'), accepted: true },
      ],
      failures: [
        ...rejected(1, 1, X91),
        ...rejected(1, 1, X91, 'X99'),
        {
          municipality: number(0),
          kind: 'FINDING',
          code: 'ORG_NUMBER_INVALID',
          epj: X91,
          at: at('2026-01-06T00:00:00Z'),
        },
      ],
    });
    expect(result.groups.map((row) => [row.group.level, row.municipalities, row.deliveries, row.accepted])).toEqual([
      ['SYSTEM', 2, 2, 1],
      ['VERSION', 2, 2, 1],
    ]);
    expect(result.groups[1]!.failures.REJECTION).toEqual({
      municipalities: 1,
      byCode: [
        { code: 'T02', municipalities: 1 },
        { code: 'X99', municipalities: 1 },
      ],
    });
    expect(result.groups[1]!.failures.FINDING.municipalities).toBe(1);
  });
});
