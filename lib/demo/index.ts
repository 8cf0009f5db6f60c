/**
 * The demo capability's door: the deterministic demo data and the demo's people, which the
 * launcher writes into a database it created itself (scripts/launch.ts), on the process's pool.
 */
export { writeDemo, type DemoWriteCounts } from './data';
export type { DemoOptions } from './model';
export { DEMO_USERS, type DemoUser } from './users';
