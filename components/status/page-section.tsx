import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import styles from './page-section.module.css';

/** A titled region of a status page: a landmark named by its level-2 heading. */
export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
