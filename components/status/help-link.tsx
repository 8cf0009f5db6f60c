/**
 * Every state badge and flag links to its entry on "Slik leser du statusen" (/hjelp): the anchor of
 * an entry is its kind and its code in lowercase-kebab ("tilstand-apprec-overdue",
 * "daglig-flagg-silent"), so a badge and the help page agree without a list of ids.
 */
import type { ReactNode } from 'react';
import type { GraphicColor } from '@/components/graphics/palette';
import styles from './help-link.module.css';

export type HelpTopic = 'tilstand' | 'flagg' | 'utfall' | 'daglig-tilstand' | 'daglig-flagg';

export const HELP_PATH = '/hjelp';

export function helpAnchor(topic: HelpTopic, code: string): string {
  return `${topic}-${code.toLowerCase().replaceAll('_', '-')}`;
}

export function helpHref(topic: HelpTopic, code: string): string {
  return `${HELP_PATH}#${helpAnchor(topic, code)}`;
}

/**
 * A state or flag badge that opens its help entry. Plain elements with Designsystemet's classes
 * (what its Link and Tag render), so a table of 50 rows stays light. The link's name is the badge's
 * word, then "forklaring" for screen readers.
 */
export function HelpBadge({
  topic,
  code,
  color,
  size = 'sm',
  icon,
  children,
}: {
  topic: HelpTopic;
  code: string;
  color: GraphicColor;
  size?: 'sm' | 'md' | 'lg';
  /** A symbol before the word, so the badge is told apart without colour (hidden from screen readers). */
  icon?: string;
  children: ReactNode;
}) {
  return (
    <a className={`ds-link ${styles.badgeLink}`} href={helpHref(topic, code)}>
      <span className="ds-tag" data-color={color} data-size={size}>
        {icon && (
          <span aria-hidden="true" className={styles.icon}>
            {icon}
          </span>
        )}
        {children}
      </span>
      <span className={styles.hidden}> (forklaring)</span>
    </a>
  );
}

/** A flag's or other word's plain link to its help entry ("Hva betyr dette?"). */
export function HelpLink({ topic, code, children }: { topic: HelpTopic; code: string; children: ReactNode }) {
  return (
    <a className="ds-link" href={helpHref(topic, code)}>
      {children}
    </a>
  );
}
