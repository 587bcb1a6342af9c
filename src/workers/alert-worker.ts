import type { Worker } from 'bullmq';
import { StageError } from '../shared/errors.js';
import type { AlertJob } from '../queues/names.js';
import { deliverWebhook } from '../net/deliver-webhook.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/**
 * alert: one delivery job per alert and endpoint. Each attempt is signed
 * afresh (the timestamp is the attempt's), with the same `webhook-id`; the
 * delivery record shows every attempt's outcome.
 */
export function createAlertWorker(deps: WorkerDeps): Worker<AlertJob> {
  const schedule = deps.config.alertRetrySchedule;
  return createStageWorker(deps, {
    name: 'alert',
    async process(job, { isFinalAttempt }) {
      const { alertId, endpointId } = job.data;
      const [alert, delivery] = await Promise.all([
        deps.store.getAlert(alertId),
        deps.store.getDelivery(alertId, endpointId),
      ]);
      if (alert === null || delivery === null) {
        throw new StageError(`alert: ${alertId} for ${endpointId} is not recorded`, 'article_missing', false);
      }
      if (delivery.state === 'delivered') return { alertId, endpointId, skipped: 'already delivered' };
      const endpoint = deps.config.endpoints.find((e) => e.id === endpointId);
      if (endpoint === undefined) {
        await deps.store.putDelivery(alertId, { ...delivery, state: 'failed', lastError: 'endpoint no longer configured' });
        throw new StageError(`alert: endpoint ${delivery.url} is no longer configured`, 'http_4xx', false);
      }
      const now = new Date();
      const outcome = await deliverWebhook({
        url: endpoint.url,
        secret: endpoint.secret,
        webhookId: delivery.webhookId,
        body: JSON.stringify(alert.body),
        userAgent: deps.config.userAgent,
        timeoutMs: deps.config.webhookTimeoutMs,
        now,
      });
      const final = outcome.ok || outcome.gone || isFinalAttempt;
      await deps.store.putDelivery(alertId, {
        ...delivery,
        attempts: delivery.attempts + 1,
        lastStatus: outcome.status,
        lastError: outcome.error,
        lastAttemptAt: now.toISOString(),
        state: outcome.ok ? 'delivered' : final ? 'failed' : 'retrying',
        deliveredAt: outcome.ok ? now.toISOString() : null,
      });
      if (!outcome.ok) {
        throw new StageError(`alert: ${endpoint.url}: ${outcome.error}`, outcome.gone ? 'http_gone' : 'connection', !outcome.gone);
      }
      return { alertId, endpointId, status: outcome.status };
    },
  }, {
    concurrency: deps.config.concurrency,
    // Retry delays from TROOPWATCH_ALERT_RETRY_SCHEDULE, with ±10% jitter so
    // that a recovering receiver is not hit by every retry at once.
    backoffStrategy: (attemptsMade) => {
      const base = schedule[Math.min(attemptsMade, schedule.length) - 1] ?? 0;
      return Math.round(base * (0.9 + Math.random() * 0.2));
    },
  });
}
