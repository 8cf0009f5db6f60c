/**
 * The second lock's view of an actor: the PostgreSQL role a transaction runs as and the
 * municipalities its row-level security policies let through (prisma/migrations/*_row_level_security).
 * Read from `municipalityScope`, the one source of an actor's scope, so both layers agree.
 */
import { isSystemActor, municipalityScope, type Actor } from './actor';

/** People and API keys: every policy on municipal data applies to this role. */
export const VIEWER_ROLE = 'kpr_status_viewer';
/** Jobs and processes (system actors): the policies let this role see and write every row. */
export const SYSTEM_ROLE = 'kpr_status_system';
/** The setting the policies read: `*` for every municipality, else the numbers separated by commas. */
export const SCOPE_SETTING = 'kpr_status.municipalities';

export interface DatabaseScope {
  role: typeof VIEWER_ROLE | typeof SYSTEM_ROLE;
  /** `*`, or municipality numbers joined by `,` (empty: none). */
  municipalities: string;
}

const MUNICIPALITY_NUMBER = /^\d{4}$/;

/** The role and scope setting a transaction of `actor` runs with. */
export function databaseScope(actor: Actor): DatabaseScope {
  const scope = municipalityScope(actor);
  const municipalities = scope.all ? '*' : [...new Set(scope.numbers)].sort().join(',');
  if (!scope.all && !scope.numbers.every((number) => MUNICIPALITY_NUMBER.test(number))) {
    throw new Error('A municipality number in the scope is not four digits.');
  }
  return { role: isSystemActor(actor) ? SYSTEM_ROLE : VIEWER_ROLE, municipalities };
}

/**
 * The statements that open a transaction of this scope: `BEGIN`, the role and the scope setting,
 * all `SET LOCAL`, so they end with the transaction. One simple-protocol query (one round trip);
 * `SET` takes no snapshot, so `SET TRANSACTION ISOLATION LEVEL` may still follow.
 */
export function openingStatements(scope: DatabaseScope): string {
  // Safe to inline: the role is one of two constants and the setting only digits, commas or `*`.
  if (!/^(\*|(\d{4}(,\d{4})*)?)$/.test(scope.municipalities)) throw new Error('not a municipality scope');
  return `BEGIN; SET LOCAL ROLE ${scope.role}; SET LOCAL ${SCOPE_SETTING} = '${scope.municipalities}'`;
}
