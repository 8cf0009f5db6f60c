/** Every Norwegian word the access capability shows: roles and the system actors in the audit log. */
import type { Role, SystemName } from './rules/actor';

export const ROLE_LABELS: Record<Role, string> = {
  FHI_ADMIN: 'FHI-administrator',
  FHI_STAFF: 'FHI-saksbehandler',
  MUNICIPAL_CONTACT: 'Kontaktperson i kommunen',
};

export const SYSTEM_ACTOR_LABELS: Record<SystemName, string> = {
  reminders: 'Påminnelser (automatisk)',
  'weekly-report': 'Ukerapport (automatisk)',
  'sign-in': 'Innlogging',
  launcher: 'Oppstart',
  benchmark: 'Ytelsesmåling',
};
