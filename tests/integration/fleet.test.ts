import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import {
  runCli,
  spawnCli,
  stopProcess,
  testEnv,
  waitFor,
} from '../helpers/cli.js';
import { ALLOWED_KEYS, REQUIRED_KEYS } from '../helpers/seed-alerts.js';
import {
  expectOneAlertPerKey,
  isDrained,
} from '../helpers/pipeline-assertions.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

describe('a worker fleet against one Redis', () => {
  const procs: ChildProcess[] = [];
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => stopProcess(p, 'SIGKILL')));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  async function setup(extra: Record<string, string> = {}) {
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
  }

  it('two worker processes and a producer raise the six alerts, none doubled', async () => {
    const { receiver, env } = await setup();
    const workers = [
      spawnCli(['worker'], env),
      spawnCli(['worker', '--concurrency', '2'], env),
    ];
    procs.push(...workers);
    for (const w of workers)
      await waitFor(
        () => w.output().includes('Workers started'),
        'worker start',
      );

    const seeded = await runCli(['seed'], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Enqueued 5/);
    await waitFor(() => isDrained(env), 'the queues to drain', 45_000, 250);

    expectOneAlertPerKey(receiver, {
      required: REQUIRED_KEYS,
      allowed: ALLOWED_KEYS,
    });
    // Both workers took jobs.
    for (const w of workers) expect(w.output()).toMatch(/"Completed job"/);
    // Graceful shutdown on SIGTERM.
    for (const w of workers) expect(await stopProcess(w, 'SIGTERM')).toBe(0);
  });

  it('a worker killed with SIGKILL mid-run: after a restart everything completes, same six alerts, none doubled', async () => {
    // Short locks so that the killed worker's jobs are taken over quickly.
    const { receiver, env } = await setup({
      TROOPWATCH_LOCK_DURATION: '2s',
      TROOPWATCH_CONCURRENCY: '1',
    });
    // Hold every delivery for a moment, so the kill lands mid-delivery.
    receiver.respondWith = async () => {
      await new Promise((r) => setTimeout(r, 300));
      return 204;
    };
    const first = spawnCli(['worker'], env);
    procs.push(first);
    await waitFor(
      () => first.output().includes('Workers started'),
      'worker start',
    );
    expect((await runCli(['seed'], env)).code).toBe(0);

    await waitFor(
      () => receiver.requests >= 2,
      'the first deliveries',
      30_000,
      20,
    );
    await stopProcess(first, 'SIGKILL');
    const before = receiver.received.length;
    expect(before).toBeLessThan(REQUIRED_KEYS.length);

    const second = spawnCli(['worker'], env);
    procs.push(second);
    await waitFor(
      () => isDrained(env),
      'the queues to drain after the restart',
      45_000,
      250,
    );
    expectOneAlertPerKey(receiver, {
      required: REQUIRED_KEYS,
      allowed: ALLOWED_KEYS,
    });
    const alerts = JSON.parse(
      (await runCli(['alerts', '--json'], env)).stdout,
    ) as Array<{ deliveries: Array<{ state: string }> }>;
    for (const a of alerts)
      expect(a.deliveries.map((d) => d.state)).toEqual(['delivered']);
  });
});
