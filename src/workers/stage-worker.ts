import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config/config.js';
import { StageError, coerceError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { isWriteRefused, type RedisHealth } from '../queues/redis-health.js';
import {
  QueueName,
  type JobPayloads,
  type StageName,
} from '../queues/names.js';
import type { Queues } from '../queues/queues.js';
import type { HostGate } from '../queues/host-gate.js';
import type { NearDupIndex } from '../queues/near-dup-index.js';
import type { CleanPool } from './clean-pool.js';
import type { Store } from '../queues/store/store.js';

/** What every stage worker is built from. */
export interface WorkerDeps {
  config: Config;
  store: Store;
  queues: Queues;
  logger: Logger;
  /** Where connection errors go, so that an outage is logged once. */
  health: RedisHealth;
  connection: Redis;
  /** Per-host politeness for feed and article fetches. */
  hostGate: HostGate;
  /** SimHash/LSH index of article texts, for near-duplicates. */
  nearDup: NearDupIndex;
  /** HTML parsing off the event loop; set where the clean stage runs. */
  cleanPool: CleanPool | null;
}

export interface StageContext {
  log: Logger;
  /** Puts the job back for `ms` without spending an attempt (the seed gate). */
  postpone(ms: number): Promise<never>;
  /** Whether a failure now would be the job's last. */
  isFinalAttempt: boolean;
}

export interface StageDefinition<N extends StageName> {
  name: N;
  /** Does the work; returns fields for the one outcome log line. */
  process(
    job: Job<JobPayloads[N]>,
    ctx: StageContext,
  ): Promise<Record<string, unknown>>;
  /** Called once when the job will not be tried again. */
  onFinalFailure?(job: Job<JobPayloads[N]>, err: Error): Promise<void>;
}

/**
 * The shell around every stage: one child logger per job, one outcome line
 * with `durationMs` and `attempt`, non-retryable StageErrors turned into
 * UnrecoverableError (which BullMQ never retries), and a final-failure hook
 * so that no failure goes unrecorded.
 */
export function createStageWorker<N extends StageName>(
  deps: WorkerDeps,
  stage: StageDefinition<N>,
  opts: {
    concurrency: number;
    backoffStrategy?: (attemptsMade: number) => number;
  },
): Worker<JobPayloads[N]> {
  const worker = new Worker<JobPayloads[N]>(
    QueueName[stage.name],
    async (job, token) => {
      const started = Date.now();
      const attempt = job.attemptsMade + 1;
      const log = deps.logger.child({
        queue: stage.name,
        jobId: job.id,
        attempt,
      });
      const isFinalAttempt = attempt >= (job.opts.attempts ?? 1);
      const postpone = async (ms: number): Promise<never> => {
        await job.moveToDelayed(Date.now() + ms, token);
        throw new DelayedError();
      };
      try {
        const fields = await stage.process(job, {
          log,
          postpone,
          isFinalAttempt,
        });
        log.info(
          { ...fields, durationMs: Date.now() - started },
          'Completed job',
        );
      } catch (thrown) {
        if (thrown instanceof DelayedError) throw thrown;
        const err = coerceError(thrown);
        // A full or read-only disk under Redis stops the command (once).
        if (isWriteRefused(err))
          deps.health.reportError(err, { queue: stage.name });
        const retryable = err instanceof StageError ? err.retryable : true;
        const final = !retryable || isFinalAttempt;
        log.warn(
          {
            err: { message: err.message, code: (err as StageError).code },
            durationMs: Date.now() - started,
            final,
          },
          final ? 'Job failed for good' : 'Job failed, will retry',
        );
        if (final) await stage.onFinalFailure?.(job, err);
        if (!retryable) throw new UnrecoverableError(err.message);
        throw err;
      }
    },
    {
      connection: deps.connection,
      prefix: deps.store.keys.bullPrefix,
      concurrency: opts.concurrency,
      lockDuration: deps.config.lockDurationMs,
      stalledInterval: deps.config.lockDurationMs,
      // A worker killed mid-job leaves it stalled; another worker takes it
      // over. Several kills in a row must not fail the job.
      maxStalledCount: 10,
      settings: opts.backoffStrategy
        ? { backoffStrategy: opts.backoffStrategy }
        : {},
    },
  );
  // Connection errors make one outage line per process (redis-health.ts);
  // anything else is logged as it comes.
  worker.on('error', (err) =>
    deps.health.reportError(err, { queue: stage.name }),
  );
  return worker;
}
