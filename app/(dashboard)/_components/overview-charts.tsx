import { DeliveryProgressChart } from '@/components/charts/delivery-progress-chart';
import { StatesByCountyChart, type CountyStateCounts } from '@/components/charts/states-by-county-chart';
import { PageSection } from '@/components/status/page-section';
import type { StatusOverviewSummary } from '@/lib/status/rules';
import { osloDate } from '@/lib/core/calendar';

/** FHI's charts: the share with an accepted delivery day by day (this season and last), and the states per county. */
export function OverviewCharts({
  overview,
  byCounty,
}: {
  overview: StatusOverviewSummary;
  byCounty: CountyStateCounts[];
}) {
  const { season, previous } = overview;
  return (
    <>
      {overview.cumulative.length > 0 && (
        <PageSection id="fremdrift" title="Andel med godkjent levering">
          <DeliveryProgressChart
            points={overview.cumulative}
            deadlineDate={osloDate(season.deadline)}
            seasonName={season.name}
            previousSeasonName={previous?.season.name ?? null}
            label={`Linjediagram: andel kommuner med godkjent levering per dag${previous ? ', i år og i fjor på samme dag før fristen' : ''}. Tallene står i tabellen under.`}
          />
        </PageSection>
      )}
      <PageSection id="fylker" title="Status per fylke">
        <StatesByCountyChart
          counties={byCounty}
          label="Stolpediagram: antall kommuner i hver status per fylke. Tallene står i tabellen under."
        />
      </PageSection>
    </>
  );
}
