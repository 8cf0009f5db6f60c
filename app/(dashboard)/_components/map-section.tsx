/**
 * The map on the overview (FHI) and on /kart: the country or the focused county (`fylke`, the same
 * filter as the table's), its municipalities coloured by the season's classes, and a choice of county
 * as plain links that keep the season, the date and the filters.
 */
import { Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { MapArea, MapClass } from '@/components/map/map-document';
import { NorwayMap } from '@/components/map/norway-map';
import { PageSection } from '@/components/status/page-section';
import { MAP_WORDS } from '@/lib/core/map/labels';
import type { MapView } from '@/lib/core/map/outlines';
import { pathWithQuery, type QueryParams } from '@/lib/status/rules/query';
import styles from './status-overview.module.css';

/** A map's query: the table's search, filters, season and date, but not its columns, page or sort. */
const mapQuery = (query: QueryParams): QueryParams => ({
  ...query,
  kol: undefined,
  side: undefined,
  sort: undefined,
  retning: undefined,
});

/** The counties as links that focus the map on one (or on the whole country), keeping the rest of the query. */
export function CountyChoice({ path, view, keep }: { path: string; view: MapView; keep: QueryParams }) {
  const choices: [string | undefined, string][] = [[undefined, MAP_WORDS.wholeCountry], ...view.counties];
  return (
    <nav aria-label={MAP_WORDS.countyChoice}>
      <ul className={styles.choices}>
        {choices.map(([number, name]) => (
          <li key={number ?? ''}>
            {number === view.county ? (
              <strong aria-current="page">{name}</strong>
            ) : (
              <Link href={pathWithQuery(path, { ...keep, fylke: number, side: undefined })}>{name}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function MapSection({
  view,
  classes,
  areas,
  query,
  description,
  otherLabel,
  linkToOwnPage = false,
  classFilter,
  children,
}: {
  view: MapView;
  classes: readonly MapClass[];
  areas: ReadonlyMap<string, MapArea>;
  /** The page's query, which the map's own document gets too. */
  query: QueryParams;
  /** What the colours mean, in a sentence. */
  description: string;
  otherLabel: string;
  /** On an overview: a link to the map's own page above the map. */
  linkToOwnPage?: boolean;
  /** The page's table filter whose values are the map's classes (the annual overview's `status`). */
  classFilter?: string;
  /** Above the map: the county choice. */
  children?: ReactNode;
}) {
  return (
    <PageSection id="kart" title="Kart">
      <Paragraph data-size="sm">{description}</Paragraph>
      {linkToOwnPage && (
        <Paragraph data-size="sm">
          <Link href={pathWithQuery('/kart', mapQuery(query))}>{MAP_WORDS.ownPage}</Link>
        </Paragraph>
      )}
      {children}
      <NorwayMap
        outlines={view.outlines}
        classes={classes}
        areas={areas}
        place={view.place}
        otherLabel={otherLabel}
        src={pathWithQuery('/kart/ramme', mapQuery(query))}
        classHref={
          classFilter
            ? (classKey) => `${pathWithQuery('/', { ...query, [classFilter]: classKey, side: undefined })}#kommuner`
            : undefined
        }
      />
    </PageSection>
  );
}
