import { Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import styles from './print-summary.module.css';

/**
 * What a printout is of — the season, the instant the status is as of, the filters — on paper
 * only: on screen the page's own forms and headings say it.
 */
export function PrintSummary({ children }: { children: ReactNode }) {
  return <Paragraph className={styles.summary}>{children}</Paragraph>;
}
