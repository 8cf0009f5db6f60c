import { Heading } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { requireViewer } from '@/lib/access/request';
import { MAP_WORDS } from '@/lib/core/map/labels';
import { CountyChoice, MapSection } from '../_components/map-section';
import { loadMap, type MapParams } from './map-data';

export const metadata: Metadata = { title: MAP_WORDS.title };

/**
 * The map of Norway on a page of its own, for FHI and contacts alike (map-data.ts: the season, date,
 * county and filters of the query). A contact sees their own municipalities coloured and outlined in
 * the country, and every other one plain.
 */
export default async function MapPage({ searchParams }: { searchParams: Promise<MapParams> }) {
  const viewer = await requireViewer();
  const map = await loadMap(viewer, await searchParams, new Date());
  if (!map) notFound();
  const { query, season, fhi, daily, view } = map;
  const keep = { ...map.filters, kol: undefined, side: undefined, season: query.season, asOf: query.asOf };

  return (
    <>
      <Heading level={1} data-size="lg">
        {MAP_WORDS.title} – {season.name}
      </Heading>
      <SeasonSwitch path="/kart" seasons={[...map.seasons].reverse()} current={season.key} asOf={query.asOf} />
      <AsOfForm path="/kart" asOf={query.asOf} shownAt={map.asOf} keep={{ ...keep, asOf: undefined }} />
      <MapSection
        view={view}
        classes={map.classes}
        areas={map.areas}
        query={keep}
        description={
          fhi
            ? daily
              ? MAP_WORDS.byRateBand
              : MAP_WORDS.byState
            : daily
              ? MAP_WORDS.contactByRateBand
              : MAP_WORDS.contactByState
        }
        otherLabel={fhi ? MAP_WORDS.notSelected : MAP_WORDS.otherMunicipalities}
      >
        <CountyChoice path="/kart" view={view} keep={keep} />
      </MapSection>
    </>
  );
}
