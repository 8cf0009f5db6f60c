/**
 * One look per class for every picture of the app, the map and the charts alike: the Designsystemet
 * colour family of the class's badge (green for delivered, red for rejected …), drawn with one colour
 * per family that stays distinct from the others for the common colour-vision deficiencies, and a
 * pattern, so that two classes of one family — and every class, for those who see no colour — are
 * told apart without colour. palette.test.ts holds the palette to that (CIEDE2000 under simulated
 * protanopia, deuteranopia and tritanopia) and to WCAG's contrasts.
 */
import { RATE_BAND_COLORS } from '@/components/daily/daily-colors';
import { STATE_COLORS } from '@/components/status/state-colors';
import type { RateBand } from '@/lib/daily/rules/rate-band';
import type { DeliveryState } from '@/lib/status/rules';

/** The Designsystemet colour families the badges use. */
export type GraphicColor = 'success' | 'danger' | 'warning' | 'neutral' | 'info';
/** How an area is filled besides its colour. */
export type GraphicPattern = 'solid' | 'hatch' | 'cross' | 'dots' | 'lines';

export interface GraphicLook {
  color: GraphicColor;
  pattern: GraphicPattern;
}

/**
 * Each family's colour in a graphic: at least 3:1 against white (WCAG 1.4.11), and chosen (in OKLCH,
 * keeping each family's hue) so that any two stay at least ΔE2000 10 apart for normal vision and
 * under full protanopia, deuteranopia and tritanopia.
 */
export const GRAPHIC_FILLS: Record<GraphicColor, string> = {
  success: '#016643',
  danger: '#a80009',
  warning: '#774a00',
  info: '#1c6fd2',
  neutral: '#717171',
};

/** The pattern's marks, drawn over the fill. */
export const GRAPHIC_MARK = '#ffffff';

/** Text drawn in a graphic (axis ticks, the deadline's name): Designsystemet's default text colour. */
export const GRAPHIC_TEXT = '#292c30';

const STATE_PATTERNS: Record<DeliveryState, GraphicPattern> = {
  NOT_STARTED: 'dots',
  TESTING: 'lines',
  SENT: 'hatch',
  APPREC_OVERDUE: 'cross',
  REJECTED: 'solid',
  INCOMPLETE: 'hatch',
  ACCEPTED_WITH_ERRORS: 'dots',
  DELIVERED: 'solid',
};

const RATE_BAND_PATTERNS: Record<RateBand, GraphicPattern> = {
  HIGH: 'solid',
  FAIR: 'hatch',
  LOW: 'dots',
  VERY_LOW: 'cross',
  NO_DAYS: 'lines',
};

/** Each delivery state's look: its badge's family and a pattern of its own within the family. */
export const DELIVERY_STATE_LOOKS = Object.fromEntries(
  (Object.keys(STATE_PATTERNS) as DeliveryState[]).map((state) => [
    state,
    { color: STATE_COLORS[state], pattern: STATE_PATTERNS[state] },
  ]),
) as Record<DeliveryState, GraphicLook>;

/** Each band of the 7-day reporting rate's look on the map. */
export const RATE_BAND_LOOKS = Object.fromEntries(
  (Object.keys(RATE_BAND_PATTERNS) as RateBand[]).map((band) => [
    band,
    { color: RATE_BAND_COLORS[band], pattern: RATE_BAND_PATTERNS[band] },
  ]),
) as Record<RateBand, GraphicLook>;

/** How a line of a line chart is drawn: its colour, its dashes and a marker now and then. */
export interface LineLook {
  color: GraphicColor;
  width: number;
  /** SVG stroke-dasharray; none for a solid line. */
  dash?: string;
  marker: 'none' | 'square';
}

/** A line chart's two lines (this season and last; the rate and its timely part): told apart by dash and marker too. */
export const LINE_LOOKS = {
  main: { color: 'info', width: 2.5, marker: 'none' },
  other: { color: 'neutral', width: 2, dash: '6 4', marker: 'square' },
} as const satisfies Record<string, LineLook>;
