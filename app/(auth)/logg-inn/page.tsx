import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { listDemoUsers, systemActor } from '@/lib/access';
import { demoSignInEnabled, getViewer, oidcDisplayName, oidcEnabled } from '@/lib/access/request';
import { ROLE_LABELS } from '@/lib/access/labels';
import { demoSignInAction, oidcSignInAction } from '../actions';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Logg inn' };

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Innloggingen feilet. Velg en av demobrukerne.',
  AccessDenied: 'Du har ikke tilgang til KPR rapporteringsstatus.',
  Configuration: 'Innloggingen er ikke riktig satt opp. Kontakt FHI.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getViewer()) redirect('/');
  const { error } = await searchParams;
  const demoUsers = demoSignInEnabled ? await listDemoUsers(systemActor('sign-in')) : [];
  const message = typeof error === 'string' ? (ERRORS[error] ?? 'Innloggingen feilet. Prøv igjen.') : null;

  return (
    <div className={styles.page}>
      <Heading level={1} data-size="lg">
        Logg inn
      </Heading>
      <Paragraph>KPR rapporteringsstatus viser hvor kommunenes rapportering til KPR står.</Paragraph>
      {message && <Alert data-color="danger">{message}</Alert>}
      {oidcEnabled && (
        <form action={oidcSignInAction}>
          <Button type="submit">Logg inn med {oidcDisplayName}</Button>
        </form>
      )}
      {!oidcEnabled && !demoSignInEnabled && (
        <Alert data-color="warning">Ingen innloggingsmetode er satt opp. Kontakt FHI.</Alert>
      )}
      {demoSignInEnabled && (
        <section aria-labelledby="demo-heading" className={styles.demo}>
          <Alert data-color="warning">
            <Heading level={2} data-size="xs" id="demo-heading">
              Dette er en demo
            </Heading>
            <Paragraph>
              Dataene er oppdiktet. Velg en demobruker for å se løsningen slik den personen ser den – uten passord.
            </Paragraph>
          </Alert>
          <ul className={styles.users}>
            {demoUsers.map((user) => (
              <li key={user.id}>
                <Card data-color="neutral">
                  <form action={demoSignInAction} className={styles.user}>
                    <input type="hidden" name="userId" value={user.id} />
                    <div>
                      <strong>{user.name}</strong>
                      <div>{ROLE_LABELS[user.role]}</div>
                      {user.municipalities.length > 0 && <div>{user.municipalities.join(', ')}</div>}
                    </div>
                    <Button type="submit" variant="secondary" aria-label={`Logg inn som ${user.name}`}>
                      Logg inn
                    </Button>
                  </form>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
