import { Link } from '@digdir/designsystemet-react';
import NextLink from 'next/link';

/** The municipality's name and number, linking to its page. */
export function MunicipalityLink({ number, name }: { number: string; name: string }) {
  return (
    <Link asChild>
      <NextLink href={`/kommuner/${number}`}>
        {name} ({number})
      </NextLink>
    </Link>
  );
}
