/**
 * The SVG patterns that fill an area with its class's look (palette.ts), and the legend's swatches,
 * shared by the map and the charts so that a class looks the same in both. No hooks, no JavaScript:
 * the map draws them on the server, the charts in the browser.
 */
import type { ReactNode } from 'react';
import { escapeHtml } from '@/lib/core/html';
import { GRAPHIC_FILLS, GRAPHIC_MARK, type GraphicLook, type GraphicPattern, type LineLook } from './palette';
import styles from './graphics.module.css';

const SIZE = 6;
const STROKE = `fill="none" stroke="${GRAPHIC_MARK}" stroke-width="1.2"`;

/** Each pattern's marks over the fill, as SVG markup. */
const MARKS: Record<GraphicPattern, string> = {
  solid: '',
  hatch: `<path ${STROKE} d="M0,${SIZE}L${SIZE},0"/>`,
  cross: `<path ${STROKE} d="M0,${SIZE}L${SIZE},0M0,0L${SIZE},${SIZE}"/>`,
  lines: `<path ${STROKE} d="M0,${SIZE / 2}H${SIZE}"/>`,
  dots: `<circle fill="${GRAPHIC_MARK}" cx="${SIZE / 2}" cy="${SIZE / 2}" r="1.3"/>`,
};

/**
 * A `<pattern>` (for an SVG's `<defs>`) that fills an area with a look's colour and marks, as
 * markup: the page's legends and the map's own document (components/map/map-document.ts) draw the
 * same one. Use it as `url(#id)`.
 */
export const patternMarkup = (id: string, look: GraphicLook) =>
  `<pattern id="${escapeHtml(id)}" width="${SIZE}" height="${SIZE}" patternUnits="userSpaceOnUse">` +
  `<rect width="${SIZE}" height="${SIZE}" fill="${GRAPHIC_FILLS[look.color]}"/>${MARKS[look.pattern]}</pattern>`;

/**
 * Patterns in an SVG of their own, out of sight, so that a picture drawn elsewhere (a chart, the
 * map's frame) and the legend's swatches next to it can refer to them by id.
 */
export function PatternDefs({ patterns }: { patterns: readonly { id: string; look: GraphicLook }[] }) {
  return (
    <svg className={styles.defs} aria-hidden="true" focusable="false">
      <defs dangerouslySetInnerHTML={{ __html: patterns.map(({ id, look }) => patternMarkup(id, look)).join('') }} />
    </svg>
  );
}

/** A legend's small square filled like the picture's areas of a class (`fill` is usually `url(#id)`). */
export function Swatch({ fill, className = styles.edge }: { fill: string; className?: string }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="22" height="14" fill={fill} className={className} />
    </svg>
  );
}

/** A line's square marker, drawn on the line now and then and in its legend swatch. */
export function LineMarker({ x, y, look }: { x: number; y: number; look: LineLook }) {
  if (look.marker === 'none') return null;
  return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={GRAPHIC_FILLS[look.color]} stroke={GRAPHIC_MARK} />;
}

/** A legend's sample of a line: its colour, dashes and marker. */
export function LineSwatch({ look }: { look: LineLook }) {
  return (
    <svg className={styles.lineSwatch} viewBox="0 0 40 16" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="8"
        x2="39"
        y2="8"
        stroke={GRAPHIC_FILLS[look.color]}
        strokeWidth={look.width}
        strokeDasharray={look.dash}
      />
      <LineMarker x={20} y={8} look={look} />
    </svg>
  );
}

/** One entry of a legend: its series' key, its swatch and its name. */
export interface LegendItem {
  key: string;
  swatch: ReactNode;
  text: ReactNode;
}

/** A legend: each entry's swatch and name, in the order the picture draws them. */
export function Legend({ label, items }: { label: string; items: readonly LegendItem[] }) {
  return (
    <ul className={styles.legend} aria-label={label}>
      {items.map((item) => (
        <li key={item.key} data-series={item.key}>
          {item.swatch} {item.text}
        </li>
      ))}
    </ul>
  );
}
