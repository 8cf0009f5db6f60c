/**
 * The map of Norway (or of one county) on a page: its own document in a frame (map-document.ts: each
 * municipality filled by its class, a link to its page named with its state, county borders), with
 * a skip link past it, a legend with the patterns and counts, Kartverket's attribution, and the same
 * classes as a table. Municipalities without an area (outside a contact's scope, or left out by the
 * filters) are drawn plain and counted under `otherLabel`. No JavaScript.
 *
 * The table names each class's municipalities. Beside a table that lists every municipality with
 * its class (the overview's), a class of more than NAMED_MEMBERS links to that table filtered to it
 * instead: 301 names in one cell are not read, and they would go out twice on every request (the
 * page and its payload).
 */
import { Details, DetailsContent, DetailsSummary, SkipLink } from '@digdir/designsystemet-react';
import { Legend, PatternDefs, Swatch } from '@/components/graphics/patterns';
import { DataTable } from '@/components/tables/data-table';
import { formatList, formatNumber } from '@/lib/core/format';
import type { MapOutlines } from '@/lib/core/map/geometry';
import { MAP_WORDS } from '@/lib/core/map/labels';
import { mapPatternId, type MapArea, type MapClass } from './map-document';
import styles from './norway-map.module.css';

const NAMED_MEMBERS = 25;

interface NorwayMapProps {
  outlines: MapOutlines;
  classes: readonly MapClass[];
  /** The municipalities the viewer may see, by number. */
  areas: ReadonlyMap<string, MapArea>;
  /** What the map shows: «Norge» or the county's name. */
  place: string;
  /** What the plain municipalities are (left out by the filters, or not the contact's). */
  otherLabel: string;
  /** The map's own document (map-document.ts) for the same viewer, season and filters. */
  src: string;
  /** The page's table filtered to a class, when the page has one that can be. */
  classHref?: (classKey: string) => string;
}

export function NorwayMap({ outlines, classes, areas, place, otherLabel, src, classHref }: NorwayMapProps) {
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
        <iframe
          className={styles.map}
          src={src}
          title={MAP_WORDS.mapOf(place)}
          style={{ aspectRatio: `${outlines.width} / ${outlines.height}` }}
        />
        <figcaption>
          <PatternDefs
            patterns={classes.map((mapClass, position) => ({ id: mapPatternId(position), look: mapClass }))}
          />
          <Legend
            label={MAP_WORDS.legend}
            items={[
              ...classes.map((mapClass, position) => ({
                key: mapClass.key,
                swatch: <Swatch fill={`url(#${mapPatternId(position)})`} />,
                text: `${mapClass.label} (${formatNumber(members[position]!.length)})`,
              })),
              ...(others > 0
                ? [
                    {
                      key: 'andre',
                      swatch: <Swatch fill="none" className={styles.otherSwatch} />,
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
              <tr key={mapClass.key}>
                <th scope="row">{mapClass.label}</th>
                <td>{formatNumber(members[position]!.length)}</td>
                <td>
                  {classHref && members[position]!.length > NAMED_MEMBERS ? (
                    <a className="ds-link" href={classHref(mapClass.key)}>
                      {MAP_WORDS.inTable(formatNumber(members[position]!.length))}
                    </a>
                  ) : (
                    formatList(members[position]!.map((area) => area.name)) || '–'
                  )}
                </td>
              </tr>
            ))}
            {others > 0 && (
              <tr>
                <th scope="row">{otherLabel}</th>
                <td>{formatNumber(others)}</td>
                <td>–</td>
              </tr>
            )}
          </DataTable>
        </DetailsContent>
      </Details>
    </>
  );
}
