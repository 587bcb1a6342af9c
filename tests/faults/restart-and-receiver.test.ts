/**
 * Faults 4 and 5.
 * 4. `start` killed with SIGKILL, its embedded Redis with it, then run again
 *    on the same data: it recovers the stale lock and finishes the work.
 * 5. A receiver that answers after 15 s (past the webhook timeout), then
 *    500, then 2xx: the retries keep to the schedule and every alert is
 *    delivered under one webhook-id.
 */
import { expect, it } from 'vitest';
import { waitFor } from '../helpers/cli.js';
import {
  embeddedRedisPid,
  exited,
  expectNothingLeft,
  expectNothingLostOrDoubled,
  useFaults,
} from './harness.js';

const faults = useFaults();

it('start killed with SIGKILL, its Redis too, then run again on the same data: it finishes, 0 lost, 0 doubled', async () => {
  const run = await faults.setup(120, 60);
  const start = faults.spawn(['start'], run.env);
  const redisPid = await embeddedRedisPid(run.dataDir);
  await waitFor(() => run.receiver.received.length >= 5, 'the first alerts');
  expect(run.receiver.received.length).toBeLessThan(run.expected.size);
  start.kill('SIGKILL');
  process.kill(redisPid, 'SIGKILL');
  await exited(start);

  const again = faults.spawn(['run', '--once'], run.env);
  expect(await exited(again)).toBe(0);
  const out = again.output();
  expect(out).toContain('Removed a stale embedded redis lock');
  expect(out).toMatch(/New alerts: \d+/);
  expectNothingLostOrDoubled(run);
  await expectNothingLeft(run.dataDir);
}, 180_000);

it('a receiver that answers after 15 s, then 500, then 2xx: retries on schedule, each alert once', async () => {
  const run = await faults.setup(3, 3, {
    TROOPWATCH_WEBHOOK_TIMEOUT: '10s',
    TROOPWATCH_ALERT_RETRY_SCHEDULE: '0,2s,4s,8s',
  });
  expect(run.expected.size).toBe(3);
  // Per webhook-id: the first attempt hangs 15 s, the second gets 500.
  const attempts = new Map<string, number[]>();
  run.receiver.respondWith = async (_n, id) => {
    const times = attempts.get(id) ?? [];
    times.push(Date.now());
    attempts.set(id, times);
    if (times.length === 1) {
      await new Promise((r) => setTimeout(r, 15_000));
      return 204; // answered, but after the sender gave up
    }
    return times.length === 2 ? 500 : 204;
  };
  const cli = faults.spawn(['run', '--once'], run.env);
  expect(await exited(cli)).toBe(0);
  expect(attempts.size).toBe(3);
  for (const times of attempts.values()) {
    expect(times).toHaveLength(3);
    // Attempt 2 comes 10 s (the timeout) + 2 s ±10% after the first;
    // attempt 3, 4 s ±10% after the 500 of attempt 2.
    const gap1 = times[1]! - times[0]!;
    const gap2 = times[2]! - times[1]!;
    expect(gap1).toBeGreaterThanOrEqual(10_000 + 1_800);
    expect(gap1).toBeLessThan(10_000 + 2_200 + 1_500);
    expect(gap2).toBeGreaterThanOrEqual(3_600);
    expect(gap2).toBeLessThan(4_400 + 1_500);
  }
  expectNothingLostOrDoubled(run);
  expect(cli.output()).toContain('3 delivered, 0 failed');
  await expectNothingLeft(run.dataDir);
}, 180_000);
