/** The time zone every date in the product is shown and reasoned in, and the lengths of time in milliseconds. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
