/**
 * The states-by-county chart's series in the order its bars stack them, left to right from delivered
 * outwards; the legend lists them in this order too. Each is filled with its state's pattern
 * (components/graphics/palette.ts), the same as on the map.
 */
import type { DeliveryState } from '@/lib/status/rules';
import { STATE_ORDER } from '@/lib/status/rules/key-figures';

/** The overview's order of the states (lib/status/rules/key-figures.ts). */
export const BAR_STATES = STATE_ORDER;

/** The id of a state's pattern in the chart (the map's have ids of their own). */
export const barPatternId = (state: DeliveryState) => `fylker-${state}`;
