/**
 * Fault 1: the embedded redis-server is killed (SIGKILL) in the middle of a
 * `run --once`. Its owner restarts it on the same data, every article
 * completes, and every alert arrives exactly once.
 */
import { expect, it } from 'vitest';
import { waitFor } from '../helpers/cli.js';
import {
  countMessages,
  embeddedRedisPid,
  exited,
  expectNothingLeft,
  expectNothingLostOrDoubled,
  useFaults,
} from './harness.js';

const faults = useFaults();

it('the embedded Redis killed mid-run is restarted; 0 alerts lost, 0 doubled', async () => {
  const run = await faults.setup(120, 60);
  const cli = faults.spawn(['run', '--once'], run.env);
  const firstPid = await embeddedRedisPid(run.dataDir);
  // Mid-run: some alerts out, most still to come.
  await waitFor(() => run.receiver.received.length >= 5, 'the first alerts');
  expect(run.receiver.received.length).toBeLessThan(run.expected.size);
  process.kill(firstPid, 'SIGKILL');

  expect(await exited(cli)).toBe(0);
  const out = cli.output();
  expect(out).toMatch(/New alerts: \d+/);
  expect(
    countMessages(
      out,
      'The embedded redis-server died; restarted it on the same data',
    ),
  ).toBe(1);
  // One outage: logged once when it starts and once when it ends.
  expect(
    countMessages(out, 'Redis is unreachable; work pauses until it is back'),
  ).toBe(1);
  expect(countMessages(out, 'Redis is reachable again; work resumes')).toBe(1);
  // Nothing is logged as an unexpected Redis error.
  expect(countMessages(out, 'Redis error')).toBe(0);
  expect(out).not.toMatch(
    /ECONNREFUSED[^\n]*"stack"|"stack"[^\n]*ECONNREFUSED/,
  );
  expectNothingLostOrDoubled(run);
  expect(out).toContain('120 done');
  await expectNothingLeft(run.dataDir);
}, 180_000);
