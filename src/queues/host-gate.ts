import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Per-host politeness shared by every worker on one Redis: at most
 * `maxConcurrent` requests to a host at once and at least `minDelayMs`
 * between the starts of two requests. A lease expires by itself, so a
 * crashed worker cannot hold a host for ever.
 *
 * KEYS: 1 leases zset (token → expiry), 2 next-start key
 * ARGV: 1 now, 2 max concurrent, 3 min delay, 4 lease ms, 5 token
 * Returns 0 when the lease was taken, else the ms to wait.
 */
const ACQUIRE_LUA = `
local now, max, delay, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return nextStart - now end
if redis.call('ZCARD', KEYS[1]) >= max then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.min(tonumber(first[2]) - now, delay > 0 and delay or 250))
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[5])
redis.call('PEXPIRE', KEYS[1], lease)
redis.call('SET', KEYS[2], now + delay, 'PX', math.max(delay, 1))
return 0
`;

export interface HostGateOptions {
  /** @defaultValue 2 */
  maxConcurrent: number;
  /** @defaultValue 1000 */
  minDelayMs: number;
  /** Longest a request may hold its slot. @defaultValue 60 s */
  leaseMs?: number;
}

export type HostSlot =
  | { granted: true; release(): Promise<void> }
  | { granted: false; waitMs: number };

export class HostGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: HostGateOptions,
  ) {
    redis.defineCommand('twAcquireHost', { numberOfKeys: 2, lua: ACQUIRE_LUA });
  }

  async acquire(host: string, now = Date.now()): Promise<HostSlot> {
    const token = randomUUID();
    const leases = `${this.prefix}:hosts:${host}:leases`;
    const wait = (await (
      this.redis as unknown as {
        twAcquireHost(...a: (string | number)[]): Promise<number>;
      }
    ).twAcquireHost(
      leases,
      `${this.prefix}:hosts:${host}:next`,
      now,
      this.opts.maxConcurrent,
      this.opts.minDelayMs,
      this.opts.leaseMs ?? 60_000,
      token,
    )) as number;
    if (wait > 0) return { granted: false, waitMs: wait };
    return {
      granted: true,
      release: async () => {
        await this.redis.zrem(leases, token);
      },
    };
  }
}
