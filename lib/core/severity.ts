/** Severity of a validation finding; mirrors the database enum without depending on Prisma. */
export type Severity = 'ERROR' | 'WARNING' | 'INFO';
