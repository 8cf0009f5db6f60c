import { DeliveryProgressChart } from '@/components/charts/delivery-progress-chart';
import { StatesByCountyChart, type CountyStateCounts } from '@/components/charts/states-by-county-chart';
import { PageSection } from '@/components/status/page-section';
import type { StatusOverviewSummary } from '@/lib/status/rules';
import { CHART_WORDS } from '@/lib/core/charts/labels';
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
        <PageSection id="fremdrift" title={CHART_WORDS.progress.title}>
          <DeliveryProgressChart
            points={overview.cumulative}
            deadlineDate={osloDate(season.deadline)}
            season={{ key: season.key, name: season.name }}
            previousSeason={previous ? { key: previous.season.key, name: previous.season.name } : null}
          />
        </PageSection>
      )}
      <PageSection id="fylker" title={CHART_WORDS.byCounty.title}>
        <StatesByCountyChart counties={byCounty} />
      </PageSection>
    </>
  );
}
