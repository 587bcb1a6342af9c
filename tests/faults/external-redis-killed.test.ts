/**
 * Faults 2 and 3: the operator's Redis behind REDIS_URL goes away.
 * 2. Killed (SIGKILL) mid-run and started again by the test on the same
 *    append-only file: the run finishes, every alert arrives exactly once.
 * 3. Unreachable for 30 s under a running `start` and a `worker`: both stay
 *    up, log the outage once, and resume with new work.
 */
import { afterEach, expect, it } from 'vitest';
import { runCli, waitFor } from '../helpers/cli.js';
import { isDrained } from '../helpers/pipeline-assertions.js';
import { ExternalRedis } from './external-redis.js';
import {
  countMessages,
  exited,
  expectNothingLostOrDoubled,
  laterArticles,
  useFaults,
} from './harness.js';

const faults = useFaults();
const servers: ExternalRedis[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.remove()));
});

async function externalRedis(): Promise<ExternalRedis> {
  const redis = await ExternalRedis.create();
  servers.push(redis);
  return redis;
}

const DOWN = 'Redis is unreachable; work pauses until it is back';
const UP = 'Redis is reachable again; work resumes';

it('an external Redis killed mid-run and restarted on its AOF: 0 alerts lost, 0 doubled', async () => {
  const redis = await externalRedis();
  const run = await faults.setup(120, 60, { REDIS_URL: redis.url });
  const cli = faults.spawn(['run', '--once'], run.env);
  await waitFor(() => run.receiver.received.length >= 5, 'the first alerts');
  expect(run.receiver.received.length).toBeLessThan(run.expected.size);
  await redis.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 2_000));
  await redis.start();

  expect(await exited(cli)).toBe(0);
  const out = cli.output();
  expect(countMessages(out, DOWN)).toBe(1);
  expect(countMessages(out, UP)).toBe(1);
  expect(countMessages(out, 'Redis error')).toBe(0);
  expect(out).toContain('120 done');
  expectNothingLostOrDoubled(run);
}, 180_000);

it('Redis unreachable for 30 s: start and a worker stay up, log it once, and resume', async () => {
  const redis = await externalRedis();
  const run = await faults.setup(40, 20, { REDIS_URL: redis.url });
  // `start` ingests the seeds; a second worker process shares the work.
  const start = faults.spawn(['start'], run.env);
  const worker = faults.spawn(['worker'], run.env);
  await waitFor(
    () => worker.output().includes('Workers started'),
    'the worker to start',
  );
  await waitFor(() => isDrained(run.env), 'the seeds to be processed', 120_000);
  const before = run.receiver.received.length;
  expect(before).toBe(run.expected.size);

  await redis.kill('SIGTERM'); // graceful: the AOF is complete
  await new Promise((r) => setTimeout(r, 30_000));
  expect(start.exitCode).toBe(null);
  expect(worker.exitCode).toBe(null);
  await redis.start();

  // New work after the outage flows through both processes' workers.
  const later = await laterArticles(10);
  expect(later.keys.size).toBe(10);
  const enq = await runCli(['enqueue', ...later.files], {
    ...run.env,
    TROOPWATCH_LOG_LEVEL: 'warn',
  });
  expect(enq.code).toBe(0);
  await waitFor(
    async () =>
      run.receiver.received.length === before + later.keys.size &&
      (await isDrained(run.env)),
    'the articles enqueued after the outage',
    120_000,
  );
  run.expected = new Set([...run.expected, ...later.keys]);
  expectNothingLostOrDoubled(run);
  for (const proc of [start, worker]) {
    expect(proc.exitCode).toBe(null);
    expect(countMessages(proc.output(), DOWN)).toBe(1);
    expect(countMessages(proc.output(), UP)).toBe(1);
    expect(countMessages(proc.output(), 'Redis error')).toBe(0);
  }
}, 240_000);
