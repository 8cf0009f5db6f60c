/**
 * The season switch: every season as a link to the same page, the one shown marked. Plain links, so
 * it works without JavaScript; the date (asOf) is kept, the table's state starts over.
 */
import { Link } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { linkQuery } from '@/lib/status/rules/query';
import styles from './season-switch.module.css';

export function SeasonSwitch({
  path,
  seasons,
  current,
  asOf,
}: {
  path: string;
  /** Newest first is the usual order. */
  seasons: readonly { key: string; name: string }[];
  current: string;
  asOf: string | undefined;
}) {
  return (
    <nav aria-label="Velg sesong" className={styles.switch}>
      <ul className={styles.list}>
        {seasons.map((season) => (
          <li key={season.key}>
            {season.key === current ? (
              <strong aria-current="page">{season.name}</strong>
            ) : (
              <Link asChild>
                <NextLink href={{ pathname: path, query: linkQuery({ season: season.key, asOf }) }}>
                  {season.name}
                </NextLink>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
