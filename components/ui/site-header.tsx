import { Link, SkipLink } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import styles from './site-header.module.css';

/** The product name, the skip link and the main navigation. */
export function SiteHeader() {
  return (
    <header className={styles.header}>
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      <div className={styles.inner}>
        <NextLink href="/" className={styles.product}>
          KPR rapporteringsstatus
        </NextLink>
        <nav aria-label="Hovedmeny">
          <ul className={styles.menu}>
            <li>
              <Link asChild>
                <NextLink href="/">Kommuner</NextLink>
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
