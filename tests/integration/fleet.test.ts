import { describe, expect, it } from 'vitest';
import { runCli, stopProcess, waitFor } from '../helpers/cli.js';
import { ALLOWED_KEYS, REQUIRED_KEYS } from '../helpers/seed-alerts.js';
import {
  expectOneAlertPerKey,
  isDrained,
} from '../helpers/pipeline-assertions.js';
import { useFleet } from '../helpers/fleet-harness.js';

describe('a worker fleet against one Redis', () => {
  const fleet = useFleet();

  it('two worker processes and a producer raise the six alerts, none doubled', async () => {
    const { receiver, env } = await fleet.setup();
    const workers = await Promise.all([
      fleet.startWorker(env),
      fleet.startWorker(env, ['--concurrency', '2']),
    ]);

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
    const { receiver, env } = await fleet.setup({
      TROOPWATCH_LOCK_DURATION: '2s',
      TROOPWATCH_CONCURRENCY: '1',
    });
    // Hold every delivery for a moment, so the kill lands mid-delivery.
    receiver.respondWith = async () => {
      await new Promise((r) => setTimeout(r, 300));
      return 204;
    };
    const first = await fleet.startWorker(env);
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

    await fleet.startWorker(env);
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
