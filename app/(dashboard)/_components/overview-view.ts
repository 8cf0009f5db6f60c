/**
 * What the home page derives from an overview, computed once per overview: the status DAL hands
 * the same overview of all 357 to every request for up to a minute, so most requests only render.
 */
import type { CountyStateCounts } from '@/components/charts/states-by-county-chart';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, STATUS_COLUMN_LABELS } from '@/lib/status/labels';
import type { DeliveryState, StatusOverviewSummary } from '@/lib/status/rules';
import type { StatusTableParams } from '@/lib/status/rules/table-params';
import {
  statusTableModel,
  statusTableSort,
  toStatusTableRow,
  type StatusTableModel,
  type StatusTableRow,
} from '@/lib/status/rules/table';

/** The states in their usual order. */
export const STATES = Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[];

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

/** `?visning=utskrift`: the overview for paper, with every row that matches on one page. */
export const PRINT_VIEW = 'utskrift';

/** The print view's model: every row that matches, as one page. */
export const allRowsOf = (model: StatusTableModel) => ({
  ...pageOf(model),
  pageRows: model.rows,
  page: 1,
  pageCount: 1,
});

/** What the browser gets of the model: the page and the counts, not the other pages' rows. */
export const pageOf = ({ pageRows, page, pageCount, matching, total, sort }: StatusTableModel) => ({
  pageRows,
  page,
  pageCount,
  matching,
  total,
  sort,
});

export interface OverviewView {
  tableRows: StatusTableRow[];
  byCounty: CountyStateCounts[];
  counties: [number: string, name: string][];
  /** Table models by their query (search, filters, sort, page), the latest last. */
  models: Map<string, StatusTableModel>;
}

const views = new WeakMap<StatusOverviewSummary, OverviewView>();
const MODELS_PER_OVERVIEW = 64;

export function viewOf(overview: StatusOverviewSummary): OverviewView {
  let view = views.get(overview);
  if (!view) {
    view = {
      tableRows: overview.rows.map((row) => toStatusTableRow(row, overview.asOf)),
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

export function tableModelOf(view: OverviewView, params: StatusTableParams): StatusTableModel {
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

/**
 * The table's search, filters and sort in words, for a printout: 'Utvalg: fylke Vestland, status
 * Avvist. Sortert etter kommune, stigende.' ('Alle kommuner.' without search or filters).
 */
export function tableSelectionText(
  params: StatusTableParams,
  counties: readonly [number: string, name: string][],
): string {
  const county = params.fylke && (new Map(counties).get(params.fylke) ?? params.fylke);
  const parts = [
    params.q && `søk «${params.q}»`,
    county && `fylke ${county}`,
    params.status && `status ${DELIVERY_STATE_LABELS[params.status]}`,
    params.flagg && `flagg ${FLAG_LABELS[params.flagg]}`,
  ].filter(Boolean);
  const sort = statusTableSort(params);
  const sorted = `Sortert etter ${STATUS_COLUMN_LABELS[sort.id].toLowerCase()}, ${sort.desc ? 'synkende' : 'stigende'}.`;
  return `${parts.length ? `Utvalg: ${parts.join(', ')}.` : 'Alle kommuner.'} ${sorted}`;
}
