import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../shared/logger.js';
import { STAGES } from '../queues/names.js';
import type { Runtime } from '../queues/runtime.js';
import { openJobs, queueCounts } from './report.js';

export interface DrainResult {
  /** Alert deliveries still waiting for a retry when the wait ended. */
  pendingDeliveries: number;
}

/**
 * Wait until every stage queue is empty. Alert deliveries that are waiting
 * for a retry are waited for at most `deliveryWaitMs` after the other stages
 * are done: they stay queued in Redis and go on with the next run.
 */
export async function waitForDrain(
  runtime: Runtime,
  logger: Logger,
  opts: { deliveryWaitMs: number; pollMs?: number; signal?: AbortSignal },
): Promise<DrainResult> {
  const pollMs = opts.pollMs ?? 200;
  let stagesDoneAt: number | null = null;
  let lastProgress = 0;
  for (;;) {
    const counts = await queueCounts(runtime);
    // Each feed's job scheduler always holds its next poll as a delayed job;
    // those are the schedule, not work of this run.
    counts.fetch.delayed = Math.max(
      0,
      counts.fetch.delayed -
        (await runtime.queues.get('fetch').getJobSchedulersCount()),
    );
    const pipeline = STAGES.filter((s) => s !== 'alert').reduce(
      (n, s) => n + openJobs(counts[s]),
      0,
    );
    const alerts = counts.alert;
    const alertOpen = openJobs(alerts);
    if (pipeline === 0 && alertOpen === 0) return { pendingDeliveries: 0 };
    if (
      pipeline === 0 &&
      alerts.active === 0 &&
      alerts.waiting + alerts.prioritized === 0
    ) {
      // Only delayed deliveries are left: retries of an endpoint that failed.
      stagesDoneAt ??= Date.now();
      if (Date.now() - stagesDoneAt >= opts.deliveryWaitMs)
        return { pendingDeliveries: alerts.delayed };
    } else {
      stagesDoneAt = null;
    }
    if (Date.now() - lastProgress > 5000) {
      lastProgress = Date.now();
      logger.info(
        Object.fromEntries(STAGES.map((s) => [s, openJobs(counts[s])])),
        'Waiting for the queues to drain',
      );
    }
    if (opts.signal?.aborted) return { pendingDeliveries: alerts.delayed };
    await sleep(pollMs);
  }
}
