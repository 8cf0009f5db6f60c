/**
 * The flags' icons (components/status/flag-style.ts says which flag has which), drawn inline so
 * they print and need no icon package: 24-unit outline icons in the current text colour, hidden
 * from screen readers (the flag's label always goes with them).
 */
import type { CSSProperties, ReactNode } from 'react';
import { flagStyle, type FlagIconName } from './flag-style';
import styles from './flag-list.module.css';

const calendar = (
  <>
    <rect x="3" y="4" width="18" height="17" rx="2" />
    <path d="M8 2v4M16 2v4M3 10h18" />
  </>
);

const ICONS: Record<FlagIconName, ReactNode> = {
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  repeat: <path d="M17 2l4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 0 1-3 3H3" />,
  plug: <path d="M9 2v5M15 2v5M6 7h12v4a6 6 0 0 1-12 0zM12 17v5" />,
  envelope: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" />
    </>
  ),
  calendarPlus: (
    <>
      {calendar}
      <path d="M12 13v6M9 16h6" />
    </>
  ),
  copy: (
    <>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </>
  ),
  hourglass: <path d="M6 2h12M6 22h12M7 2v3l5 7-5 7v3M17 2v3l-5 7 5 7v3" />,
  ban: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M5.6 5.6l12.8 12.8" />
    </>
  ),
  mute: <path d="M11 5L6 9H2v6h4l5 4zM22 9l-6 6M16 9l6 6" />,
  trendDown: <path d="M22 17l-8.5-8.5-5 5L2 7M16 17h6v-6" />,
  calendarGap: (
    <>
      {calendar}
      <path d="M7 14h3M14 14h3M7 18h3" />
    </>
  ),
  idCard: (
    <>
      <rect x="2" y="5" width="20" height="14" rx="2" />
      <circle cx="8" cy="11" r="2" />
      <path d="M5 16c.7-1.3 1.8-2 3-2s2.3.7 3 2M14 10h5M14 14h3" />
    </>
  ),
};

export function FlagIcon({ code }: { code: string }) {
  return (
    <svg
      className={styles.icon}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[flagStyle(code).icon]}
    </svg>
  );
}

/** The CSS custom property a flag's card, mark and icon take their colour from. */
export function flagColorStyle(code: string): CSSProperties {
  return { '--flag-color': flagStyle(code).color } as CSSProperties;
}

/** A flag as a mark: its icon and its label, in its colour. */
export function FlagMark({ code, label }: { code: string; label: string }) {
  return (
    <span className={styles.mark} style={flagColorStyle(code)}>
      <FlagIcon code={code} />
      {label}
    </span>
  );
}
