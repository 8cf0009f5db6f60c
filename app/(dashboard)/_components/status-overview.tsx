import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  Select,
  Field,
  Label,
  Link,
} from '@digdir/designsystemet-react';
import { DeliveryProgressChart } from '@/components/charts/delivery-progress-chart';
import { StatesByCountyChart, type CountyStateCounts } from '@/components/charts/states-by-county-chart';
import { AsOfForm } from '@/components/filters/as-of-form';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextField } from '@/components/ui/text-field';
import { StatusTable } from '@/components/tables/status-table';
import {
  OPTIONAL_STATUS_COLUMNS,
  STATUS_COLUMN_LABELS,
  statusTableQuery,
  type StatusTableParams,
} from '@/lib/status/table-params';
import type { StatusKeyFigures, StatusOverviewSummary } from '@/lib/status/data/status';
import { osloDate } from '@/lib/core/calendar';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, type DeliveryState } from '@/lib/status/rules';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/core/format';
import { linkQuery, type QueryParams, type StatusQueryParams } from '@/lib/status/query';
import { statusTableModel, toStatusTableRow, type StatusTableModel, type StatusTableRow } from '@/lib/status/table';
import { PageSection } from '@/components/status/page-section';
import styles from './status-overview.module.css';

const KEY_FIGURES: { key: Exclude<keyof StatusKeyFigures, 'total'>; label: string }[] = [
  { key: 'delivered', label: 'Levert' },
  { key: 'deliveredOnTime', label: 'Levert i tide' },
  { key: 'mustResubmit', label: 'Må sende på nytt' },
  { key: 'shouldApplyForExtension', label: 'Bør søke om utsettelse' },
  { key: 'awaitingApprec', label: 'Venter på Apprec' },
  { key: 'notStarted', label: 'Ikke startet' },
];

const STATES = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];

function statesByCounty(overview: StatusOverviewSummary): CountyStateCounts[] {
  const counties = new Map<string, CountyStateCounts>();
  for (const row of overview.rows) {
    let county = counties.get(row.countyNumber);
    if (!county) {
      county = {
        county: row.countyName,
        ...(Object.fromEntries(STATES.map((state) => [state, 0])) as Record<DeliveryState, number>),
      };
      counties.set(row.countyNumber, county);
    }
    county[row.state]++;
  }
  return [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, county]) => county);
}

/** What the browser gets of the model: the page and the counts, not the other pages' rows. */
const pageOf = ({ pageRows, page, pageCount, matching, total, sort }: StatusTableModel) => ({
  pageRows,
  page,
  pageCount,
  matching,
  total,
  sort,
});

interface OverviewView {
  tableRows: StatusTableRow[];
  byCounty: CountyStateCounts[];
  counties: [number: string, name: string][];
  /** Table models by their query (search, filters, sort, page), the latest last. */
  models: Map<string, StatusTableModel>;
}

/**
 * What the page derives from an overview, computed once per overview: the status DAL hands the
 * same overview of all 357 to every request for up to a minute, so most requests only render.
 */
const views = new WeakMap<StatusOverviewSummary, OverviewView>();
const MODELS_PER_OVERVIEW = 64;

function viewOf(overview: StatusOverviewSummary): OverviewView {
  let view = views.get(overview);
  if (!view) {
    view = {
      tableRows: overview.rows.map(toStatusTableRow),
      byCounty: statesByCounty(overview),
      counties: [...new Map(overview.rows.map((row) => [row.countyNumber, row.countyName])).entries()].sort(
        ([a], [b]) => a.localeCompare(b),
      ),
      models: new Map(),
    };
    views.set(overview, view);
  }
  return view;
}

function tableModelOf(view: OverviewView, params: StatusTableParams): StatusTableModel {
  const key = JSON.stringify([
    params.q,
    params.fylke,
    params.status,
    params.flagg,
    params.sort,
    params.retning,
    params.side,
  ]);
  let model = view.models.get(key);
  if (!model) {
    model = statusTableModel(view.tableRows, params);
    if (view.models.size >= MODELS_PER_OVERVIEW) view.models.delete(view.models.keys().next().value!);
    view.models.set(key, model);
  }
  return model;
}

/** The overview export (app/(dashboard)/eksport) of what the table shows: the same query, all pages. */
function exportHref(format: 'csv' | 'xlsx', query: QueryParams): string {
  const search = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(linkQuery(query)))
    for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
  return `/eksport?${search}`;
}

interface StatusOverviewProps {
  overview: StatusOverviewSummary;
  /** FHI see the charts; a contact sees their own municipalities. */
  fhi: boolean;
  query: StatusQueryParams;
  table: StatusTableParams;
}

/** The home page's content: key figures, last season's comparison, charts (FHI) and the table. */
export function StatusOverview({ overview, fhi, query, table }: StatusOverviewProps) {
  const view = viewOf(overview);
  const model = tableModelOf(view, table);
  const { keyFigures, previous, season } = overview;
  const total = keyFigures.total;
  const { counties, byCounty } = view;
  const tableQuery = statusTableQuery(table);
  const keep = { season: query.season, asOf: query.asOf };

  return (
    <>
      <Heading level={1} data-size="lg">
        {fhi ? 'Rapporteringsstatus' : total === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      <Paragraph>Frist {formatDateTime(season.deadline)}.</Paragraph>
      <AsOfForm
        path="/"
        asOf={query.asOf}
        shownAt={overview.asOf}
        keep={{ ...tableQuery, season: query.season, side: undefined }}
      />

      <PageSection id="nokkeltall" title="Nøkkeltall">
        <ul className={styles.figures}>
          {KEY_FIGURES.map(({ key, label }) => (
            <li key={key} className={styles.figure}>
              <span className={styles.figureLabel}>{label}</span>
              <span className={styles.figureValue}>{formatNumber(keyFigures[key])}</span>
              <span className={styles.figureShare}>
                av {formatNumber(total)} ({formatPercent(total ? keyFigures[key] / total : 0)})
              </span>
            </li>
          ))}
        </ul>
        {previous && (
          <Paragraph>
            Sammenlignet med i fjor: {formatNumber(overview.accepted)} av {formatNumber(total)} (
            {formatPercent(total ? overview.accepted / total : 0)}) har godkjent levering nå. På samme dag før fristen i{' '}
            {previous.season.name} ({formatDate(previous.asOf)}) gjaldt det {formatNumber(previous.accepted)} (
            {formatPercent(total ? previous.accepted / total : 0)}).
          </Paragraph>
        )}
      </PageSection>

      {fhi && overview.cumulative.length > 0 && (
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

      {fhi && (
        <PageSection id="fylker" title="Status per fylke">
          <StatesByCountyChart
            counties={byCounty}
            label="Stolpediagram: antall kommuner i hver status per fylke. Tallene står i tabellen under."
          />
        </PageSection>
      )}

      <PageSection id="kommuner" title="Kommuner">
        {total > 1 && (
          <>
            <form method="get" action="/" className={styles.filters} role="search" aria-label="Filtrer kommunene">
              {Object.entries({ ...keep, sort: table.sort, retning: table.retning }).map(([name, value]) =>
                value ? <input key={name} type="hidden" name={name} value={value} /> : null,
              )}
              {table.kol?.map((column) => (
                <input key={column} type="hidden" name="kol" value={column} />
              ))}
              <TextField
                id="sok"
                name="q"
                label="Søk på navn eller nummer"
                defaultValue={table.q ?? ''}
                data-size="sm"
              />
              <Field data-size="sm">
                <Label htmlFor="filter-fylke">Fylke</Label>
                <Select id="filter-fylke" name="fylke" defaultValue={table.fylke ?? ''}>
                  <option value="">Alle fylker</option>
                  {counties.map(([number, name]) => (
                    <option key={number} value={number}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label htmlFor="filter-status">Status</Label>
                <Select id="filter-status" name="status" defaultValue={table.status ?? ''}>
                  <option value="">Alle statuser</option>
                  {STATES.map((state) => (
                    <option key={state} value={state}>
                      {DELIVERY_STATE_LABELS[state]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label htmlFor="filter-flagg">Flagg</Label>
                <Select id="filter-flagg" name="flagg" defaultValue={table.flagg ?? ''}>
                  <option value="">Alle</option>
                  {Object.entries(FLAG_LABELS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
              <div>
                <Button type="submit" data-size="sm">
                  Filtrer
                </Button>
              </div>
            </form>
            <Details>
              <DetailsSummary>Velg kolonner</DetailsSummary>
              <DetailsContent>
                <form method="get" action="/">
                  {Object.entries({ ...tableQuery, ...keep, kol: undefined, side: undefined }).map(([name, value]) =>
                    typeof value === 'string' ? <input key={name} type="hidden" name={name} value={value} /> : null,
                  )}
                  <input type="hidden" name="kol" value="name" />
                  <Fieldset data-size="sm">
                    <FieldsetLegend>Kolonner som vises</FieldsetLegend>
                    {OPTIONAL_STATUS_COLUMNS.map((column) => (
                      <CheckboxField
                        key={column}
                        id={`kol-${column}`}
                        name="kol"
                        value={column}
                        label={STATUS_COLUMN_LABELS[column]}
                        defaultChecked={!table.kol || table.kol.includes(column)}
                      />
                    ))}
                  </Fieldset>
                  <Button type="submit" variant="secondary" data-size="sm">
                    Bruk kolonnene
                  </Button>
                </form>
              </DetailsContent>
            </Details>
          </>
        )}
        {model.matching > 0 && (
          <Paragraph data-size="sm">
            Last ned {model.matching === 1 ? 'raden' : `alle ${formatNumber(model.matching)} radene`} i tabellen:{' '}
            <Link href={exportHref('csv', { ...keep, ...tableQuery, side: undefined })}>Last ned CSV</Link>
            {' · '}
            <Link href={exportHref('xlsx', { ...keep, ...tableQuery, side: undefined })}>Last ned Excel</Link>
          </Paragraph>
        )}
        <StatusTable
          model={pageOf(model)}
          params={table}
          keep={keep}
          caption={fhi ? 'Alle kommuner' : 'Dine kommuner'}
        />
      </PageSection>
    </>
  );
}
