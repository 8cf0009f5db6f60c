/**
 * The URL state every overview table shares (search, county, state and flag filters, sort, page,
 * columns): one schema builder and one serialiser, so the annual and the daily table read and write
 * their links the same way. Each table gives its own states, flags and columns.
 */
import { z } from 'zod';

const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]];
const oneOrMany = (value: unknown) => (typeof value === 'string' ? [value] : value);

/** The schema of a table's URL state; anything malformed is dropped (the default), never an error. */
export function tableParamsSchema<State extends string, Flag extends string, Column extends string>(
  states: Record<State, string>,
  flags: Record<Flag, string>,
  columns: readonly [Column, ...Column[]],
) {
  return z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    fylke: z
      .string()
      .regex(/^\d{2}$/)
      .optional()
      .catch(undefined),
    status: z.enum(keysOf<State>(states)).optional().catch(undefined),
    flagg: z.enum(keysOf<Flag>(flags)).optional().catch(undefined),
    sort: z.enum(columns).optional().catch(undefined),
    retning: z.enum(['asc', 'desc']).optional().catch(undefined),
    side: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
    /** The visible columns; the column form always sends 'name', so an empty choice is still a choice. */
    kol: z.preprocess(oneOrMany, z.array(z.enum(columns)).optional()).catch(undefined),
  });
}

interface TableParams {
  q?: string;
  fylke?: string;
  status?: string;
  flagg?: string;
  sort?: string;
  retning?: 'asc' | 'desc';
  side?: number;
  kol?: readonly string[];
}

/** The query parameters of a table's state as strings, for links and hidden form fields. */
export function tableQuery(params: TableParams): Record<string, string | string[] | undefined> {
  return {
    q: params.q,
    fylke: params.fylke,
    status: params.status,
    flagg: params.flagg,
    sort: params.sort,
    retning: params.retning,
    side: params.side ? String(params.side) : undefined,
    kol: params.kol ? [...params.kol] : undefined,
  };
}
