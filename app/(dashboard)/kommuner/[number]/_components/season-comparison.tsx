import { TableCell, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import { DELIVERY_STATE_LABELS, FLAG_LABELS, MEASURE_LABELS } from '@/lib/status/labels';
import type { MunicipalityStatusDetail, PreviousSeasonStatusSummary } from '@/lib/status/rules';
import { formatDate, formatDateTime, formatList, formatNumber } from '@/lib/core/format';
import { onTimeText } from './delivery-facts';

const instantText = (at: Date | null) => (at ? formatDateTime(at) : '–');
const flagsText = (codes: readonly (keyof typeof FLAG_LABELS)[]) =>
  codes.length ? formatList(codes.map((code) => FLAG_LABELS[code])) : '–';

/** This season against the previous one: state, first accepted delivery, punctuality, deliveries and flags. */
export function SeasonComparison({
  municipality,
  previous,
}: {
  municipality: MunicipalityStatusDetail;
  previous: PreviousSeasonStatusSummary;
}) {
  const { figures, season } = municipality;
  return (
    <PageSection id="i-fjor" title="I år og i fjor">
      <DataTable
        caption={
          <>
            {season.name} sammenlignet med {previous.season.name}
          </>
        }
        columns={['Hva', season.name, previous.season.name]}
      >
        <TableRow>
          <TableHeaderCell scope="row">Status på samme dag før fristen</TableHeaderCell>
          <TableCell>{DELIVERY_STATE_LABELS[municipality.state]}</TableCell>
          <TableCell>
            {DELIVERY_STATE_LABELS[previous.stateAtSameDate]} ({formatDate(previous.sameDate)})
          </TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">Status ved sesongslutt</TableHeaderCell>
          <TableCell>–</TableCell>
          <TableCell>{DELIVERY_STATE_LABELS[previous.state]}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">Første godkjente levering</TableHeaderCell>
          <TableCell>{instantText(figures.firstAcceptedAt)}</TableCell>
          <TableCell>{instantText(previous.figures.firstAcceptedAt)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{MEASURE_LABELS.deliveredOnTime}</TableHeaderCell>
          <TableCell>{onTimeText(figures)}</TableCell>
          <TableCell>{onTimeText(previous.figures)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">Leveranser til produksjon</TableHeaderCell>
          <TableCell>{formatNumber(figures.productionDeliveries)}</TableCell>
          <TableCell>{formatNumber(previous.figures.productionDeliveries)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">Flagg</TableHeaderCell>
          <TableCell>{flagsText(municipality.flags.map((flag) => flag.code))}</TableCell>
          <TableCell>{flagsText(previous.flags)}</TableCell>
        </TableRow>
      </DataTable>
    </PageSection>
  );
}
