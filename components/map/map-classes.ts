/**
 * The map's classes: the annual season's delivery states and the daily season's rate bands, each
 * with its Norwegian label and its look (components/graphics/palette.ts: the colour family its badge
 * has elsewhere and a pattern of its own, the same as in the charts).
 */
import { DELIVERY_STATE_LOOKS, RATE_BAND_LOOKS } from '@/components/graphics/palette';
import { rateText } from '@/components/daily/daily-table';
import { DAILY_STATE_LABELS, DAILY_WORDS, RATE_BAND_LABELS } from '@/lib/daily/labels';
import { reportingRate } from '@/lib/daily/rules';
import type { DailyOverviewRow } from '@/lib/daily/rules/overview';
import { RATE_BANDS, rateBand } from '@/lib/daily/rules/rate-band';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import type { DeliveryState } from '@/lib/status/rules';
import type { StatusTableRow } from '@/lib/status/rules/table';
import type { MapArea, MapClass } from './map-document';

/** The annual season's classes, in the states' usual order. */
export const STATE_MAP_CLASSES: readonly MapClass[] = (Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[]).map(
  (state) => ({
    key: state,
    label: DELIVERY_STATE_LABELS[state],
    ...DELIVERY_STATE_LOOKS[state],
  }),
);

/** The daily season's classes, highest rate first. */
export const RATE_BAND_MAP_CLASSES: readonly MapClass[] = RATE_BANDS.map((band) => ({
  key: band,
  label: RATE_BAND_LABELS[band],
  ...RATE_BAND_LOOKS[band],
}));

/** The annual season's areas: each row's state, named on its link, linking to its page. */
export function stateMapAreas(
  rows: readonly Pick<StatusTableRow, 'number' | 'name' | 'state'>[],
  highlighted: boolean,
): Map<string, MapArea> {
  return new Map(
    rows.map((row) => [
      row.number,
      {
        number: row.number,
        name: row.name,
        classKey: row.state,
        label: `${row.name}: ${DELIVERY_STATE_LABELS[row.state]}`,
        href: `/kommuner/${row.number}`,
        highlighted,
      },
    ]),
  );
}

/** The daily season's areas: each row's band of the 7-day rate; the link names its state and its rate. */
export function dailyMapAreas(rows: readonly DailyOverviewRow[], highlighted: boolean): Map<string, MapArea> {
  return new Map(
    rows.map((row) => {
      const counts = row.rates.last7.fromRequirement;
      return [
        row.number,
        {
          number: row.number,
          name: row.name,
          classKey: rateBand(counts),
          label: `${row.name}: ${DAILY_STATE_LABELS[row.state]}, ${DAILY_WORDS.rate7.toLowerCase()} ${rateText(reportingRate(counts))}`,
          href: `/kommuner/${row.number}/daglig`,
          highlighted,
        },
      ];
    }),
  );
}
