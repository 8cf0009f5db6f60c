// The overview's charts, readable by everyone: the y axis's "100 %" is drawn whole inside the chart,
// the legend lists the series in the order the chart draws them (each with its swatch), and the
// pages with charts are axe-clean at desktop and phone width. Screenshots of each chart are kept
// with the test's results, to look at.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessibleAt, openAs } from './helpers';

interface ChartCase {
  /** The chart's accessible name (its role="img" box). */
  name: string | RegExp;
  /** The y axis carries shares (0 to 100 %). */
  shares: boolean;
}

const PAGES: { url: string; charts: ChartCase[] }[] = [
  {
    url: '/?season=2025',
    charts: [
      { name: /^Linjediagram: andel kommuner med godkjent levering per dag, i år og i fjor/, shares: true },
      { name: /^Stolpediagram: antall kommuner i hver status per fylke/, shares: false },
    ],
  },
  {
    url: '/?season=2026-daglig',
    charts: [{ name: 'Andel kommuner som har dekket hver forventede dag, og andel i tide', shares: true }],
  },
];

const WIDTHS = [1280, 390];

/** The chart's figure: its plot, its legend and its description. */
function chartFigure(page: Page, name: ChartCase['name']): Locator {
  return page.locator('figure', { has: page.getByRole('img', { name }) });
}

/** The y axis's top tick ("100 %"): its text, and whether its box lies inside the chart's svg. */
function topTick(figure: Locator) {
  return figure.evaluate((element) => {
    const svg = element.querySelector('svg.recharts-surface');
    const ticks = [...element.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')];
    const tick = ticks.find((text) => text.textContent?.startsWith('100'));
    if (!svg || !tick) return null;
    const box = tick.getBoundingClientRect();
    const frame = svg.getBoundingClientRect();
    return {
      text: tick.textContent,
      inside:
        box.width > 0 &&
        box.left >= frame.left &&
        box.right <= frame.right &&
        box.top >= frame.top &&
        box.bottom <= frame.bottom,
    };
  });
}

/**
 * The series in the order the chart draws them. Lines: the order of their layers. Stacked bars: in
 * every county's bar, the segments drawn (wider than nothing) from left to right; each bar's order
 * must be a part of the layers' order, and the layers' order is returned.
 */
function drawingOrder(figure: Locator) {
  return figure.evaluate((element) => {
    const seriesOf = (layer: Element) =>
      [...layer.classList].find((name) => name.startsWith('series-'))!.slice('series-'.length);
    const lines = [...element.querySelectorAll('.recharts-line')].map(seriesOf);
    if (lines.length > 0) return { layers: lines, rowsInLayerOrder: true };
    const layers = [...element.querySelectorAll('.recharts-bar')];
    const order = layers.map(seriesOf);
    const rows = new Map<number, { series: string; left: number }[]>();
    for (const layer of layers) {
      for (const segment of layer.querySelectorAll('.recharts-bar-rectangle path')) {
        const box = segment.getBoundingClientRect();
        if (box.width < 0.5) continue;
        const row = Math.round(box.top + box.height / 2);
        rows.set(row, [...(rows.get(row) ?? []), { series: seriesOf(layer), left: box.left }]);
      }
    }
    const rowsInLayerOrder =
      rows.size > 0 &&
      [...rows.values()].every((segments) => {
        const leftToRight = [...segments].sort((a, b) => a.left - b.left).map((segment) => segment.series);
        return leftToRight.join() === order.filter((series) => leftToRight.includes(series)).join();
      });
    return { layers: order, rowsInLayerOrder };
  });
}

for (const { url, charts } of PAGES) {
  test(`${url}: the charts show "100 %" whole, their legends in drawing order, axe-clean at 1280 and 390 px`, async ({
    page,
  }) => {
    test.slow();
    await openAs(page, 'staff', url);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const chart of charts) {
        const figure = chartFigure(page, chart.name);
        await figure.scrollIntoViewIfNeeded();
        await expect(figure.locator('svg.recharts-surface')).toBeVisible();
        if (chart.shares) {
          // The chart redraws for the new width: wait until its top tick is drawn inside it.
          await expect
            .poll(async () => (await topTick(figure))?.inside, { message: `${chart.name} at ${width}` })
            .toBe(true);
          expect((await topTick(figure))!.text).toBe('100\u00a0%');
        }
        const legend = figure.getByRole('list', { name: 'Tegnforklaring' });
        const items = legend.getByRole('listitem');
        const legendOrder = await items.evaluateAll((elements) =>
          elements.map((item) => item.getAttribute('data-series')),
        );
        const drawn = await drawingOrder(figure);
        expect(legendOrder).toEqual(drawn.layers);
        expect(drawn.rowsInLayerOrder, `${chart.name}: every bar stacks in the legend's order`).toBe(true);
        // Each legend entry has its swatch (colour and pattern, or the line's dashes and marker).
        for (const item of await items.all()) await expect(item.locator('svg')).toHaveCount(1);
        await figure.screenshot({
          path: test.info().outputPath(`${url.replace(/\W+/g, '-')}-${legendOrder[0]}-${width}.png`),
        });
      }
      await expectAccessibleAt(page, width);
    }
  });
}
