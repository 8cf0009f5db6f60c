import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import NextLink from 'next/link';

/** One answer for what does not exist and for what the viewer may not see: they look the same. */
export default function NotFound() {
  return (
    <>
      <Heading level={1} data-size="lg">
        Fant ikke siden
      </Heading>
      <Paragraph>Siden finnes ikke, eller du har ikke tilgang til den.</Paragraph>
      <Paragraph>
        <Link asChild>
          <NextLink href="/">Til forsiden</NextLink>
        </Link>
      </Paragraph>
    </>
  );
}
