import { describe, expect, it } from 'vitest';
import { runCli, stopProcess, waitFor } from '../helpers/cli.js';
import {
  prng,
  shuffle,
  syntheticArticles,
  writeArticles,
} from '../helpers/synthetic-articles.js';
import {
  expectOneAlertPerKey,
  isDrained,
} from '../helpers/pipeline-assertions.js';
import { useFleet } from '../helpers/fleet-harness.js';

describe('exactly one alert per key, whatever happens', () => {
  const fleet = useFleet();

  async function setup(extra: Record<string, string> = {}) {
    const { receiver, env } = await fleet.setup({
      TROOPWATCH_LOCK_DURATION: '2s',
      ...extra,
    });
    const articles = syntheticArticles(500, 100, 42);
    const files = await writeArticles(articles);
    const expected = new Set(articles.flatMap((a) => a.keys));
    return { receiver, env, files, expected };
  }

  it('four workers fed the same 500 articles four times in random order raise one alert per key', async () => {
    const { receiver, env, files, expected } = await setup();
    await Promise.all([0, 1, 2, 3].map(() => fleet.startWorker(env)));
    const random = prng(7);
    const producers = await Promise.all(
      [0, 1, 2, 3].map(() =>
        runCli(['enqueue', ...shuffle(files, random)], env, {
          timeoutMs: 120_000,
        }),
      ),
    );
    for (const p of producers) expect(p.code).toBe(0);
    await waitFor(() => isDrained(env), 'the queues to drain', 150_000, 500);
    expectOneAlertPerKey(receiver, { required: expected });
    expect(expected.size).toBe(100);
  }, 240_000);

  it('SIGKILL at ten random points of a 500-article run: no alert lost, none doubled', async () => {
    const { receiver, env, files, expected } = await setup();
    const workers = await Promise.all(
      [0, 1, 2, 3].map(() => fleet.startWorker(env)),
    );
    const random = prng(11);
    expect(
      (
        await runCli(['enqueue', ...shuffle(files, random)], env, {
          timeoutMs: 120_000,
        })
      ).code,
    ).toBe(0);
    for (let kill = 0; kill < 10; kill++) {
      await new Promise((r) => setTimeout(r, 200 + random() * 800));
      const victim = Math.floor(random() * workers.length);
      await stopProcess(workers[victim]!, 'SIGKILL');
      workers[victim] = await fleet.startWorker(env);
    }
    await waitFor(
      () => isDrained(env),
      'the queues to drain after the kills',
      180_000,
      500,
    );
    expectOneAlertPerKey(receiver, { required: expected });
  }, 300_000);

  it('a receiver that is down at first gets every alert once it is up, the retries visible in troopwatch alerts', async () => {
    const { receiver, env } = await setup({
      TROOPWATCH_ALERT_RETRY_SCHEDULE:
        '0,300ms,600ms,1200ms,2400ms,4800ms,4800ms',
    });
    const port = Number(new URL(receiver.url).port);
    await receiver.stop();
    await fleet.startWorker(env);
    expect((await runCli(['seed'], env)).code).toBe(0);
    // Down: every seed is through dedupe and every delivery's first attempt failed.
    await waitFor(
      async () => {
        const status = JSON.parse(
          (await runCli(['status', '--json'], env)).stdout,
        ) as { pendingSeeds: number; articles: { done?: number } };
        if (status.pendingSeeds > 0 || status.articles.done !== 5) return false;
        const alerts = JSON.parse(
          (await runCli(['alerts', '--json'], env)).stdout,
        ) as Array<{ deliveries: Array<{ attempts: number }> }>;
        return (
          alerts.length >= 6 &&
          alerts.every((a) => a.deliveries.every((d) => d.attempts >= 1))
        );
      },
      'failed first attempts',
      30_000,
      200,
    );
    await receiver.start(port);
    await waitFor(() => isDrained(env), 'delivery after recovery', 60_000, 300);
    const alerts = JSON.parse(
      (await runCli(['alerts', '--json'], env)).stdout,
    ) as Array<{
      key: string;
      deliveries: Array<{ state: string; attempts: number }>;
    }>;
    for (const a of alerts) {
      expect(a.deliveries[0]).toMatchObject({ state: 'delivered' });
      expect(a.deliveries[0]!.attempts).toBeGreaterThan(1);
    }
    expectOneAlertPerKey(receiver, { required: alerts.map((a) => a.key) });
    const table = (await runCli(['alerts'], env)).stdout;
    expect(table).toMatch(/delivered after [2-9] attempts/);
  }, 120_000);

  it('a receiver answering 410 is disabled; after enabling it, replay delivers', async () => {
    const { receiver, env } = await setup();
    receiver.respondWith = () => 410;
    await fleet.startWorker(env);
    expect((await runCli(['seed'], env)).code).toBe(0);
    await waitFor(() => isDrained(env), 'the queues to drain', 60_000, 300);
    const endpoints = JSON.parse(
      (await runCli(['endpoints', '--json'], env)).stdout,
    ) as Array<{ state: string }>;
    expect(endpoints[0]!.state).toMatch(/disabled: 410/);
    const failed = JSON.parse(
      (await runCli(['alerts', '--failed', '--json'], env)).stdout,
    ) as Array<{ id: string }>;
    expect(failed.length).toBeGreaterThanOrEqual(6);
    // Only the deliveries already in flight (at most the worker's concurrency)
    // reached it; the rest were stopped without a call.
    expect(receiver.requests).toBeLessThanOrEqual(4);
    expect(receiver.requests).toBeLessThan(failed.length);

    const refused = await runCli(['alerts', 'replay', failed[0]!.id], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/disabled.*endpoints enable/);

    receiver.respondWith = () => 204;
    expect(
      (await runCli(['endpoints', 'enable', receiver.url], env)).code,
    ).toBe(0);
    for (const alert of failed)
      expect((await runCli(['alerts', 'replay', alert.id], env)).code).toBe(0);
    await waitFor(() => isDrained(env), 'the replays', 60_000, 300);
    expect(receiver.distinctIds().size).toBe(failed.length);
    const after = JSON.parse(
      (await runCli(['alerts', '--failed', '--json'], env)).stdout,
    ) as unknown[];
    expect(after).toEqual([]);
  }, 120_000);
});
