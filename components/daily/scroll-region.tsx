/**
 * A wide table's own sideways scroll, never the page's: a named region that takes focus, so the
 * keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
import type { ReactNode } from 'react';
import styles from './daily.module.css';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
