/**
 * Each flag's own colour and icon, annual and daily alike, so a flag is told apart at a glance and
 * never by colour alone (the icon and the label go with it). The colours are text colours on the
 * page's light backgrounds: contrast at least 4.5:1 against white and Designsystemet's tinted
 * neutral surfaces (checked in flag-style.test.ts), so they serve for text, icons and borders.
 */
import type { DailyFlagCode } from '@/lib/daily/rules';
import type { FlagCode } from '@/lib/status/rules';

export type FlagIconName =
  | 'clock'
  | 'repeat'
  | 'plug'
  | 'envelope'
  | 'calendarPlus'
  | 'copy'
  | 'hourglass'
  | 'ban'
  | 'mute'
  | 'trendDown'
  | 'calendarGap'
  | 'idCard';

export interface FlagStyle {
  /** A hex colour: text, icon and the card's edge. */
  color: string;
  icon: FlagIconName;
}

export const FLAG_STYLES: Record<FlagCode | DailyFlagCode, FlagStyle> = {
  OVERDUE: { color: '#b3261e', icon: 'clock' },
  MUST_RESUBMIT: { color: '#a14500', icon: 'repeat' },
  TRANSPORT_ERROR: { color: '#6b3fa0', icon: 'plug' },
  APPREC_MISSING: { color: '#a3195b', icon: 'envelope' },
  SHOULD_APPLY_FOR_EXTENSION: { color: '#7a5c00', icon: 'calendarPlus' },
  RESENT_BEFORE_APPREC: { color: '#00676b', icon: 'copy' },
  EXTENSION_PENDING: { color: '#1f5aa6', icon: 'hourglass' },
  REJECTING: { color: '#8a1538', icon: 'ban' },
  SILENT: { color: '#4a5568', icon: 'mute' },
  VOLUME_DROP: { color: '#7b4a2a', icon: 'trendDown' },
  LAGGING: { color: '#2f6b2f', icon: 'calendarGap' },
  NO_IDE: { color: '#3f3d99', icon: 'idCard' },
};

/** A flag code's style; a code this map does not know yet gets the neutral text colour and the clock. */
export function flagStyle(code: string): FlagStyle {
  return (FLAG_STYLES as Record<string, FlagStyle | undefined>)[code] ?? { color: '#3f4145', icon: 'clock' };
}

/** WCAG 2.1 relative luminance of a '#rrggbb' colour. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.1 contrast ratio of two '#rrggbb' colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
