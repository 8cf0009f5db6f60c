import { readFileSync } from 'node:fs';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import {
  DELIVERY_STATE_LOOKS,
  GRAPHIC_FILLS,
  GRAPHIC_MARK,
  GRAPHIC_TEXT,
  LINE_LOOKS,
  RATE_BAND_LOOKS,
  type GraphicColor,
  type LineLook,
} from './palette';

/** Normal vision and full dichromacy of each kind (severity 1, the hardest case of each). */
const VISIONS: Record<string, (color: Color) => Color> = {
  normal: (color) => color,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

/**
 * The least CIEDE2000 difference two series' colours must keep under every vision. About 2 is just
 * noticeable between two large patches side by side; thin bars, lines and legend swatches are small
 * marks, for which the difference needed to tell colours apart grows several times as the mark
 * shrinks (Stone, Szafir and Setlur 2014, "An engineering model for color difference as a function
 * of size"). 10 asks for colours that are told apart at a glance, not only noticed side by side.
 */
const MIN_DIFFERENCE = 10;

const difference = differenceCiede2000();
const color = (hex: string) => parse(hex)!;

/** The least difference between two families' colours over the visions, and where it is. */
function leastDifference(a: GraphicColor, b: GraphicColor) {
  return Object.entries(VISIONS)
    .map(([vision, simulate]) => ({
      vision,
      difference: difference(simulate(color(GRAPHIC_FILLS[a])), simulate(color(GRAPHIC_FILLS[b]))),
    }))
    .reduce((least, next) => (next.difference < least.difference ? next : least));
}

const pairs = <T>(items: readonly T[]): [T, T][] =>
  items.flatMap((a, index) => items.slice(index + 1).map((b): [T, T] => [a, b]));

describe('the graphics palette', () => {
  it.each(pairs(Object.keys(GRAPHIC_FILLS) as GraphicColor[]))(
    '%s and %s stay apart for normal vision and each colour-vision deficiency',
    (a, b) => {
      const least = leastDifference(a, b);
      expect(least.difference, `${a}/${b} under ${least.vision}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
    },
  );

  it.each([
    ['delivery states', DELIVERY_STATE_LOOKS],
    ['rate bands', RATE_BAND_LOOKS],
  ] as const)('%s: two classes of one colour never share a pattern', (_, looks) => {
    for (const [[a, lookA], [b, lookB]] of pairs(Object.entries(looks))) {
      if (lookA.color === lookB.color) expect(lookA.pattern, `${a}/${b}`).not.toBe(lookB.pattern);
    }
  });

  it('draws the two lines of a line chart in different colours, dashes and markers', () => {
    const { main, other }: Record<keyof typeof LINE_LOOKS, LineLook> = LINE_LOOKS;
    expect(main.color).not.toBe(other.color);
    expect(leastDifference(main.color, other.color).difference).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
    expect(main.dash).not.toBe(other.dash);
    expect(main.marker).not.toBe(other.marker);
  });

  it.each(Object.entries(GRAPHIC_FILLS))(
    '%s (%s): at least 3:1 against white, and against the white marks of its patterns',
    (_, fill) => {
      expect(wcagContrast(fill, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(wcagContrast(fill, GRAPHIC_MARK)).toBeGreaterThanOrEqual(3);
    },
  );

  it("the legends' text (Designsystemet's default text colour, as its theme sets it) reads at 4.5:1 on white", () => {
    const theme = readFileSync('node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css', 'utf8');
    // The light scheme comes first; the legends (graphics.module.css) use this variable.
    const legendText = theme.match(/--ds-color-neutral-text-default:(#[0-9a-f]{6})/)![1]!;
    expect(legendText).toBe(GRAPHIC_TEXT);
    expect(wcagContrast(legendText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it("text in a graphic (ticks; the deadline's name in its red) reads at 4.5:1 on white", () => {
    expect(wcagContrast(GRAPHIC_TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(wcagContrast(GRAPHIC_FILLS.danger, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
