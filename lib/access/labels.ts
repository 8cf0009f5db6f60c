/**
 * Every Norwegian word the access capability shows: roles, the side a person speaks for, whether a
 * user is active, the system actors and the outcomes in the audit log.
 */
import type { Role, SystemName } from './rules/actor';
import type { AuditOutcome } from './rules/audit';

export const ROLE_LABELS: Record<Role, string> = {
  FHI_ADMIN: 'FHI-administrator',
  FHI_STAFF: 'FHI-saksbehandler',
  MUNICIPAL_CONTACT: 'Kontaktperson i kommunen',
};

/** Whom a person speaks for, after their name in a thread ("Kari Nordmann (kommunen)"). */
export const ROLE_SIDE_LABELS: Record<Role, string> = {
  FHI_ADMIN: 'FHI',
  FHI_STAFF: 'FHI',
  MUNICIPAL_CONTACT: 'kommunen',
};

/** Whether a user may sign in. */
export const USER_STATE_LABELS = { active: 'Aktiv', deactivated: 'Deaktivert' } as const;

export const SYSTEM_ACTOR_LABELS: Record<SystemName, string> = {
  reminders: 'Påminnelser (automatisk)',
  'weekly-report': 'Ukerapport (automatisk)',
  'sign-in': 'Innlogging',
  launcher: 'Oppstart',
  benchmark: 'Ytelsesmåling',
  transport: 'AMQP-mottak (automatisk)',
  'deadline-risk': 'Fristrisiko fra fjorårets sesong (automatisk)',
};

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  SUCCESS: 'Utført',
  DENIED: 'Avvist',
  FAILURE: 'Feilet',
};
