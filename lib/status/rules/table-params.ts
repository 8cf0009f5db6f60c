/**
 * The overview table's state, all of it in the URL (search, filters, sort, page, columns), so that
 * links, paging and sorting work without JavaScript. Shared by the page (which parses) and the
 * table (which builds links).
 */
import { z } from 'zod';
import { DELIVERY_STATE_LABELS, FLAG_LABELS } from '../labels';
import type { DeliveryState, FlagCode } from './types';

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

const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
const oneOrMany = (value: unknown) => (typeof value === 'string' ? [value] : value);

export const statusTableParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  fylke: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(keysOf<DeliveryState>(DELIVERY_STATE_LABELS)).optional().catch(undefined),
  flagg: z.enum(keysOf<FlagCode>(FLAG_LABELS)).optional().catch(undefined),
  sort: z.enum(STATUS_COLUMNS).optional().catch(undefined),
  retning: z.enum(['asc', 'desc']).optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
  /** The visible columns; the column form always sends 'name', so an empty choice is still a choice. */
  kol: z.preprocess(oneOrMany, z.array(z.enum(STATUS_COLUMNS)).optional()).catch(undefined),
});
export type StatusTableParams = z.infer<typeof statusTableParamsSchema>;

/** The query parameters of `params` as strings, for links and hidden form fields. */
export function statusTableQuery(params: StatusTableParams): Record<string, string | string[] | undefined> {
  return {
    q: params.q,
    fylke: params.fylke,
    status: params.status,
    flagg: params.flagg,
    sort: params.sort,
    retning: params.retning,
    side: params.side ? String(params.side) : undefined,
    kol: params.kol,
  };
}
