import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import type { StatusOverviewSummary } from '@/lib/status/rules';
import type { StatusQueryParams } from '@/lib/status/rules/query';
import { statusTableQuery, type StatusTableParams } from '@/lib/status/rules/table-params';
import { formatDateTime } from '@/lib/core/format';
import { KeyFiguresSection } from './key-figures-section';
import { MunicipalitiesSection } from './municipalities-section';
import { OverviewCharts } from './overview-charts';
import { tableModelOf, viewOf } from './overview-view';

interface StatusOverviewProps {
  overview: StatusOverviewSummary;
  /** Every season, for the switch (newest first). */
  seasons?: readonly { key: string; name: string }[];
  /** FHI see the charts; a contact sees their own municipalities. */
  fhi: boolean;
  query: StatusQueryParams;
  table: StatusTableParams;
}

/** The home page's content: key figures, last season's comparison, charts (FHI) and the table. */
export function StatusOverview({ overview, seasons, fhi, query, table }: StatusOverviewProps) {
  const view = viewOf(overview);
  const { season } = overview;
  const total = overview.keyFigures.total;
  const keep = { season: query.season, asOf: query.asOf };

  return (
    <>
      <Heading level={1} data-size="lg">
        {fhi ? 'Rapporteringsstatus' : total === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      {seasons && <SeasonSwitch path="/" seasons={seasons} current={season.key} asOf={query.asOf} />}
      <Paragraph>Frist {formatDateTime(season.deadline)}.</Paragraph>
      <AsOfForm
        path="/"
        asOf={query.asOf}
        shownAt={overview.asOf}
        keep={{ ...statusTableQuery(table), season: query.season, side: undefined }}
      />
      <KeyFiguresSection overview={overview} />
      {fhi && <OverviewCharts overview={overview} byCounty={view.byCounty} />}
      <MunicipalitiesSection
        model={tableModelOf(view, table)}
        table={table}
        keep={keep}
        counties={view.counties}
        total={total}
        fhi={fhi}
      />
    </>
  );
}
