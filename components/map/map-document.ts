/**
 * The map of Norway (or of one county) as a document of its own, for the frame that NorwayMap puts
 * on the page: an SVG in a bare HTML page, written as a string on the server. Each municipality is
 * filled by its class (a colour and a pattern), is a link to its page (opening in the whole window)
 * named with its state, and lies under the county borders; a contact's own municipalities are
 * outlined. Municipalities without an area (outside a contact's scope, or left out by the filters)
 * are drawn plain, say nothing and are no link. No JavaScript.
 *
 * Why a document of its own: 357 links with their outlines are some 70 KB of markup, which on the
 * page itself was sent twice (as HTML and again in React's payload) on every view of the overview.
 * Served alone it is sent once, and a browser that has it asks only whether it changed (ETag).
 */
import { GRAPHIC_TEXT, type GraphicLook } from '@/components/graphics/palette';
import { patternMarkup } from '@/components/graphics/patterns';
import { escapeHtml } from '@/lib/core/html';
import type { MapOutlines } from '@/lib/core/map/geometry';
import { MAP_WORDS } from '@/lib/core/map/labels';

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

/** The id of a class's pattern, by its position among the classes (the page's legend uses the same). */
export const mapPatternId = (index: number) => `kart-${index}`;

/**
 * Designsystemet's light theme, which the frame's document cannot read from the page's stylesheet:
 * map-document.test.ts holds these to the theme's own values.
 */
export const MAP_THEME = {
  background: '#fff',
  tinted: '#f3f3f4',
  text: GRAPHIC_TEXT,
  borderSubtle: '#bbbcbd',
  focusInner: '#fff',
  focusOuter: '#292c30',
} as const;

const BORDERS = 'kart-fylkesgrenser';

const STYLE = `html,body{margin:0;height:100%;background:${MAP_THEME.background}}
svg{display:block;width:100%;height:100%}
.other{fill:${MAP_THEME.tinted};stroke:${MAP_THEME.borderSubtle};stroke-width:.4}
.areas path,.areas circle{stroke:${MAP_THEME.background};stroke-width:.4}
.areas circle{stroke:${MAP_THEME.text};stroke-width:.8}
.areas a:focus{outline:none}
.areas a:hover path,.areas a:hover circle{stroke:${MAP_THEME.text};stroke-width:1.5}
.areas a:focus-visible path,.areas a:focus-visible circle{stroke:${MAP_THEME.focusInner};stroke-width:3;filter:drop-shadow(0 0 1px ${MAP_THEME.focusOuter}) drop-shadow(0 0 1px ${MAP_THEME.focusOuter})}
.borders-halo,.borders{fill:none;stroke-linejoin:round;pointer-events:none}
.borders-halo{stroke:${MAP_THEME.background};stroke-width:2.5}
.borders{stroke:${MAP_THEME.text};stroke-width:1}
.highlight{fill:none;stroke:${MAP_THEME.text};stroke-width:2.5;pointer-events:none}
.highlight .halo{stroke:${MAP_THEME.background};stroke-width:5}`;

const shapeMarkup = (outline: MapOutlines['municipalities'][number], radius: number) =>
  (outline.d ? `<path d="${outline.d}"/>` : '') +
  (outline.marker ? `<circle cx="${outline.marker.x}" cy="${outline.marker.y}" r="${radius}"/>` : '');

/**
 * The municipalities' shapes, links, borders and highlights. Every text is escaped
 * (lib/core/html.ts); path data is numbers and letters from d3-geo.
 */
function shapesMarkup(outlines: MapOutlines, areas: ReadonlyMap<string, MapArea>, classes: readonly MapClass[]) {
  const index = new Map(classes.map((mapClass, position) => [mapClass.key, position]));
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
      `<a href="${escapeHtml(area.href)}" target="_top" aria-label="${escapeHtml(area.label)}" fill="url(#${mapPatternId(index.get(area.classKey)!)})">${shapeMarkup(outline, 4)}</a>`,
    );
    if (area.highlighted)
      highlights.push(
        `<g class="highlight" aria-hidden="true">` +
          (outline.d ? `<path class="halo" d="${outline.d}"/>` : '') +
          `${shapeMarkup(outline, 5)}</g>`,
      );
  }
  // The borders: a white line under the dark one, so they show on dark fills as on light ones.
  const borders = outlines.borders
    ? `<use href="#${BORDERS}" class="borders-halo"/><use href="#${BORDERS}" class="borders"/>`
    : '';
  return (
    `<g aria-hidden="true" class="other">${others.join('')}</g>` +
    `<g class="areas">${links.join('')}</g>${borders}${highlights.join('')}`
  );
}

/** The map's whole document: `place` is «Norge» or the county's name. */
export function mapDocument({
  outlines,
  classes,
  areas,
  place,
}: {
  outlines: MapOutlines;
  classes: readonly MapClass[];
  /** The municipalities the viewer may see, by number. */
  areas: ReadonlyMap<string, MapArea>;
  place: string;
}): string {
  const title = escapeHtml(MAP_WORDS.mapOf(place));
  const patterns = classes.map((mapClass, position) => patternMarkup(mapPatternId(position), mapClass)).join('');
  const borders = outlines.borders ? `<path id="${BORDERS}" d="${outlines.borders}"/>` : '';
  return (
    `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>` +
    `<body><svg viewBox="0 0 ${outlines.width} ${outlines.height}" role="group" aria-label="${title}">` +
    `<defs>${patterns}${borders}</defs>${shapesMarkup(outlines, areas, classes)}</svg></body></html>`
  );
}
