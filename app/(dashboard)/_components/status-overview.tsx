import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
  Checkbox,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Field,
  Label,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import { DeliveryProgressChart } from '@/components/charts/delivery-progress-chart';
import { StatesByCountyChart, type CountyStateCounts } from '@/components/charts/states-by-county-chart';
import { AsOfForm } from '@/components/filters/as-of-form';
import { StatusTable, type StatusTableRow } from '@/components/tables/status-table';
import {
  OPTIONAL_STATUS_COLUMNS,
  STATUS_COLUMN_LABELS,
  statusTableQuery,
  type StatusTableParams,
} from '@/components/tables/status-table-params';
import type { StatusKeyFigures, StatusOverviewSummary } from '@/lib/dal/status';
import { osloDate } from '@/lib/domain/calendar';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, type DeliveryState } from '@/lib/domain/delivery-state';
import { formatDate, formatDateTime, formatIsoDate, formatNumber, formatPercent } from '@/lib/format';
import type { StatusQueryParams } from '@/lib/status-query';
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
      county = { county: row.countyName, ...(Object.fromEntries(STATES.map((state) => [state, 0])) as Record<DeliveryState, number>) };
      counties.set(row.countyNumber, county);
    }
    county[row.state]++;
  }
  return [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, county]) => county);
}

function tableRows(overview: StatusOverviewSummary): StatusTableRow[] {
  return overview.rows.map((row) => ({
    number: row.number,
    name: row.name,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    state: row.state,
    flags: row.flags.map((flag) => flag.code),
    latestSentAt: row.figures.latestProductionMessage?.receivedAt ?? null,
    effectiveDeadline: row.figures.effectiveDeadline,
    extensionGranted: row.figures.extensionGranted,
    workingDaysLeft: row.figures.workingDaysLeft,
    deliveredOnTime: row.figures.deliveredOnTime,
  }));
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
  const { keyFigures, previous, season } = overview;
  const total = keyFigures.total;
  const counties = [...new Map(overview.rows.map((row) => [row.countyNumber, row.countyName])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const byCounty = statesByCounty(overview);
  const tableQuery = statusTableQuery(table);
  const keep = { season: query.season, asOf: query.asOf };

  return (
    <>
      <Heading level={1} data-size="lg">
        {fhi ? 'Rapporteringsstatus' : total === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      <Paragraph>Frist {formatDateTime(season.deadline)}.</Paragraph>
      <AsOfForm path="/" asOf={query.asOf} shownAt={overview.asOf} keep={{ ...tableQuery, season: query.season, side: undefined }} />

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
            Sammenlignet med i fjor: {formatNumber(overview.accepted)} av {formatNumber(total)} ({formatPercent(total ? overview.accepted / total : 0)}) har
            godkjent levering nå. På samme dag før fristen i {previous.season.name} ({formatDate(previous.asOf)}) gjaldt det{' '}
            {formatNumber(previous.accepted)} ({formatPercent(total ? previous.accepted / total : 0)}).
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
          <Details>
            <DetailsSummary>Vis tallene som tabell</DetailsSummary>
            <DetailsContent>
              <Table data-size="sm">
                <caption>Andel kommuner med godkjent levering ved utgangen av hver dag</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell scope="col">Dato</TableHeaderCell>
                    <TableHeaderCell scope="col">{season.name}</TableHeaderCell>
                    {previous && <TableHeaderCell scope="col">{previous.season.name} (samme dag før fristen)</TableHeaderCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {overview.cumulative.map((point) => (
                    <TableRow key={point.date}>
                      <TableHeaderCell scope="row">{formatIsoDate(point.date)}</TableHeaderCell>
                      <TableCell>{formatPercent(point.share, 1)}</TableCell>
                      {previous && <TableCell>{point.previousShare === null ? '–' : formatPercent(point.previousShare, 1)}</TableCell>}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </DetailsContent>
          </Details>
        </PageSection>
      )}

      {fhi && (
        <PageSection id="fylker" title="Status per fylke">
          <StatesByCountyChart counties={byCounty} label="Stolpediagram: antall kommuner i hver status per fylke. Tallene står i tabellen under." />
          <Details>
            <DetailsSummary>Vis tallene som tabell</DetailsSummary>
            <DetailsContent>
              <div className={styles.scroll}>
                <Table data-size="sm">
                  <caption>Antall kommuner per status og fylke</caption>
                  <TableHead>
                    <TableRow>
                      <TableHeaderCell scope="col">Fylke</TableHeaderCell>
                      {STATES.map((state) => (
                        <TableHeaderCell scope="col" key={state}>
                          {DELIVERY_STATE_LABELS[state]}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {byCounty.map((county) => (
                      <TableRow key={county.county}>
                        <TableHeaderCell scope="row">{county.county}</TableHeaderCell>
                        {STATES.map((state) => (
                          <TableCell key={state}>{formatNumber(county[state])}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </DetailsContent>
          </Details>
        </PageSection>
      )}

      <PageSection id="kommuner" title="Kommuner">
        {total > 1 && (
          <>
            <form method="get" action="/" className={styles.filters} role="search" aria-label="Filtrer kommunene">
              {Object.entries({ ...keep, sort: table.sort, retning: table.retning }).map(([name, value]) =>
                value ? <input key={name} type="hidden" name={name} value={value} /> : null,
              )}
              {table.kol?.map((column) => <input key={column} type="hidden" name="kol" value={column} />)}
              <Textfield name="q" label="Søk på navn eller nummer" defaultValue={table.q ?? ''} data-size="sm" />
              <Field data-size="sm">
                <Label>Fylke</Label>
                <Select name="fylke" defaultValue={table.fylke ?? ''}>
                  <SelectOption value="">Alle fylker</SelectOption>
                  {counties.map(([number, name]) => (
                    <SelectOption key={number} value={number}>
                      {name}
                    </SelectOption>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label>Status</Label>
                <Select name="status" defaultValue={table.status ?? ''}>
                  <SelectOption value="">Alle statuser</SelectOption>
                  {STATES.map((state) => (
                    <SelectOption key={state} value={state}>
                      {DELIVERY_STATE_LABELS[state]}
                    </SelectOption>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label>Flagg</Label>
                <Select name="flagg" defaultValue={table.flagg ?? ''}>
                  <SelectOption value="">Alle</SelectOption>
                  {Object.entries(FLAG_LABELS).map(([code, label]) => (
                    <SelectOption key={code} value={code}>
                      {label}
                    </SelectOption>
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
                      <Checkbox
                        key={column}
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
        <StatusTable rows={tableRows(overview)} params={table} keep={keep} caption={fhi ? 'Alle kommuner' : 'Dine kommuner'} />
      </PageSection>
    </>
  );
}
