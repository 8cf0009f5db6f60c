import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';
import { getViewer } from '@/lib/access/viewer';
import { ROLE_LABELS } from '@/lib/access/labels';
import { isAdmin, isFhi } from '@/lib/access/rules/actor';
import styles from './site-header.module.css';

/** The product name, the skip link, the main navigation for the viewer's role, and who is signed in. */
export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className={styles.header}>
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      <div className={styles.inner}>
        <NextLink href="/" className={styles.product}>
          KPR rapporteringsstatus
        </NextLink>
        {viewer && (
          <nav aria-label="Hovedmeny">
            <ul className={styles.menu}>
              <li>
                <Link asChild>
                  <NextLink href="/">Oversikt</NextLink>
                </Link>
              </li>
              {isFhi(viewer) && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/arbeidsliste' }}>Arbeidsliste</NextLink>
                  </Link>
                </li>
              )}
              {isFhi(viewer) && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/opplasting' }}>Opplasting</NextLink>
                  </Link>
                </li>
              )}
              {isFhi(viewer) && (
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
              {viewer.role === 'MUNICIPAL_CONTACT' && (
                <li>
                  <Link asChild>
                    <NextLink href={{ pathname: '/egenkontroll' }}>Egenkontroll</NextLink>
                  </Link>
                </li>
              )}
              {isAdmin(viewer) && (
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
        {viewer && (
          <div className={styles.user}>
            <span>
              {viewer.name} <span className={styles.role}>({ROLE_LABELS[viewer.role]})</span>
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
