/**
 * The job queue's door: start this server process's worker (instrumentation.ts), queue a job from
 * a page or an action, and the types a capability's jobs.ts registers its handlers with.
 */
import 'server-only';

export { queueReminderRun, startBackgroundJobs } from './start';
export type { Job, JobWorker } from './worker';
