import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HostGate } from '../../src/queues/host-gate.js';

describe('HostGate: per-host politeness across the fleet', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(() => redis.disconnect());
  const gate = (opts: ConstructorParameters<typeof HostGate>[2]) =>
    new HostGate(redis, `{tw-${randomUUID().slice(0, 8)}}`, opts);

  it('keeps the minimum delay between two starts on one host, and tells how long to wait', async () => {
    const g = gate({ maxConcurrent: 5, minDelayMs: 1000 });
    const t0 = 1_000_000;
    const first = await g.acquire('news.example', t0);
    expect(first.granted).toBe(true);
    const second = await g.acquire('news.example', t0 + 200);
    expect(second).toEqual({ granted: false, waitMs: 800 });
    expect((await g.acquire('other.example', t0 + 200)).granted).toBe(true);
    expect((await g.acquire('news.example', t0 + 1000)).granted).toBe(true);
  });

  it('holds at most maxConcurrent leases per host; a released or expired lease frees a slot', async () => {
    const g = gate({ maxConcurrent: 2, minDelayMs: 0, leaseMs: 5000 });
    const now = Date.now();
    const a = await g.acquire('h', now);
    const b = await g.acquire('h', now);
    expect([a.granted, b.granted]).toEqual([true, true]);
    const c = await g.acquire('h', now);
    expect(c.granted).toBe(false);
    if (a.granted) await a.release();
    expect((await g.acquire('h', now)).granted).toBe(true);
    // A crashed holder's lease runs out by itself.
    expect((await g.acquire('h', now + 6000)).granted).toBe(true);
  });
});
