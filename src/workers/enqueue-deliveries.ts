import type { WorkerDeps } from './stage-worker.js';

/**
 * Enqueue one delivery job per recorded delivery of an alert that is not
 * done yet. The job id names alert, endpoint and replay round, so calling
 * this again (a retried dedupe job, a sweep) adds nothing.
 */
export async function enqueueDeliveries(
  deps: Pick<WorkerDeps, 'store' | 'queues'>,
  alertId: string,
): Promise<number> {
  let enqueued = 0;
  for (const delivery of await deps.store.deliveries.list(alertId)) {
    if (delivery.state === 'delivered' || delivery.state === 'failed') continue;
    const round = delivery.replays ? `-r${delivery.replays}` : '';
    await deps.queues.enqueue(
      'alert',
      { alertId, endpointId: delivery.endpointId },
      { jobId: `alert-${alertId}-${delivery.endpointId}${round}` },
    );
    enqueued += 1;
  }
  return enqueued;
}
