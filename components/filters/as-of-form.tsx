import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { formatDateTime, formatIsoDate } from '@/lib/core/format';
import { linkQuery, type QueryParams } from '@/lib/status/rules/query';
import styles from './as-of-form.module.css';

interface AsOfFormProps {
  /** The page's path; the form is a plain GET to it, so replay works without JavaScript. */
  path: string;
  /** The day asked for ('YYYY-MM-DD'), or undefined for now. */
  asOf: string | undefined;
  /** The instant shown. */
  shownAt: Date;
  /** The page's other query parameters, kept when the date changes (paging starts over). */
  keep?: QueryParams;
}

/** The replay control: show the season as it stood at the end of a chosen day (Europe/Oslo). */
export function AsOfForm({ path, asOf, shownAt, keep = {} }: AsOfFormProps) {
  return (
    <section aria-label="Tidspunkt" className={styles.section}>
      <Paragraph data-size="sm" className={styles.shown}>
        {asOf ? (
          <>
            Viser status slik den var ved utgangen av <strong>{formatIsoDate(asOf)}</strong>.{' '}
            <Link asChild>
              <NextLink href={{ pathname: path, query: linkQuery({ ...keep, asOf: undefined }) }} data-print="hide">
                Vis status nå
              </NextLink>
            </Link>
          </>
        ) : (
          <>
            Viser status nå (<strong>{formatDateTime(shownAt)}</strong>).
          </>
        )}
      </Paragraph>
      <form method="get" action={path} className={styles.form}>
        {Object.entries(keep).flatMap(([name, value]) =>
          (typeof value === 'string' ? [value] : (value ?? [])).map((item) => (
            <input key={`${name}=${item}`} type="hidden" name={name} value={item} />
          )),
        )}
        <Textfield name="asOf" type="date" label="Vis status per dato" defaultValue={asOf ?? ''} data-size="sm" />
        <Button type="submit" variant="secondary" data-size="sm">
          Vis
        </Button>
      </form>
    </section>
  );
}
