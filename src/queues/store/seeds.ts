/**
 * The seed gate: seeds get increasing sequence numbers and stay pending until
 * their article is done, so later articles can wait for earlier seeds.
 */
import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';

// KEYS: pending seeds, sequence counter; ARGV: article id.
const RESERVE_LUA = `
local seq = redis.call('ZSCORE', KEYS[1], ARGV[1])
if seq then return seq end
seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], seq, ARGV[1])
return seq
`;

export class Seeds {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * The seed's place in line: the one it already holds (an earlier run
   * numbered it but stopped before its fetch job was queued), else the next
   * number, marked pending, in one step. Taking a new number for a seed
   * still pending under its old one would make the seeds wait for each
   * other for ever.
   */
  async reserve(articleId: string): Promise<number> {
    const seq = await this.redis.eval(
      RESERVE_LUA,
      2,
      this.keys.seedsPending,
      this.keys.seedSeq,
      articleId,
    );
    return Number(seq);
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
