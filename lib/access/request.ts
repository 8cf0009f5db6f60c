/**
 * The access capability's door for routes, pages and Server Actions (app/ only): what reads the
 * request — the signed-in viewer, the request id, the caller of an API route, the one preamble of
 * every Server Action — and Auth.js's sign-in and sign-out. Everything else, and everything code
 * outside a request may use (jobs, the report process, the launcher), is in lib/access/index.ts.
 */
import 'server-only';

export { getRequestId, getViewer, requireViewer } from './viewer';
export { apiError, authenticateApiRequest, type ApiErrorBody } from './api-auth';
export { action, formAction, signedIn } from './server-action';
export { demoSignInEnabled, handlers, oidcDisplayName, oidcEnabled, signIn, signOut } from './auth';
