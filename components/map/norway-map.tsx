/**
 * The map of Norway (or of one county), drawn on the server as SVG: each municipality filled by its
 * class (a colour and a pattern, so classes are told apart without colour), a link to its page named
 * with its state, county borders, a legend with the patterns and counts, Kartverket's attribution, and
 * the same classes as a table. Municipalities without an area (outside a contact's scope, or left out
 * by the filters) are drawn plain, say nothing and are no link. No JavaScript.
 */
import {
  Details,
  DetailsContent,
  DetailsSummary,
  SkipLink,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { formatList, formatNumber } from '@/lib/core/format';
import { escapeHtml } from '@/lib/core/html';
import type { MapOutlines } from '@/lib/core/map/geometry';
import { MAP_WORDS } from '@/lib/core/map/labels';
import styles from './norway-map.module.css';

export type MapColor = 'success' | 'danger' | 'warning' | 'neutral' | 'info';
/** How a class fills its municipalities besides its colour. */
export type MapPattern = 'solid' | 'hatch' | 'cross' | 'dots' | 'lines';

export interface MapClass {
  key: string;
  label: string;
  color: MapColor;
  pattern: MapPattern;
}

/** A municipality the viewer may see: its class, its link and what the link says. */
export interface MapArea {
  number: string;
  name: string;
  classKey: string;
  /** The link's accessible name: the municipality and its state. */
  label: string;
  href: string;
  /** A contact's own municipality, outlined. */
  highlighted?: boolean;
}

const PATTERN_SIZE = 6;
const OTHER = 'kart-andre';
const patternId = (index: number) => `kart-${index}`;

function PatternMarks({ pattern }: { pattern: MapPattern }) {
  const stroke = { className: styles.mark };
  switch (pattern) {
    case 'solid':
      return null;
    case 'hatch':
      return <path {...stroke} d={`M0,${PATTERN_SIZE}L${PATTERN_SIZE},0`} />;
    case 'cross':
      return <path {...stroke} d={`M0,${PATTERN_SIZE}L${PATTERN_SIZE},0M0,0L${PATTERN_SIZE},${PATTERN_SIZE}`} />;
    case 'lines':
      return <path {...stroke} d={`M0,${PATTERN_SIZE / 2}H${PATTERN_SIZE}`} />;
    case 'dots':
      return <circle className={styles.dot} cx={PATTERN_SIZE / 2} cy={PATTERN_SIZE / 2} r={1.2} />;
  }
}

function Pattern({ id, color, pattern }: { id: string; color: MapColor | 'other'; pattern: MapPattern }) {
  return (
    <pattern id={id} width={PATTERN_SIZE} height={PATTERN_SIZE} patternUnits="userSpaceOnUse" data-color={color}>
      <rect className={styles.ground} width={PATTERN_SIZE} height={PATTERN_SIZE} />
      <PatternMarks pattern={pattern} />
    </pattern>
  );
}

/** A small square filled like the map's areas of a class. */
function Swatch({ fill, outlined = false }: { fill: string; outlined?: boolean }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="22"
        height="14"
        fill={fill}
        className={outlined ? styles.highlight : styles.swatchEdge}
      />
    </svg>
  );
}

const shapeMarkup = (outline: MapOutlines['municipalities'][number], radius: number) =>
  (outline.d ? `<path d="${outline.d}"/>` : '') +
  (outline.marker ? `<circle cx="${outline.marker.x}" cy="${outline.marker.y}" r="${radius}"/>` : '');

/**
 * The municipalities' shapes, links and borders as one string of SVG markup: 357 links with their
 * paths are some 1 100 elements, which React would otherwise render on every view and serialize again
 * into the page's RSC payload. Every text is escaped (lib/core/html.ts); path data is numbers and
 * letters from d3-geo.
 */
function shapesMarkup(
  outlines: MapOutlines,
  areas: ReadonlyMap<string, MapArea>,
  index: ReadonlyMap<string, number>,
): string {
  const others: string[] = [];
  const links: string[] = [];
  const highlights: string[] = [];
  for (const outline of outlines.municipalities) {
    const area = areas.get(outline.number);
    if (!area) {
      if (outline.d) others.push(`<path d="${outline.d}"/>`);
      continue;
    }
    links.push(
      `<a href="${escapeHtml(area.href)}" aria-label="${escapeHtml(area.label)}" fill="url(#${patternId(index.get(area.classKey)!)})">${shapeMarkup(outline, 4)}</a>`,
    );
    if (area.highlighted)
      highlights.push(`<g class="${styles.highlight}" aria-hidden="true">${shapeMarkup(outline, 5)}</g>`);
  }
  return (
    `<g aria-hidden="true" fill="url(#${OTHER})" class="${styles.other}">${others.join('')}</g>` +
    `<g class="${styles.areas}">${links.join('')}</g>` +
    (outlines.borders ? `<path class="${styles.borders}" d="${outlines.borders}"/>` : '') +
    highlights.join('')
  );
}

interface NorwayMapProps {
  outlines: MapOutlines;
  classes: readonly MapClass[];
  /** The municipalities the viewer may see, by number. */
  areas: ReadonlyMap<string, MapArea>;
  /** What the map shows: «Norge» or the county's name. */
  place: string;
  /** What the plain municipalities are (left out by the filters, or not the contact's). */
  otherLabel: string;
}

export function NorwayMap({ outlines, classes, areas, place, otherLabel }: NorwayMapProps) {
  const index = new Map(classes.map((mapClass, position) => [mapClass.key, position]));
  const members = classes.map(() => [] as MapArea[]);
  let others = 0;
  for (const outline of outlines.municipalities) {
    const area = areas.get(outline.number);
    if (area) members[index.get(area.classKey)!]!.push(area);
    else others++;
  }
  const highlighted = outlines.municipalities.some((outline) => areas.get(outline.number)?.highlighted);

  return (
    <>
      <SkipLink href="#etter-kartet">{MAP_WORDS.skip}</SkipLink>
      <figure className={styles.figure}>
        <svg
          className={styles.map}
          viewBox={`0 0 ${outlines.width} ${outlines.height}`}
          role="group"
          aria-label={MAP_WORDS.mapOf(place)}
        >
          <defs>
            {classes.map((mapClass, position) => (
              <Pattern key={mapClass.key} id={patternId(position)} color={mapClass.color} pattern={mapClass.pattern} />
            ))}
            <Pattern id={OTHER} color="other" pattern="solid" />
          </defs>
          <g dangerouslySetInnerHTML={{ __html: shapesMarkup(outlines, areas, index) }} />
        </svg>
        <figcaption>
          <ul className={styles.legend} aria-label={MAP_WORDS.legend}>
            {classes.map((mapClass, position) => (
              <li key={mapClass.key}>
                <Swatch fill={`url(#${patternId(position)})`} /> {mapClass.label} (
                {formatNumber(members[position]!.length)})
              </li>
            ))}
            {others > 0 && (
              <li>
                <Swatch fill={`url(#${OTHER})`} /> {otherLabel} ({formatNumber(others)})
              </li>
            )}
            {highlighted && (
              <li>
                <Swatch fill="none" outlined /> {MAP_WORDS.yours}
              </li>
            )}
          </ul>
          <small className={styles.attribution}>{MAP_WORDS.attribution}</small>
        </figcaption>
      </figure>
      <span id="etter-kartet" />
      <Details>
        <DetailsSummary>{MAP_WORDS.asTable}</DetailsSummary>
        <DetailsContent>
          <DataTable
            caption={MAP_WORDS.mapOf(place)}
            columns={[MAP_WORDS.tableClass, MAP_WORDS.tableCount, MAP_WORDS.tableMunicipalities]}
          >
            {classes.map((mapClass, position) => (
              <TableRow key={mapClass.key}>
                <TableHeaderCell scope="row">{mapClass.label}</TableHeaderCell>
                <TableCell>{formatNumber(members[position]!.length)}</TableCell>
                <TableCell>{formatList(members[position]!.map((area) => area.name)) || '–'}</TableCell>
              </TableRow>
            ))}
            {others > 0 && (
              <TableRow>
                <TableHeaderCell scope="row">{otherLabel}</TableHeaderCell>
                <TableCell>{formatNumber(others)}</TableCell>
                <TableCell>–</TableCell>
              </TableRow>
            )}
          </DataTable>
        </DetailsContent>
      </Details>
    </>
  );
}
