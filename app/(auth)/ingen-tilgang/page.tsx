import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';

export const metadata: Metadata = { title: 'Ingen tilgang' };

export default function NoAccessPage() {
  return (
    <>
      <Heading level={1} data-size="lg">
        Ingen tilgang
      </Heading>
      <Paragraph>
        Du er logget inn hos identitetsleverandøren, men er ikke registrert som bruker av KPR rapporteringsstatus.
        Kontaktpersoner i kommunene registreres av FHI: send en e-post til FHI med navn, e-postadresse og kommune.
      </Paragraph>
      <Paragraph>
        <Link asChild>
          <NextLink href="/logg-inn">Tilbake til innlogging</NextLink>
        </Link>
      </Paragraph>
    </>
  );
}
