/**
 * What the charts' plots share: dark axis text, the day and percent ticks, and how a line is drawn
 * from its look (colour, dashes, a marker now and then) so that it is told apart without colour.
 */
import { GRAPHIC_FILLS, GRAPHIC_TEXT, type LineLook } from '@/components/graphics/palette';
import { LineMarker } from '@/components/graphics/patterns';
import { formatIsoDate, formatPercent } from '@/lib/core/format';

/** Axis ticks in the page's text colour (Recharts' own grey is lighter). */
export const AXIS_TICK = { fill: GRAPHIC_TEXT, fontSize: 14 };

/** A tooltip's lines in the page's text colour (Recharts colours them like their series). */
export const TOOLTIP_ITEM = { color: GRAPHIC_TEXT };

/** An x-axis tick of a day: "15.01". */
export const dayMonth = (date: string) => formatIsoDate(date).slice(0, 5);

export const percentTick = (value: number) => formatPercent(value);

/** The shares' axis: 0 to 100 % in quarters. */
export const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** How many markers a line of `count` points gets: about a dozen, so the line stays readable. */
const MARKERS = 12;

/** Recharts `<Line>` props that draw a line with its look. */
export function lineProps(look: LineLook, count: number) {
  const every = Math.max(1, Math.round(count / MARKERS));
  return {
    stroke: GRAPHIC_FILLS[look.color],
    strokeWidth: look.width,
    strokeDasharray: look.dash,
    dot:
      look.marker === 'none'
        ? false
        : ({ cx, cy, index }: { cx?: number; cy?: number; index: number }) =>
            cx === undefined || cy === undefined || index % every !== 0 ? null : (
              <LineMarker x={cx} y={cy} look={look} />
            ),
    isAnimationActive: false,
  };
}
