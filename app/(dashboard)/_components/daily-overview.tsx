/**
 * The home page for a daily season: the rules in a sentence, national rates (7 and 30 days, season
 * so far from 1 January and from each municipality's first delivery), the last 7 days in detail,
 * counties, and the municipalities table with its search, filters, sort, paging and columns in the URL.
 */
import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
} from '@digdir/designsystemet-react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { DailyRateChart } from '@/components/charts/daily-rate-chart';
import { CHART_WORDS } from '@/lib/core/charts/labels';
import { DailyTable, rateText } from '@/components/daily/daily-table';
import styles from '@/components/daily/daily.module.css';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import { TextField } from '@/components/ui/text-field';
import {
  DAILY_COLUMN_LABELS,
  DAILY_FLAG_LABELS,
  DAILY_STATE_LABELS,
  DAILY_WORDS,
  describeDailyRules,
} from '@/lib/daily/labels';
import { reportingRate, timeliness, type DailyState } from '@/lib/daily/rules';
import type { DailyOverviewSummary } from '@/lib/daily/rules/overview';
import {
  DAILY_COLUMNS,
  DEFAULT_DAILY_COLUMNS,
  dailyTableModel,
  matchingDailyRows,
  dailyTableQuery,
  type DailyTableParams,
} from '@/lib/daily/rules/table';
import { formatIsoDate, formatNumber } from '@/lib/core/format';
import type { StatusQueryParams } from '@/lib/status/rules/query';
import { RATE_BAND_MAP_CLASSES, dailyMapAreas } from '@/components/map/map-classes';
import { MAP_WORDS } from '@/lib/core/map/labels';
import type { MapView } from '@/lib/core/map/outlines';
import { MapSection } from './map-section';
import { FilterSelect } from './table-filters';

function KeyFigures({ overview }: { overview: DailyOverviewSummary }) {
  const { national } = overview;
  const figures: [string, string][] = [
    [DAILY_WORDS.rate7, rateText(reportingRate(national.last7))],
    [DAILY_WORDS.timely7, rateText(timeliness(national.last7))],
    [DAILY_WORDS.rate30, rateText(reportingRate(national.last30))],
    [DAILY_WORDS.timely30, rateText(timeliness(national.last30))],
    [
      `${DAILY_WORDS.rateSeason}, ${DAILY_WORDS.fromRequirement.toLowerCase()}`,
      rateText(reportingRate(national.season)),
    ],
    [
      `${DAILY_WORDS.rateSeason}, ${DAILY_WORDS.fromFirstDelivery.toLowerCase()}`,
      rateText(reportingRate(national.seasonFromFirstDelivery)),
    ],
  ];
  const states = new Map<DailyState, number>();
  for (const row of overview.rows) states.set(row.state, (states.get(row.state) ?? 0) + 1);
  return (
    <PageSection id="nokkeltall" title="Nøkkeltall">
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {(Object.keys(DAILY_STATE_LABELS) as DailyState[]).map((state) => (
          <div key={state}>
            <dt>{DAILY_STATE_LABELS[state]}</dt>
            <dd>{formatNumber(states.get(state) ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </PageSection>
  );
}

function YearChart({ overview }: { overview: DailyOverviewSummary }) {
  const points = overview.series.map((day) => ({
    date: day.date,
    rate: day.municipalities ? day.covered / day.municipalities : 0,
    timely: day.municipalities ? day.onTime / day.municipalities : 0,
  }));
  return (
    <PageSection id="aaret" title={CHART_WORDS.dailyRate.title}>
      <DailyRateChart points={points} />
    </PageSection>
  );
}

function LastDays({ overview }: { overview: DailyOverviewSummary }) {
  const days = overview.series.slice(-7).reverse();
  return (
    <PageSection id="siste-dager" title="Siste 7 forventede dager, hele landet">
      <DataTable
        zebra
        caption="Andel kommuner som har dekket dagen, og andel i tide"
        columns={['Dag', 'Dekket', 'Rapporteringsgrad', 'Rettidighet']}
        rows={days.map((day) => [
          formatIsoDate(day.date),
          `${formatNumber(day.covered)} av ${formatNumber(day.municipalities)}`,
          rateText(day.municipalities ? day.covered / day.municipalities : null),
          rateText(day.municipalities ? day.onTime / day.municipalities : null),
        ])}
      />
    </PageSection>
  );
}

function Counties({ overview }: { overview: DailyOverviewSummary }) {
  return (
    <PageSection id="fylker" title="Fylker">
      <DataTable
        zebra
        caption="Rapporteringsgrad og rettidighet per fylke"
        columns={[
          'Fylke',
          'Kommuner',
          DAILY_WORDS.rate7,
          DAILY_WORDS.timely7,
          DAILY_WORDS.rate30,
          `${DAILY_WORDS.rateSeason} (${DAILY_WORDS.fromRequirement.toLowerCase()})`,
          `${DAILY_WORDS.rateSeason} (${DAILY_WORDS.fromFirstDelivery.toLowerCase()})`,
        ]}
        rows={[...overview.counties, overview.national].map((county) => [
          county.name,
          formatNumber(county.municipalities),
          rateText(reportingRate(county.last7)),
          rateText(timeliness(county.last7)),
          rateText(reportingRate(county.last30)),
          rateText(reportingRate(county.season)),
          rateText(reportingRate(county.seasonFromFirstDelivery)),
        ])}
      />
    </PageSection>
  );
}

function Filters({
  table,
  keep,
  overview,
}: {
  table: DailyTableParams;
  keep: Record<string, string | undefined>;
  overview: DailyOverviewSummary;
}) {
  return (
    <form method="get" action="/" role="search" aria-label="Filtrer kommunene" className={styles.figures}>
      {Object.entries({ ...keep, sort: table.sort, retning: table.retning }).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {table.kol?.map((column) => (
        <input key={column} type="hidden" name="kol" value={column} />
      ))}
      <TextField id="sok" name="q" label="Søk på navn eller nummer" defaultValue={table.q ?? ''} data-size="sm" />
      <FilterSelect
        id="filter-fylke"
        name="fylke"
        label="Fylke"
        value={table.fylke}
        options={[['', 'Alle fylker'], ...overview.counties.map((county) => [county.number!, county.name] as const)]}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label="Status"
        value={table.status}
        options={[['', 'Alle statuser'], ...Object.entries(DAILY_STATE_LABELS)]}
      />
      <FilterSelect
        id="filter-flagg"
        name="flagg"
        label="Flagg"
        value={table.flagg}
        options={[['', 'Alle'], ...Object.entries(DAILY_FLAG_LABELS)]}
      />
      <div>
        <Button type="submit" data-size="sm">
          Filtrer
        </Button>
      </div>
    </form>
  );
}

/** Which columns the table shows: a plain GET form that keeps everything else. */
function DailyColumnChooser({ table, keep }: { table: DailyTableParams; keep: Record<string, string | undefined> }) {
  const chosen = table.kol?.length ? table.kol : DEFAULT_DAILY_COLUMNS;
  return (
    <Details>
      <DetailsSummary>Velg kolonner</DetailsSummary>
      <DetailsContent>
        <form method="get" action="/">
          {Object.entries({ ...dailyTableQuery(table), ...keep, kol: undefined, side: undefined }).map(
            ([name, value]) =>
              typeof value === 'string' ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <input type="hidden" name="kol" value="name" />
          <Fieldset data-size="sm">
            <FieldsetLegend>Kolonner som vises</FieldsetLegend>
            {DAILY_COLUMNS.filter((column) => column !== 'number' && column !== 'name').map((column) => (
              <CheckboxField
                key={column}
                id={`kol-${column}`}
                name="kol"
                value={column}
                label={DAILY_COLUMN_LABELS[column]}
                defaultChecked={chosen.includes(column)}
              />
            ))}
          </Fieldset>
          <Button type="submit" variant="secondary" data-size="sm">
            Bruk kolonnene
          </Button>
        </form>
      </DetailsContent>
    </Details>
  );
}

export function DailyOverview({
  overview,
  seasons,
  fhi,
  query,
  table,
  map,
}: {
  overview: DailyOverviewSummary;
  seasons: readonly { key: string; name: string }[];
  fhi: boolean;
  query: StatusQueryParams;
  table: DailyTableParams;
  /** The map (FHI): the country, or the county of the table's county filter. */
  map?: MapView;
}) {
  const { season } = overview;
  const total = overview.rows.length;
  const keep = { season: query.season, asOf: query.asOf };
  const model = dailyTableModel(overview.rows, table);
  return (
    <>
      <Heading level={1} data-size="lg">
        {fhi ? 'Rapporteringsstatus' : total === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      <SeasonSwitch path="/" seasons={seasons} current={season.key} asOf={query.asOf} />
      <Paragraph data-size="sm">{describeDailyRules(season.rules)}</Paragraph>
      <AsOfForm
        path="/"
        asOf={query.asOf}
        shownAt={overview.asOf}
        keep={{ ...dailyTableQuery(table), season: query.season, side: undefined }}
      />
      <KeyFigures overview={overview} />
      {fhi && <YearChart overview={overview} />}
      {fhi && <LastDays overview={overview} />}
      {fhi && <Counties overview={overview} />}
      {fhi && map && (
        <MapSection
          view={map}
          classes={RATE_BAND_MAP_CLASSES}
          areas={dailyMapAreas(matchingDailyRows(overview.rows, table), false)}
          description={MAP_WORDS.byRateBand}
          query={{ ...dailyTableQuery(table), ...keep }}
          otherLabel={MAP_WORDS.notSelected}
          linkToOwnPage
        />
      )}
      <PageSection id="kommuner" title="Kommuner">
        {total > 1 && <Filters table={table} keep={keep} overview={overview} />}
        {total > 1 && <DailyColumnChooser table={table} keep={keep} />}
        <DailyTable model={model} params={table} keep={keep} caption={fhi ? 'Alle kommuner' : 'Dine kommuner'} />
      </PageSection>
    </>
  );
}
