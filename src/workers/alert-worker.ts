import type { Worker } from 'bullmq';
import { StageError } from '../shared/errors.js';
import type { AlertJob } from '../queues/names.js';
import type { DeliveryRecord } from '../queues/store/deliveries.js';
import { deliverWebhook } from '../shared/alert/deliver-webhook.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/**
 * alert: one delivery job per alert and endpoint. Each attempt is signed
 * afresh (the timestamp is the attempt's) with the same `webhook-id`; the
 * delivery record shows every attempt's outcome. 2xx is done, 410 disables
 * the endpoint, anything else is retried on the schedule; what runs out of
 * attempts goes to the dead-letter list (`alerts --failed`, `alerts replay`).
 */
export function createAlertWorker(deps: WorkerDeps): Worker<AlertJob> {
  const schedule = deps.config.alertRetrySchedule;
  const giveUp = async (
    alertId: string,
    delivery: DeliveryRecord,
    reason: string,
  ): Promise<never> => {
    await deps.store.deliveries.put(alertId, {
      ...delivery,
      state: 'failed',
      lastError: reason,
    });
    await deps.store.deliveries.deadLetter(alertId, delivery.endpointId);
    throw new StageError(
      `alert: ${delivery.url}: ${reason}`,
      'http_4xx',
      false,
    );
  };
  return createStageWorker(
    deps,
    {
      name: 'alert',
      async process(job, { isFinalAttempt }) {
        const { alertId, endpointId } = job.data;
        const [alert, delivery] = await Promise.all([
          deps.store.claims.getAlert(alertId),
          deps.store.deliveries.get(alertId, endpointId),
        ]);
        if (alert === null || delivery === null) {
          throw new StageError(
            `alert: ${alertId} for ${endpointId} is not recorded`,
            'article_missing',
            false,
          );
        }
        if (delivery.state === 'delivered')
          return { alertId, endpointId, skipped: 'already delivered' };
        const endpoint = deps.config.endpoints.find((e) => e.id === endpointId);
        if (endpoint === undefined)
          return giveUp(alertId, delivery, 'endpoint no longer configured');
        const disabled = (await deps.store.deliveries.disabledEndpoints())[
          endpointId
        ];
        if (disabled !== undefined)
          return giveUp(
            alertId,
            delivery,
            `endpoint disabled (${disabled.reason})`,
          );

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
        const attempted: DeliveryRecord = {
          ...delivery,
          attempts: delivery.attempts + 1,
          lastStatus: outcome.status,
          lastError: outcome.error,
          lastAttemptAt: now.toISOString(),
          state: outcome.ok ? 'delivered' : 'retrying',
          deliveredAt: outcome.ok ? now.toISOString() : null,
        };
        if (outcome.ok) {
          await deps.store.deliveries.put(alertId, attempted);
          return { alertId, endpointId, status: outcome.status };
        }
        if (outcome.gone) {
          await deps.store.deliveries.disableEndpoint(endpointId, {
            url: endpoint.url,
            reason: '410 Gone',
          });
          return giveUp(
            alertId,
            attempted,
            'endpoint answered 410 Gone: disabled',
          );
        }
        if (isFinalAttempt)
          return giveUp(alertId, attempted, outcome.error ?? 'failed');
        await deps.store.deliveries.put(alertId, attempted);
        throw new StageError(
          `alert: ${endpoint.url}: ${outcome.error}`,
          'connection',
          true,
        );
      },
    },
    {
      concurrency: deps.config.concurrency,
      // Retry delays from TROOPWATCH_ALERT_RETRY_SCHEDULE, with ±10% jitter so
      // that a recovering receiver is not hit by every retry at once.
      backoffStrategy: (attemptsMade) => {
        const base = schedule[Math.min(attemptsMade, schedule.length) - 1] ?? 0;
        return Math.round(base * (0.9 + Math.random() * 0.2));
      },
    },
  );
}
