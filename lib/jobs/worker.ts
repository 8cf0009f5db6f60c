/**
 * Background jobs on pg-boss, in the app's own PostgreSQL (schema `pgboss`, created and migrated
 * by pg-boss itself). One worker per server process, started by instrumentation.ts; several
 * processes may run one each: pg-boss hands every job to one worker only and fires each schedule
 * once. `registerJob` is all a feature needs: a queue, its handler and, if given, a cron schedule in
 * Europe/Oslo (e.g. the weekly report: `registerJob('weekly-report', '0 7 * * 1', handler)`).
 */
import PgBoss from 'pg-boss';
import { OSLO_TIME_ZONE } from '@/lib/core/time';
import { logLine } from '@/lib/core/log';

const JOBS_SCHEMA = 'pgboss';

/** A job as its handler gets it, with its attempt so far (`retryCount`, 0 on the first try). */
export type Job<T> = PgBoss.JobWithMetadata<T>;

export interface JobOptions {
  /** Attempts after the first before the job fails (default 0: none). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each retry when `retryBackoff` (the default). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** 'stately' keeps at most one job waiting and one running, e.g. for a run that must not overlap itself. */
  policy?: PgBoss.QueuePolicy;
  /** How long an attempt may run before it counts as failed (default 15 minutes). */
  expireInSeconds?: number;
}

export interface JobWorker {
  /** Creates (or updates) the queue, works it with `handler` and, with a cron, schedules it (Europe/Oslo). */
  registerJob<T extends object>(
    name: string,
    cron: string | null,
    handler: (job: Job<T>) => Promise<void>,
    options?: JobOptions,
  ): Promise<void>;
  /**
   * Queues one job, to run at once or from `startAfter`; returns its id, or null when it was not
   * queued (the queue's policy already holds one, or a job with this `id` exists: queuing the same
   * id twice is harmless).
   */
  send<T extends object>(name: string, data: T, options?: { id?: string; startAfter?: Date }): Promise<string | null>;
  stop(): Promise<void>;
}

export interface JobWorkerOptions {
  databaseUrl: string;
  /** Connections of pg-boss's own pool. */
  poolSize?: number;
  /** How often an idle worker looks for jobs (pg-boss's default: 2 s). */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
}

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const log = options.log ?? logLine;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOBS_SCHEMA,
    max: options.poolSize ?? 4,
    application_name: 'kpr-status-jobs',
  });
  boss.on('error', (error) => log(`Jobs: ${error.message}`));
  await boss.start();

  return {
    async registerJob<T extends object>(
      name: string,
      cron: string | null,
      handler: (job: Job<T>) => Promise<void>,
      jobOptions: JobOptions = {},
    ) {
      const queue = {
        name,
        policy: jobOptions.policy ?? 'standard',
        retryLimit: jobOptions.retryLimit ?? 0,
        retryDelay: jobOptions.retryDelaySeconds ?? 60,
        retryBackoff: jobOptions.retryBackoff ?? true,
        expireInSeconds: jobOptions.expireInSeconds ?? 15 * 60,
      };
      await boss.createQueue(name, queue);
      await boss.updateQueue(name, queue);
      await boss.work<T>(
        name,
        {
          includeMetadata: true,
          batchSize: 1,
          // pg-boss refuses the key when present but undefined.
          ...(options.pollingIntervalSeconds !== undefined && {
            pollingIntervalSeconds: options.pollingIntervalSeconds,
          }),
        },
        async ([job]) => {
          if (!job) return;
          try {
            await handler(job);
          } catch (error) {
            // pg-boss keeps the error with the job and retries it as configured; say so in the log too.
            log(
              `Jobs: ${name} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}): ${error instanceof Error ? error.message : String(error)}`,
            );
            throw error;
          }
        },
      );
      if (cron) await boss.schedule(name, cron, {}, { tz: OSLO_TIME_ZONE });
    },
    send(name, data, sendOptions = {}) {
      return boss.send(name, data, sendOptions);
    },
    stop() {
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * A client that only queues jobs, for a server process that runs no worker (JOBS=off, e.g. every
 * server process but the first under `npm start`): it works no queue and neither maintains nor
 * migrates the schema. The worker of another process runs what it queues.
 */
export async function connectJobSender(
  options: Pick<JobWorkerOptions, 'databaseUrl' | 'log'>,
): Promise<Pick<JobWorker, 'send' | 'stop'>> {
  const log = options.log ?? logLine;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOBS_SCHEMA,
    max: 1,
    application_name: 'kpr-status-jobs-sender',
    supervise: false,
    schedule: false,
    migrate: false,
  });
  boss.on('error', (error) => log(`Jobs: ${error.message}`));
  await boss.start();
  return {
    send: (name, data, sendOptions = {}) => boss.send(name, data, sendOptions),
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
