/** The header that carries a request's id from proxy.ts to the code that logs and audits it. */
export const REQUEST_ID_HEADER = 'x-request-id';
