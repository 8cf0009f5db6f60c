/**
 * Every Norwegian word the access capability shows: roles, the side a person speaks for, whether a
 * user is active, the system actors and the outcomes in the audit log.
 */
import type { Role, SystemName } from './rules/actor';
import type { AuditAction, AuditOutcome } from './rules/audit';

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

/** What the user administration says once an admin has changed a user (`role`: the role's label). */
export const USER_CHANGED_MESSAGES = {
  created: (name: string, role: string) => `${name} er registrert som ny bruker (${role}).`,
  updated: (name: string) => `Endringene for ${name} er lagret.`,
  deactivated: (name: string) => `${name} er deaktivert og kan ikke lenger logge inn.`,
  reactivated: (name: string) => `${name} er aktivert igjen og kan logge inn.`,
} as const;

/** What the API key page says once a key is made (its secret shown once) or revoked. */
export const API_KEY_CHANGED_MESSAGES = {
  created: (name: string) => `Nøkkelen «${name}» er laget`,
  copyNow: 'Kopier den nå. Den vises bare denne ene gangen; vi lagrer bare et fingeravtrykk av den.',
  revoked: (name: string) => `Nøkkelen «${name}» er tilbakekalt. Systemer som bruker den, blir avvist fra nå av.`,
} as const;

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

/** What an audit event records, in the log's words (and the order of the log's filter). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.sign_in': 'Logget inn',
  'auth.sign_out': 'Logget ut',
  'auth.sign_in_denied': 'Innlogging avvist',
  'access.denied': 'Ingen tilgang',
  'municipality.list': 'Så oversikten over kommuner',
  'municipality.view': 'Så en kommune',
  'export.overview': 'Lastet ned oversikten',
  'export.municipality': 'Lastet ned en kommunes status',
  'ingest.message': 'Mottok en melding',
  'ingest.findings': 'Importerte funn',
  'ingest.attribute': 'Knyttet en melding til en kommune',
  'ingest.season': 'Flyttet en melding til en annen sesong',
  'message.assign': 'Tildelte en melding til en kommune',
  'self_check.save': 'Lagret en egenkontroll',
  'extension.request': 'Søkte om utsatt frist',
  'extension.withdraw': 'Trakk en fristsøknad',
  'extension.decide': 'Avgjorde en fristsøknad',
  'extension.list': 'Så fristsøknadene',
  'note.create': 'Skrev et notat',
  'reminder.list': 'Så påminnelsene',
  'reminder.failed.list': 'Så påminnelser som ikke kom fram',
  'report.list': 'Så rapportene',
  'report.create': 'Lagde en ukerapport',
  'report.download': 'Lastet ned en rapport',
  'report.subscribe': 'Abonnerte på ukerapporten',
  'report.unsubscribe': 'Avsluttet abonnement på ukerapporten',
  'admin.user.create': 'Opprettet en bruker',
  'admin.user.update': 'Endret en bruker',
  'admin.user.deactivate': 'Deaktiverte en bruker',
  'admin.user.reactivate': 'Aktiverte en bruker igjen',
  'admin.audit.search': 'Søkte i tilgangsloggen',
  'admin.api_key.create': 'Opprettet en API-nøkkel',
  'admin.api_key.revoke': 'Trakk tilbake en API-nøkkel',
};

/** An action as the log shows it; one recorded under a name no longer in use is named generally, never by its code. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : 'Annen handling';
}
