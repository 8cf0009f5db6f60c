import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import type { StatusOverviewSummary } from '@/lib/status/rules';
import type { StatusQueryParams } from '@/lib/status/rules/query';
import { statusTableQuery, type StatusTableParams } from '@/lib/status/rules/table-params';
import { formatDateTime } from '@/lib/core/format';
import { PrintSummary } from '@/components/status/print-summary';
import { KeyFiguresSection } from './key-figures-section';
import { MunicipalitiesSection } from './municipalities-section';
import { OverviewCharts } from './overview-charts';
import { tableModelOf, tableSelectionText, viewOf } from './overview-view';
import { STATE_MAP_CLASSES, stateMapAreas } from '@/components/map/map-classes';
import { MAP_WORDS } from '@/lib/core/map/labels';
import type { MapView } from '@/lib/core/map/outlines';
import { MapSection } from './map-section';

interface StatusOverviewProps {
  overview: StatusOverviewSummary;
  /** Every season, for the switch (newest first). */
  seasons?: readonly { key: string; name: string }[];
  /** FHI see the charts; a contact sees their own municipalities. */
  fhi: boolean;
  query: StatusQueryParams;
  table: StatusTableParams;
  /** The map (FHI): the country, or the county of the table's county filter. */
  map?: MapView;
  /** The print view (?visning=utskrift): every row of the table on one page. */
  printView?: boolean;
}

/** The home page's content: key figures, last season's comparison, charts (FHI) and the table. */
export function StatusOverview({ overview, seasons, fhi, query, table, map, printView = false }: StatusOverviewProps) {
  const view = viewOf(overview);
  const { season } = overview;
  const total = overview.keyFigures.total;
  const keep = { season: query.season, asOf: query.asOf };
  const model = tableModelOf(view, table);

  return (
    <>
      <Heading level={1} data-size="lg">
        {fhi ? 'Rapporteringsstatus' : total === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      {seasons && <SeasonSwitch path="/" seasons={seasons} current={season.key} asOf={query.asOf} />}
      <Paragraph>Frist {formatDateTime(season.deadline)}.</Paragraph>
      <PrintSummary>
        {season.name}. Status per {formatDateTime(overview.asOf)}. {tableSelectionText(table, view.counties)}
      </PrintSummary>
      <AsOfForm
        path="/"
        asOf={query.asOf}
        shownAt={overview.asOf}
        keep={{ ...statusTableQuery(table), season: query.season, side: undefined }}
      />
      <KeyFiguresSection overview={overview} />
      {fhi && <OverviewCharts overview={overview} byCounty={view.byCounty} />}
      {fhi && map && (
        <MapSection
          view={map}
          classes={STATE_MAP_CLASSES}
          areas={stateMapAreas(model.rows, false)}
          description={MAP_WORDS.byState}
          query={{ ...statusTableQuery(table), ...keep }}
          otherLabel={MAP_WORDS.notSelected}
          linkToOwnPage
          classFilter="status"
        />
      )}
      <MunicipalitiesSection
        model={model}
        table={table}
        keep={keep}
        counties={view.counties}
        total={total}
        fhi={fhi}
        printView={printView}
      />
    </>
  );
}
