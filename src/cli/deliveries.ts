import type { Config } from '../shared/config/config.js';
import { UsageError } from '../shared/errors.js';
import type { Runtime } from '../queues/runtime.js';
import { enqueueDeliveries } from '../workers/enqueue-deliveries.js';
import { printListing, table } from './report.js';

/** `alerts replay <id>`: failed deliveries back to pending, enqueued again. */
export async function replayAlert(
  rt: Runtime,
  alertId: string,
  endpointUrl?: string,
): Promise<void> {
  const alert = await rt.store.claims.getAlert(alertId);
  if (alert === null)
    throw new UsageError(
      `alerts: no alert ${alertId} (see troopwatch alerts)`,
      'input_missing',
    );
  const failed = alert.deliveries.filter(
    (d) =>
      d.state === 'failed' &&
      (endpointUrl === undefined || d.url === endpointUrl),
  );
  if (failed.length === 0) {
    throw new UsageError(
      `alerts: ${alertId} has no failed delivery${endpointUrl ? ` to ${endpointUrl}` : ''}`,
      'input_missing',
    );
  }
  const disabled = await rt.store.deliveries.disabledEndpoints();
  for (const delivery of failed) {
    if (disabled[delivery.endpointId]) {
      throw new UsageError(
        `alerts: ${delivery.url} is disabled (${disabled[delivery.endpointId]!.reason}); enable it first: troopwatch endpoints enable ${delivery.url}`,
        'usage',
      );
    }
  }
  for (const delivery of failed) {
    await rt.store.deliveries.put(alertId, {
      ...delivery,
      state: 'pending',
      replays: (delivery.replays ?? 0) + 1,
    });
    await rt.store.deliveries.removeDeadLetter(alertId, delivery.endpointId);
  }
  const enqueued = await enqueueDeliveries(rt, alertId);
  process.stdout.write(
    `Replaying ${enqueued} deliver${enqueued === 1 ? 'y' : 'ies'} of ${alertId}.\n`,
  );
}

export async function listEndpoints(
  rt: Runtime,
  config: Config,
  json?: boolean,
): Promise<void> {
  const disabled = await rt.store.deliveries.disabledEndpoints();
  const endpoints = config.endpoints.map((e) => ({
    id: e.id,
    url: e.url,
    types: e.types,
    state: disabled[e.id] ? `disabled: ${disabled[e.id]!.reason}` : 'enabled',
  }));
  printListing(endpoints, {
    json,
    empty:
      'No webhook endpoints configured (ALERT_WEBHOOK_URL); alerts are recorded only.',
    render: (list) =>
      table([
        ['URL', 'TYPES', 'STATE'],
        ...list.map((e) => [e.url, e.types.join(','), e.state]),
      ]),
  });
}

export async function enableEndpoint(
  rt: Runtime,
  config: Config,
  url: string,
): Promise<void> {
  const endpoint = config.endpoints.find((e) => e.url === url);
  if (endpoint === undefined)
    throw new UsageError(
      `endpoints: ${url} is not configured`,
      'input_missing',
    );
  const was = await rt.store.deliveries.enableEndpoint(endpoint.id);
  process.stdout.write(
    was
      ? `Enabled ${url}; replay its failed alerts with troopwatch alerts replay <id>.\n`
      : `${url} was not disabled.\n`,
  );
}
