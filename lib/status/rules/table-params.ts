/**
 * The overview table's state, all of it in the URL (search, filters, sort, page, columns), so that
 * links, paging and sorting work without JavaScript. Shared by the page (which parses) and the
 * table (which builds links).
 */
import type { z } from 'zod';
import { tableParamsSchema, tableQuery } from '@/lib/core/table-params';
import { DELIVERY_STATE_LABELS, FLAG_LABELS } from '../labels';

/** The table's columns, in table order (their headers: STATUS_COLUMN_LABELS in lib/status/labels.ts). */
export const STATUS_COLUMNS = [
  'number',
  'name',
  'county',
  'state',
  'flags',
  'latestSent',
  'deadline',
  'workingDaysLeft',
  'onTime',
] as const;
export type StatusColumnId = (typeof STATUS_COLUMNS)[number];

/** Columns a person may hide; number and name always show. */
export const OPTIONAL_STATUS_COLUMNS: readonly StatusColumnId[] = [
  'county',
  'flags',
  'latestSent',
  'deadline',
  'workingDaysLeft',
  'onTime',
];
export const STATUS_PAGE_SIZE = 50;

export const statusTableParamsSchema = tableParamsSchema(DELIVERY_STATE_LABELS, FLAG_LABELS, STATUS_COLUMNS);
export type StatusTableParams = z.infer<typeof statusTableParamsSchema>;

/** The query parameters of `params` as strings, for links and hidden form fields. */
export const statusTableQuery: (params: StatusTableParams) => Record<string, string | string[] | undefined> =
  tableQuery;
