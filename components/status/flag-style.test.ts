import { describe, expect, it } from 'vitest';
import { DAILY_FLAG_LABELS } from '@/lib/daily/labels';
import { FLAG_LABELS } from '@/lib/status/labels';
import { contrastRatio, FLAG_STYLES, flagStyle } from './flag-style';

// Designsystemet's light neutral backgrounds and surfaces a flag is drawn on (default, tinted, surface tinted).
const BACKGROUNDS = ['#ffffff', '#f3f3f4', '#e8e8e9'];

describe('flag styles', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('contrast of %s on %s is %s', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it('gives every annual and daily flag a style', () => {
    expect(Object.keys(FLAG_STYLES).sort()).toEqual(
      [...Object.keys(FLAG_LABELS), ...Object.keys(DAILY_FLAG_LABELS)].sort(),
    );
  });

  it('gives each flag its own colour and its own icon', () => {
    const styles = Object.values(FLAG_STYLES);
    expect(new Set(styles.map((style) => style.color)).size).toBe(styles.length);
    expect(new Set(styles.map((style) => style.icon)).size).toBe(styles.length);
  });

  it.each(Object.entries(FLAG_STYLES))('%s reads as text (4.5:1) on every light background', (_, style) => {
    for (const background of BACKGROUNDS) expect(contrastRatio(style.color, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('a code not known yet still reads (4.5:1)', () => {
    for (const background of BACKGROUNDS)
      expect(contrastRatio(flagStyle('NEW_FLAG').color, background)).toBeGreaterThanOrEqual(4.5);
  });
});
