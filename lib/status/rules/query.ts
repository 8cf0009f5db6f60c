/**
 * The query every status view and the status API share: which season, and at which instant.
 * `asOf` is a calendar day and means the end of that day in Europe/Oslo; absent, it means now
 * (to the minute).
 */
import { z } from 'zod';
import { endOfOsloDay, isIsoDate } from '../../core/calendar';
import { MINUTE_MS } from '../../core/time';
import type { StatusQuery } from './summaries';

export const seasonKeySchema = z
  .string()
  .regex(
    /^\d{4}(-[a-z]{1,20})?$/,
    'season must be a season key: the year, e.g. 2025, or a daily season, e.g. 2026-daglig',
  );
export const asOfDateSchema = z.string().refine(isIsoDate, 'asOf must be a calendar date written YYYY-MM-DD');

/** Strict, for the API: a bad value is an error. */
export const statusQuerySchema = z.object({ season: seasonKeySchema.optional(), asOf: asOfDateSchema.optional() });

/** Lenient, for pages: a bad value is ignored (the page shows which date it shows). */
export const statusPageQuerySchema = z.object({
  season: seasonKeySchema.optional().catch(undefined),
  asOf: asOfDateSchema.optional().catch(undefined),
});

export type StatusQueryParams = z.infer<typeof statusQuerySchema>;

/**
 * "Now" is the end of the current minute: what the screens show (and the status cache keys on).
 * The end, not the start, so that what was done a moment ago (a request sent, a decision made)
 * counts at once.
 */
export function toStatusQuery(params: StatusQueryParams, now: Date): StatusQuery {
  return {
    seasonKey: params.season,
    asOf: params.asOf
      ? endOfOsloDay(params.asOf)
      : new Date((Math.floor(now.getTime() / MINUTE_MS) + 1) * MINUTE_MS - 1),
  };
}

/** The status API's query (`season`, `asOf`) from a request URL, or what is wrong with it (in English, for machines). */
export function statusApiQuery(url: string, now: Date): { query: StatusQuery } | { problem: string } {
  const params = statusQuerySchema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!params.success) return { problem: params.error.issues.map((issue) => issue.message).join('; ') };
  return { query: toStatusQuery(params.data, now) };
}

export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** `params` without empty values, as a URL's query string (a name with several values repeated). */
export function searchParamsOf(params: QueryParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(linkQuery(params)))
    for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
  return search;
}

/** `path` with the query of `params` (without a `?` when there is none): a plain link's href. */
export function pathWithQuery(path: string, params: QueryParams): string {
  const search = searchParamsOf(params).toString();
  return search ? `${path}?${search}` : path;
}

/** A URL's query as a page's `searchParams` get it: a name given more than once is a list. */
export function queryParamsOf(search: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    params[name] = values.length > 1 ? values : values[0]!;
  }
  return params;
}

/** `params` without empty values, as a link's `query` (next/link's href object). */
export function linkQuery(params: QueryParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    const items = (typeof value === 'string' ? [value] : (value ?? [])).filter(Boolean);
    if (items.length) query[key] = items.length === 1 ? items[0]! : [...items];
  }
  return query;
}
