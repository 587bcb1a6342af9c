import type { ChildProcess } from 'node:child_process';
import { afterEach, inject } from 'vitest';
import { spawnCli, stopProcess, testEnv, waitFor } from './cli.js';
import { WebhookReceiver, makeSecret } from './webhook-receiver.js';

export type Spawned = ChildProcess & { output: () => string };

/**
 * Worker processes against the test Redis with a verifying webhook
 * receiver, all stopped after each test (SIGKILL: nothing may depend on a
 * clean exit).
 */
export function useFleet() {
  const procs: ChildProcess[] = [];
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => stopProcess(p, 'SIGKILL')));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });
  return {
    /** A started receiver and the environment that points the CLI at it. */
    async setup(extra: Record<string, string> = {}) {
      const secret = makeSecret();
      const receiver = await new WebhookReceiver(secret).start();
      receivers.push(receiver);
      const env = await testEnv({
        REDIS_URL: inject('redisUrl'),
        ALERT_WEBHOOK_URL: receiver.url,
        ALERT_WEBHOOK_SECRET: secret,
        TROOPWATCH_LOG_LEVEL: 'info',
        ...extra,
      });
      return { receiver, env };
    },
    /** A `troopwatch worker` process, ready once its workers have started. */
    async startWorker(
      env: Record<string, string>,
      args: string[] = [],
    ): Promise<Spawned> {
      const worker = spawnCli(['worker', ...args], env);
      procs.push(worker);
      await waitFor(
        () => worker.output().includes('Workers started'),
        'worker start',
      );
      return worker;
    },
  };
}
