import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { getSelfCheckContext } from '@/lib/ingest';
import { SelfCheckPanel } from './_components/self-check-panel';

export const metadata: Metadata = { title: 'Egenkontroll' };

export default async function SelfCheckPage() {
  const viewer = await requireViewer();
  const context = await getSelfCheckContext(viewer, new Date());
  if (!context) notFound();
  return (
    <>
      <Heading level={1} data-size="lg">
        Egenkontroll før innsending
      </Heading>
      <Paragraph>
        Slipp fagmeldingen (KPR_IPL) og gjerne identmeldingen (KPR_IDE) her før dere sender dem. Filene leses bare i
        nettleseren din og lastes ikke opp. Kontrollene er de FHI ber kommunene gjøre før innsending for{' '}
        {context.season.name}.
      </Paragraph>
      <SelfCheckPanel context={context} />
    </>
  );
}
