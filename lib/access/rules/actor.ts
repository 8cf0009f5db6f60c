/**
 * Who is asking. Every data function takes an actor: a person or an API key (a viewer, loaded from
 * the database for the request) or the named system actor of a job or process. The actor decides
 * the municipality scope in the query (`municipalityScope`) and is what the audit log records.
 */
export type Role = 'FHI_ADMIN' | 'FHI_STAFF' | 'MUNICIPAL_CONTACT';

export interface Viewer {
  /** The person; null for a machine client (an API key). */
  userId: string | null;
  /** The API key of a machine client; null for a person. */
  apiKeyId: string | null;
  name: string;
  role: Role;
  /** The municipalities a contact serves; empty for FHI, who see all. */
  municipalityNumbers: readonly string[];
  /** The person's session; null for an API key. */
  sessionId: string | null;
  /** Correlates the request's log lines and audit events. */
  requestId: string;
}

/** A signed-in person. */
export type PersonViewer = Viewer & { userId: string; sessionId: string; apiKeyId: null };

/** The named parts of the product that read and write on their own, not for a person. */
export type SystemName =
  'reminders' | 'weekly-report' | 'sign-in' | 'launcher' | 'benchmark' | 'transport' | 'deadline-risk';

/**
 * A job, a process or the sign-in itself. It sees every municipality (like FHI) and is recorded in
 * the audit log by its name; it is never a person or an API key, so it can make no person's choice.
 */
export interface SystemActor {
  system: SystemName;
  requestId: string;
}

export type Actor = Viewer | SystemActor;

/** The system actor of `name`, with a request id of its own for this run. */
export function systemActor(name: SystemName): SystemActor {
  return { system: name, requestId: `${name}-${crypto.randomUUID()}` };
}

export function isSystemActor(actor: Actor): actor is SystemActor {
  return 'system' in actor;
}

export type AuditActor = { userId: string; role: Role } | { apiKeyId: string } | { system: SystemName };

/** Who the audit log records for this actor: the person with their role, the API key, or the system part. */
export function auditActor(actor: Actor): AuditActor {
  if (isSystemActor(actor)) return { system: actor.system };
  if (actor.userId) return { userId: actor.userId, role: actor.role };
  if (actor.apiKeyId) return { apiKeyId: actor.apiKeyId };
  throw new Error('a viewer is a person or an API key');
}

export function isFhi(actor: Actor): boolean {
  return !isSystemActor(actor) && (actor.role === 'FHI_ADMIN' || actor.role === 'FHI_STAFF');
}

export function isAdmin(actor: Actor): boolean {
  return !isSystemActor(actor) && actor.role === 'FHI_ADMIN';
}

/** The municipalities an actor may see: all of them (FHI and system actors), or the listed ones. */
export interface MunicipalityScope {
  all: boolean;
  /** The municipalities in scope when not `all`; empty when `all`. */
  numbers: readonly string[];
}

/**
 * The one place that turns an actor into a municipality scope. Data modules put it into every
 * query that reads municipal data: `scopeWhere` for Prisma, `scopeParameter` for plain SQL.
 */
export function municipalityScope(actor: Actor): MunicipalityScope {
  if (isSystemActor(actor) || isFhi(actor)) return { all: true, numbers: [] };
  return { all: false, numbers: actor.municipalityNumbers };
}

/** The scope as a Prisma filter on a `municipalityNumber` column (undefined: no filter). */
export function scopeWhere(actor: Actor): { in: string[] } | undefined {
  const scope = municipalityScope(actor);
  return scope.all ? undefined : { in: [...scope.numbers] };
}

/**
 * The scope as one SQL parameter, for `($n::text[] IS NULL OR municipality_number = ANY($n::text[]))`:
 * null for all municipalities, else the listed ones.
 */
export function scopeParameter(actor: Actor): string[] | null {
  const scope = municipalityScope(actor);
  return scope.all ? null : [...scope.numbers];
}

/** Whether the actor may see this municipality's data. */
export function canSeeMunicipality(actor: Actor, municipalityNumber: string): boolean {
  const scope = municipalityScope(actor);
  return scope.all || scope.numbers.includes(municipalityNumber);
}
