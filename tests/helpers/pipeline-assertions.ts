import { expect } from 'vitest';
import { runCli } from './cli.js';
import type { WebhookReceiver } from './webhook-receiver.js';

interface QueueStatus {
  queues: Record<
    string,
    { waiting: number; active: number; delayed: number; prioritized: number }
  >;
  pendingSeeds: number;
}

/** True once no stage holds a job to run and no seed is in progress. */
export async function isDrained(env: Record<string, string>): Promise<boolean> {
  const res = await runCli(['status', '--json'], env);
  if (res.code !== 0) return false;
  const status = JSON.parse(res.stdout) as QueueStatus;
  return (
    status.pendingSeeds === 0 &&
    Object.values(status.queues).every(
      (q) => q.waiting + q.active + q.delayed + q.prioritized === 0,
    )
  );
}

/**
 * Every required key arrived, nothing outside `allowed` did, each key under
 * exactly one webhook-id (a redelivery after a crash repeats the id), and
 * every delivery passed the official verifier.
 */
export function expectOneAlertPerKey(
  receiver: WebhookReceiver,
  keys: { required: Iterable<string>; allowed?: ReadonlySet<string> },
): void {
  const idsByKey = new Map<string, Set<string>>();
  for (const r of receiver.received) {
    expect(r.verified).toBe(true);
    idsByKey.set(r.key, (idsByKey.get(r.key) ?? new Set()).add(r.id));
  }
  const required = new Set(keys.required);
  const allowed = keys.allowed ?? required;
  for (const key of required) expect(idsByKey.has(key), key).toBe(true);
  for (const [key, ids] of idsByKey) {
    expect(allowed.has(key), key).toBe(true);
    expect(ids.size, key).toBe(1);
  }
  expect(receiver.distinctIds().size).toBe(idsByKey.size);
}
