import type { Worker } from 'bullmq';
import type { Config } from '../shared/config/config.js';
import type { Logger } from '../shared/logger.js';
import { createWorkerConnection } from '../queues/connection.js';
import { STAGES, type StageName } from '../queues/names.js';
import { HostGate } from '../queues/host-gate.js';
import { NearDupIndex } from '../queues/near-dup-index.js';
import { CleanPool } from './clean-pool.js';
import type { Runtime } from '../queues/runtime.js';
import { createAlertWorker } from './alert-worker.js';
import { createCleanWorker } from './clean-worker.js';
import { createDedupeWorker } from './dedupe-worker.js';
import { createExtractWorker } from './extract-worker.js';
import { createFetchWorker } from './fetch-worker.js';
import type { WorkerDeps } from './stage-worker.js';

const FACTORIES: { [N in StageName]: (deps: WorkerDeps) => Worker } = {
  fetch: createFetchWorker as (deps: WorkerDeps) => Worker,
  clean: createCleanWorker as (deps: WorkerDeps) => Worker,
  extract: createExtractWorker as (deps: WorkerDeps) => Worker,
  dedupe: createDedupeWorker as (deps: WorkerDeps) => Worker,
  alert: createAlertWorker as (deps: WorkerDeps) => Worker,
};

export interface Fleet {
  workers: readonly Worker[];
  /** Lets active jobs finish, then closes every worker and its connection. */
  close(): Promise<void>;
}

/** One worker per stage in this process, on its own blocking connection. */
export function startFleet(
  runtime: Runtime,
  config: Config,
  logger: Logger,
  stages: readonly StageName[] = STAGES,
): Fleet {
  const connection = createWorkerConnection(runtime.redisUrl);
  runtime.health.watch(connection);
  const deps: WorkerDeps = {
    config,
    health: runtime.health,
    store: runtime.store,
    queues: runtime.queues,
    logger,
    connection,
    hostGate: new HostGate(runtime.redis, config.redisPrefix, {
      maxConcurrent: config.hostConcurrency,
      minDelayMs: config.hostDelayMs,
    }),
    nearDup: new NearDupIndex(runtime.redis, config.redisPrefix),
    cleanPool: stages.includes('clean')
      ? new CleanPool({
          size: config.cleanThreads,
          timeoutMs: config.cleanTimeoutMs,
          recycleAfterPages: config.cleanThreadPages,
        })
      : null,
  };
  const workers = stages.map((stage) => FACTORIES[stage](deps));
  logger.info({ stages, concurrency: config.concurrency }, 'Workers started');
  let closing: Promise<void> | null = null;
  return {
    workers,
    close() {
      closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await deps.cleanPool?.close();
        await connection.quit().catch(() => connection.disconnect());
        logger.info('Workers stopped');
      })();
      return closing;
    },
  };
}
