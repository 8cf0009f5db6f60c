import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/ui/site-header';
import { getViewer } from '@/lib/access/request';
import { isAdmin, isFhi } from '@/lib/access/rules/actor';
import { signOutAction } from './(auth)/actions';
import styles from './layout.module.css';

export const metadata: Metadata = {
  title: { default: 'KPR rapporteringsstatus', template: '%s – KPR rapporteringsstatus' },
  description: 'Status for kommunenes årlige rapportering til Kommunalt pasient- og brukerregister (KPR).',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const person = viewer && { name: viewer.name, role: viewer.role, fhi: isFhi(viewer), admin: isAdmin(viewer) };
  return (
    <html lang="nb">
      <body className={styles.body}>
        <SiteHeader person={person} signOutAction={signOutAction} />
        <main id="innhold" className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
