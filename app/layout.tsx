import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/ui/site-header';
import styles from './layout.module.css';

export const metadata: Metadata = {
  title: { default: 'KPR rapporteringsstatus', template: '%s – KPR rapporteringsstatus' },
  description: 'Status for kommunenes årlige rapportering til Kommunalt pasient- og brukerregister (KPR).',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="nb">
      <body className={styles.body}>
        <SiteHeader />
        <main id="innhold" className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
