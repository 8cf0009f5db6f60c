/**
 * The key figures, defined once: every screen, chart, export and the weekly report counts
 * municipalities with these functions, so a number means the same wherever it is shown.
 *
 * - The states partition the municipalities: each is in exactly one state (what its latest
 *   production delivery says), so the state figures add up to the number in scope.
 * - Two measures cut across the states and are named as such: «Godkjent levering» (an accepted
 *   production delivery by `asOf`, whatever was sent after it) and «Levert innen fristen» (the
 *   first accepted delivery was sent by the municipality's effective deadline).
 * - Three flags are counted as they are raised (a municipality may carry several).
 */
import type { DeliveryFigures, DeliveryState, FlagCode } from './types';

/** Every state, in the order the overview lists them (most advanced first). */
export const STATE_ORDER: readonly DeliveryState[] = [
  'DELIVERED',
  'ACCEPTED_WITH_ERRORS',
  'INCOMPLETE',
  'REJECTED',
  'APPREC_OVERDUE',
  'SENT',
  'TESTING',
  'NOT_STARTED',
];

export type MeasureKey = 'accepted' | 'deliveredOnTime';
export const MEASURE_ORDER: readonly MeasureKey[] = ['accepted', 'deliveredOnTime'];

/** The flags counted among the key figures. */
export const KEY_FIGURE_FLAGS = [
  'OVERDUE',
  'MUST_RESUBMIT',
  'SHOULD_APPLY_FOR_EXTENSION',
] as const satisfies readonly FlagCode[];
export type KeyFigureFlag = (typeof KEY_FIGURE_FLAGS)[number];

/** What a municipality's key figures are counted from: its state, its flag codes and two of its figures. */
export interface KeyFigureInput {
  state: DeliveryState;
  flags: readonly FlagCode[];
  deliveredOnTime: boolean | null;
  /** When the first accepted delivery became accepted (an ISO string in a stored snapshot). */
  firstAcceptedAt: Date | string | null;
}

/** «Godkjent levering»: the municipality has an accepted production delivery at `asOf`. */
export function hasAcceptedDelivery(row: Pick<KeyFigureInput, 'firstAcceptedAt'>): boolean {
  return row.firstAcceptedAt !== null;
}

/** «Levert innen fristen»: its first accepted delivery was sent by its effective deadline. */
export function deliveredByDeadline(row: Pick<KeyFigureInput, 'deliveredOnTime'>): boolean {
  return row.deliveredOnTime === true;
}

/** A status row's key-figure input. */
export function keyFigureInput(row: {
  state: DeliveryState;
  flags: readonly { code: FlagCode }[];
  figures: Pick<DeliveryFigures, 'deliveredOnTime' | 'firstAcceptedAt'>;
}): KeyFigureInput {
  return {
    state: row.state,
    flags: row.flags.map((flag) => flag.code),
    deliveredOnTime: row.figures.deliveredOnTime,
    firstAcceptedAt: row.figures.firstAcceptedAt,
  };
}

/** Municipalities per state (adding up to `total`), per measure and per counted flag. */
export interface KeyFigureCounts {
  /** Municipalities in scope. */
  total: number;
  states: Record<DeliveryState, number>;
  measures: Record<MeasureKey, number>;
  flags: Record<KeyFigureFlag, number>;
}

/** The key figures of any set of municipalities, counted one way. */
export function countKeyFigures(rows: readonly KeyFigureInput[]): KeyFigureCounts {
  const states = Object.fromEntries(STATE_ORDER.map((state) => [state, 0])) as Record<DeliveryState, number>;
  const measures: Record<MeasureKey, number> = { accepted: 0, deliveredOnTime: 0 };
  const flags = Object.fromEntries(KEY_FIGURE_FLAGS.map((code) => [code, 0])) as Record<KeyFigureFlag, number>;
  for (const row of rows) {
    states[row.state]++;
    if (hasAcceptedDelivery(row)) measures.accepted++;
    if (deliveredByDeadline(row)) measures.deliveredOnTime++;
    for (const code of KEY_FIGURE_FLAGS) if (row.flags.includes(code)) flags[code]++;
  }
  return { total: rows.length, states, measures, flags };
}

/** One key figure, addressed by its group and key. */
export type KeyFigureKey =
  | { group: 'state'; key: DeliveryState }
  | { group: 'measure'; key: MeasureKey }
  | { group: 'flag'; key: KeyFigureFlag };

/** Every key figure in the order they are shown: states, then measures, then flags. */
export const KEY_FIGURE_KEYS: readonly KeyFigureKey[] = [
  ...STATE_ORDER.map((key) => ({ group: 'state' as const, key })),
  ...MEASURE_ORDER.map((key) => ({ group: 'measure' as const, key })),
  ...KEY_FIGURE_FLAGS.map((key) => ({ group: 'flag' as const, key })),
];

export function keyFigureCount(counts: KeyFigureCounts, figure: KeyFigureKey): number {
  switch (figure.group) {
    case 'state':
      return counts.states[figure.key];
    case 'measure':
      return counts.measures[figure.key];
    case 'flag':
      return counts.flags[figure.key];
  }
}

/** Whether a stored value has this shape (snapshots written before it counted other figures). */
export function isKeyFigureCounts(value: unknown): value is KeyFigureCounts {
  const counts = value as Partial<KeyFigureCounts> | null;
  return (
    typeof counts === 'object' &&
    counts !== null &&
    typeof counts.total === 'number' &&
    typeof counts.states === 'object' &&
    typeof counts.measures === 'object' &&
    typeof counts.flags === 'object'
  );
}
