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
import { Legend, PatternDef, Swatch } from '@/components/graphics/patterns';
import type { GraphicLook } from '@/components/graphics/palette';
import { DataTable } from '@/components/tables/data-table';
import { formatList, formatNumber } from '@/lib/core/format';
import { escapeHtml } from '@/lib/core/html';
import type { MapOutlines } from '@/lib/core/map/geometry';
import { MAP_WORDS } from '@/lib/core/map/labels';
import styles from './norway-map.module.css';

/** A class of the map: its key, its name and its look (colour and pattern, as in the charts). */
export interface MapClass extends GraphicLook {
  key: string;
  label: string;
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

const OTHER = 'kart-andre';
const BORDERS = 'kart-fylkesgrenser';
const patternId = (index: number) => `kart-${index}`;

const shapeMarkup = (outline: MapOutlines['municipalities'][number], radius: number) =>
  (outline.d ? `<path d="${outline.d}"/>` : '') +
  (outline.marker ? `<circle cx="${outline.marker.x}" cy="${outline.marker.y}" r="${radius}"/>` : '');

/**
 * The municipalities' shapes, links, borders and highlights as one string of SVG markup: 357 links
 * with their paths are some 1 100 elements, which React would otherwise render on every view and
 * serialize again into the page's RSC payload. Every text is escaped (lib/core/html.ts); path data
 * is numbers and letters from d3-geo.
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
      highlights.push(
        `<g class="${styles.highlight}" aria-hidden="true">` +
          (outline.d ? `<path class="${styles.halo}" d="${outline.d}"/>` : '') +
          `${shapeMarkup(outline, 5)}</g>`,
      );
  }
  // The borders: a white line under the dark one, so they show on dark fills as on light ones.
  const borders = outlines.borders
    ? `<use href="#${BORDERS}" class="${styles.bordersHalo}"/><use href="#${BORDERS}" class="${styles.borders}"/>`
    : '';
  return (
    `<g aria-hidden="true" fill="url(#${OTHER})" class="${styles.other}">${others.join('')}</g>` +
    `<g class="${styles.areas}">${links.join('')}</g>${borders}${highlights.join('')}`
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
              <PatternDef key={mapClass.key} id={patternId(position)} look={mapClass} />
            ))}
            <pattern id={OTHER} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect className={styles.otherGround} width="6" height="6" />
            </pattern>
            {outlines.borders && <path id={BORDERS} d={outlines.borders} />}
          </defs>
          <g dangerouslySetInnerHTML={{ __html: shapesMarkup(outlines, areas, index) }} />
        </svg>
        <figcaption>
          <Legend
            label={MAP_WORDS.legend}
            items={[
              ...classes.map((mapClass, position) => ({
                key: mapClass.key,
                swatch: <Swatch fill={`url(#${patternId(position)})`} />,
                text: `${mapClass.label} (${formatNumber(members[position]!.length)})`,
              })),
              ...(others > 0
                ? [
                    {
                      key: OTHER,
                      swatch: <Swatch fill={`url(#${OTHER})`} />,
                      text: `${otherLabel} (${formatNumber(others)})`,
                    },
                  ]
                : []),
              ...(highlighted
                ? [{ key: 'din', swatch: <Swatch fill="none" className={styles.highlight} />, text: MAP_WORDS.yours }]
                : []),
            ]}
          />
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
