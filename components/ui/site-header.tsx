import { Button, SkipLink } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '@/lib/access/labels';
import type { Role } from '@/lib/access/rules/actor';
import { MenuLink } from './menu-link';
import styles from './site-header.module.css';

/** Who is signed in, as the header shows them: name, role, and which parts of the menu are theirs. */
export interface SignedInPerson {
  name: string;
  role: Role;
  fhi: boolean;
  admin: boolean;
}

/** One entry of the main menu (marked as the current page by MenuLink). */
function MenuItem({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <MenuLink href={href}>{children}</MenuLink>
    </li>
  );
}

/** The parts of the product the person's role opens: everyone, FHI, the municipal contact, FHI's admins. */
function MainMenu({ person }: { person: SignedInPerson }) {
  return (
    <nav aria-label="Hovedmeny">
      <ul className={styles.menu}>
        <MenuItem href="/">Oversikt</MenuItem>
        <MenuItem href="/kart">Kart</MenuItem>
        {person.fhi && <MenuItem href="/arbeidsliste">Arbeidsliste</MenuItem>}
        {person.fhi && <MenuItem href="/epj">EPJ-mønstre</MenuItem>}
        {person.fhi && <MenuItem href="/opplasting">Opplasting</MenuItem>}
        {person.fhi && <MenuItem href="/fristsoknader">Fristsøknader</MenuItem>}
        {person.fhi && <MenuItem href="/uten-kommune">Uten kommune</MenuItem>}
        <MenuItem href="/rapporter">Rapporter</MenuItem>
        {person.role === 'MUNICIPAL_CONTACT' && <MenuItem href="/egenkontroll">Egenkontroll</MenuItem>}
        <MenuItem href="/hjelp">Hjelp</MenuItem>
        {person.admin && (
          <>
            <MenuItem href="/admin/brukere">Brukere</MenuItem>
            <MenuItem href="/admin/logg">Tilgangslogg</MenuItem>
            <MenuItem href="/admin/api-nokler">API-nøkler</MenuItem>
            <MenuItem href="/admin/amqp-mottak">AMQP-mottak</MenuItem>
          </>
        )}
      </ul>
    </nav>
  );
}

/** Who is signed in (name and role), and signing out. */
function SignedIn({ person, signOutAction }: { person: SignedInPerson; signOutAction: () => Promise<void> }) {
  return (
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
  );
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
    <header className={styles.header} data-print="hide">
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      <div className={styles.inner}>
        <NextLink href="/" className={styles.product}>
          KPR rapporteringsstatus
        </NextLink>
        {person && <MainMenu person={person} />}
        {person && <SignedIn person={person} signOutAction={signOutAction} />}
      </div>
    </header>
  );
}
