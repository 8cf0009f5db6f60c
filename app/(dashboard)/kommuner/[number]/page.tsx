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
import { requireViewer } from '@/lib/auth/viewer';
import { getMunicipalityDetail, getSeason } from '@/lib/dal/deliveries';
import { formatDateTime } from '@/lib/format';
import { APPREC_LABELS } from '@/components/ui/apprec-status';

export const metadata: Metadata = { title: 'Kommune' };

const ENVIRONMENT_LABELS = { PRODUCTION: 'Produksjon', VALIDATION: 'Test (KPR Validering)' } as const;

export default async function MunicipalityPage({ params }: { params: Promise<{ number: string }> }) {
  const viewer = await requireViewer();
  const { number } = await params;
  const season = await getSeason();
  if (!season) notFound();
  const municipality = await getMunicipalityDetail(viewer, number, season.id);
  if (!municipality) notFound();

  return (
    <>
      <Heading level={1} data-size="lg">
        {municipality.name} ({municipality.number})
      </Heading>
      <Paragraph>
        {municipality.officialName}, {municipality.countyName}. {season.name}, frist {formatDateTime(season.deadline)}.
      </Paragraph>
      <Table zebra data-size="sm">
        <caption>Sendinger i {season.name}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Mottatt</TableHeaderCell>
            <TableHeaderCell scope="col">Melding</TableHeaderCell>
            <TableHeaderCell scope="col">Mottaker</TableHeaderCell>
            <TableHeaderCell scope="col">Fagsystem</TableHeaderCell>
            <TableHeaderCell scope="col">Apprec</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {municipality.messages.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>Ingen sendinger mottatt.</TableCell>
            </TableRow>
          )}
          {municipality.messages.map((message) => {
            const apprec = APPREC_LABELS[message.apprec?.status ?? 'WAITING'];
            return (
              <TableRow key={message.msgId}>
                <TableCell>{formatDateTime(message.receivedAt)}</TableCell>
                <TableCell>{message.type}</TableCell>
                <TableCell>{ENVIRONMENT_LABELS[message.environment]}</TableCell>
                <TableCell>{message.epjSystem ?? '–'}</TableCell>
                <TableCell>
                  <Tag data-color={apprec.color} data-size="sm">
                    {apprec.label}
                  </Tag>
                  {message.apprec?.errors.map((error) => (
                    <div key={error.code}>
                      {error.code}
                      {error.displayName ? `: ${error.displayName}` : ''}
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
