/** Who is asking: the person behind a request, as loaded from the database for that request. */
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

/** Who the audit log records for this viewer: the person with their role, or the API key. */
export function auditActor(viewer: Viewer): { userId: string; role: Role } | { apiKeyId: string } {
  if (viewer.userId) return { userId: viewer.userId, role: viewer.role };
  if (viewer.apiKeyId) return { apiKeyId: viewer.apiKeyId };
  throw new Error('a viewer is a person or an API key');
}

export const ROLE_LABELS: Record<Role, string> = {
  FHI_ADMIN: 'FHI-administrator',
  FHI_STAFF: 'FHI-saksbehandler',
  MUNICIPAL_CONTACT: 'Kontaktperson i kommunen',
};

export function isFhi(viewer: Viewer): boolean {
  return viewer.role === 'FHI_ADMIN' || viewer.role === 'FHI_STAFF';
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === 'FHI_ADMIN';
}

/** Whether the viewer may see this municipality's data. */
export function canSeeMunicipality(viewer: Viewer, municipalityNumber: string): boolean {
  return isFhi(viewer) || viewer.municipalityNumbers.includes(municipalityNumber);
}

/**
 * The municipality scope as a Prisma filter on a `municipalityNumber` column: everything for FHI,
 * the contact's own municipalities otherwise. Put it into every query that reads municipal data.
 */
export function municipalityScope(viewer: Viewer): { in: string[] } | undefined {
  return isFhi(viewer) ? undefined : { in: [...viewer.municipalityNumbers] };
}
