import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { UploadPanel } from './_components/upload-panel';

export const metadata: Metadata = { title: 'Opplasting' };

export default async function UploadPage() {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  return (
    <>
      <Heading level={1} data-size="lg">
        Opplasting
      </Heading>
      <Paragraph>
        Last opp meldinger og Apprec som XML, eller funn fra FHIs validering som CSV (kolonner: municipality, season,
        msgId, code, severity, message, count). Filene behandles på samme måte som når de kommer gjennom API-et: det som
        avvises, lagres ikke, og en fil som allerede er mottatt, lagres ikke på nytt. Identmeldinger (KPR_IDE) lagres
        bare som antall, aldri med fødselsnumre.
      </Paragraph>
      <UploadPanel />
    </>
  );
}
