import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import NextLink from 'next/link';
import { requireViewer } from '@/lib/auth/viewer';
import { isFhi } from '@/lib/auth/viewer-types';
import { getSeason, listMunicipalityDeliveries } from '@/lib/dal/deliveries';
import { APPREC_LABELS } from '@/components/ui/apprec-status';
import { formatDateTime, formatNumber } from '@/lib/format';

export const metadata: Metadata = { title: 'Kommuner' };

const searchParamsSchema = z.object({ season: z.string().regex(/^\d{4}$/).optional().catch(undefined) });


export default async function MunicipalitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { season: seasonKey } = searchParamsSchema.parse(await searchParams);
  const season = await getSeason(seasonKey);
  if (!season) notFound();
  const rows = await listMunicipalityDeliveries(viewer, season.id);
  const all = isFhi(viewer);
  const sent = rows.filter((row) => row.latestProductionIpl).length;
  const accepted = rows.filter((row) => row.latestProductionIpl?.apprecStatus === 'OK').length;

  return (
    <>
      <Heading level={1} data-size="lg">
        {all ? 'Kommuner' : rows.length === 1 ? 'Min kommune' : 'Mine kommuner'} – {season.name}
      </Heading>
      <Paragraph>
        Frist {formatDateTime(season.deadline)}. {formatNumber(sent)} av {formatNumber(rows.length)}{' '}
        {rows.length === 1 ? 'kommune' : 'kommuner'} har sendt KPR_IPL til produksjon; siste sending er godkjent for{' '}
        {formatNumber(accepted)}.
      </Paragraph>
      <Table zebra stickyHeader data-size="sm">
        <caption>Siste KPR_IPL sendt til produksjon, per kommune</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Kommunenr.</TableHeaderCell>
            <TableHeaderCell scope="col">Kommune</TableHeaderCell>
            <TableHeaderCell scope="col">Fylke</TableHeaderCell>
            <TableHeaderCell scope="col">Siste KPR_IPL (produksjon)</TableHeaderCell>
            <TableHeaderCell scope="col">Apprec</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const latest = row.latestProductionIpl;
            const apprec = latest ? APPREC_LABELS[latest.apprecStatus ?? 'WAITING'] : null;
            return (
              <TableRow key={row.number}>
                <TableCell>{row.number}</TableCell>
                <TableHeaderCell scope="row">
                  <NextLink href={`/kommuner/${row.number}`}>{row.name}</NextLink>
                </TableHeaderCell>
                <TableCell>{row.countyName}</TableCell>
                <TableCell>{latest ? formatDateTime(latest.receivedAt) : 'Ikke sendt'}</TableCell>
                <TableCell>
                  {apprec ? (
                    <Tag data-color={apprec.color} data-size="sm">
                      {apprec.label}
                    </Tag>
                  ) : (
                    '–'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
