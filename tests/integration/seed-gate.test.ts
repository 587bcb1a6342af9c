/**
 * The seed gate keeps a seed's place in line across runs: a run that
 * numbered a seed and stopped before its fetch job was queued (a crash, a
 * full disk) must not give it a second number when the next run enqueues it
 * again, or seeds after it would wait for it, and it for them, for ever.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, inject, it } from 'vitest';
import { Store } from '../../src/queues/store/store.js';

const redis = new Redis(inject('redisUrl'));
afterAll(() => redis.quit());

it('a seed reserved twice keeps its first number; the next seed gets the next one', async () => {
  const store = new Store(redis, `{tw-${randomUUID().slice(0, 8)}}`);
  const first = await store.seeds.reserve('seed-a');
  expect(await store.seeds.reserve('seed-a')).toBe(first);
  const second = await store.seeds.reserve('seed-b');
  expect(second).toBe(first + 1);
  expect(await store.seeds.hasEarlierPending(second)).toBe(true);
  expect(await store.seeds.hasEarlierPending(first)).toBe(false);
  await store.seeds.release('seed-a');
  expect(await store.seeds.hasEarlierPending(second)).toBe(false);
  expect(await store.seeds.pendingCount()).toBe(1);
});
