/**
 * The seed gate: seeds get increasing sequence numbers and stay pending until
 * their article is done, so later articles can wait for earlier seeds.
 */
import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';

export class Seeds {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async next(): Promise<number> {
    return this.redis.incr(this.keys.seedSeq);
  }

  async addPending(articleId: string, seq: number): Promise<void> {
    await this.redis.zadd(this.keys.seedsPending, 'NX', seq, articleId);
  }

  async release(articleId: string): Promise<void> {
    await this.redis.zrem(this.keys.seedsPending, articleId);
  }

  async pendingCount(): Promise<number> {
    return this.redis.zcard(this.keys.seedsPending);
  }

  /** Whether a seed that comes before `seq` has not finished yet. */
  async hasEarlierPending(seq: number): Promise<boolean> {
    const earlier = await this.redis.zrangebyscore(
      this.keys.seedsPending,
      '-inf',
      `(${seq}`,
      'LIMIT',
      0,
      1,
    );
    return earlier.length > 0;
  }
}
