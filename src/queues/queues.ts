import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config/config.js';
import {
  QueueName,
  STAGES,
  type JobPayloads,
  type StageName,
} from './names.js';

/** Completed jobs are kept a week: their ids keep re-enqueues idempotent. */
const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 50_000 };

/** The five queues of one Redis, with typed, defaulted enqueueing. */
export class Queues {
  private readonly queues: { [N in StageName]: Queue<JobPayloads[N]> };

  constructor(
    connection: Redis,
    prefix: string,
    private readonly config: Pick<
      Config,
      'stageAttempts' | 'stageBackoffMs' | 'alertRetrySchedule'
    >,
    /** Where the queues' connection errors go. @defaultValue ignored */
    onError: (err: Error) => void = () => undefined,
  ) {
    const make = <N extends StageName>(name: N): Queue<JobPayloads[N]> => {
      const queue = new Queue<JobPayloads[N]>(QueueName[name], {
        connection,
        prefix,
      });
      queue.on('error', onError);
      return queue;
    };
    this.queues = {
      fetch: make('fetch'),
      clean: make('clean'),
      extract: make('extract'),
      dedupe: make('dedupe'),
      alert: make('alert'),
    };
  }

  get<N extends StageName>(name: N): Queue<JobPayloads[N]> {
    return this.queues[name];
  }

  all(): Array<Queue<JobPayloads[StageName]>> {
    return STAGES.map(
      (name) => this.queues[name] as Queue<JobPayloads[StageName]>,
    );
  }

  /** Adds a job with the stage's retry policy; `jobId` makes it idempotent. */
  async enqueue<N extends StageName>(
    name: N,
    data: JobPayloads[N],
    opts: JobsOptions & { jobId: string },
  ): Promise<void> {
    const retry: JobsOptions =
      name === 'alert'
        ? {
            attempts: this.config.alertRetrySchedule.length + 1,
            backoff: { type: 'alert-schedule' },
          }
        : {
            attempts: this.config.stageAttempts,
            backoff: { type: 'exponential', delay: this.config.stageBackoffMs },
          };
    // Queue<T>.add's generic signature does not narrow per stage; the
    // JobPayloads map above is what keeps producer and worker in step.
    const queue = this.queues[name] as unknown as Queue<JobPayloads[N]>;
    await (
      queue.add as (
        n: string,
        d: JobPayloads[N],
        o: JobsOptions,
      ) => Promise<unknown>
    )(name, data, {
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: false,
      ...retry,
      ...opts,
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
