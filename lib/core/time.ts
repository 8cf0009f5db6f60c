/** The time zone every date in the product is shown and reasoned in. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';
