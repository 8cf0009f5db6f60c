import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { ROLE_LABELS } from '@/lib/access/labels';
import type { Role } from '@/lib/access/rules/actor';
import styles from './site-header.module.css';

/** Who is signed in, as the header shows them: name, role, and which parts of the menu are theirs. */
export interface SignedInPerson {
  name: string;
  role: Role;
  fhi: boolean;
  admin: boolean;
}

/**
 * The product name, the skip link, the main navigation for the person's role, and who is signed
 * in. The layout reads the viewer and passes what is shown here, and the sign-out action.
 */
export function SiteHeader({
  person,
  signOutAction,
}: {
  person: SignedInPerson | null;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className={styles.header}>
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      <div className={styles.inner}>
        <NextLink href="/" className={styles.product}>
          KPR rapporteringsstatus
        </NextLink>
        {person && (
          <nav aria-label="Hovedmeny">
            <ul className={styles.menu}>
              <li>
                <Link asChild>
                  <NextLink href="/">Oversikt</NextLink>
                </Link>
              </li>
              {person.fhi && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/arbeidsliste' }}>Arbeidsliste</NextLink>
                  </Link>
                </li>
              )}
              {person.fhi && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/opplasting' }}>Opplasting</NextLink>
                  </Link>
                </li>
              )}
              {person.fhi && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/fristsoknader' }}>Fristsøknader</NextLink>
                  </Link>
                </li>
              )}
              <li>
                <Link asChild>
                  <NextLink href={{ pathname: '/rapporter' }}>Rapporter</NextLink>
                </Link>
              </li>
              {person.role === 'MUNICIPAL_CONTACT' && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/egenkontroll' }}>Egenkontroll</NextLink>
                  </Link>
                </li>
              )}
              {person.admin && (
                <>
                  <li>
                    <Link asChild>
                      <NextLink href="/admin/brukere">Brukere</NextLink>
                    </Link>
                  </li>
                  <li>
                    <Link asChild>
                      <NextLink href="/admin/logg">Tilgangslogg</NextLink>
                    </Link>
                  </li>
                  <li>
                    <Link asChild>
                      <NextLink href={{ pathname: '/admin/api-nokler' }}>API-nøkler</NextLink>
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
        )}
        {person && (
          <div className={styles.user}>
            <span>
              {person.name} <span className={styles.role}>({ROLE_LABELS[person.role]})</span>
            </span>
            <form action={signOutAction}>
              <Button type="submit" variant="tertiary" data-size="sm">
                Logg ut
              </Button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
