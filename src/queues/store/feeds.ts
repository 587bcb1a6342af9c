/**
 * Feed records (one JSON value per feed URL) and, per feed, the set of item
 * ids already enqueued.
 */
import type { Redis } from 'ioredis';
import type { FeedRecord } from '../../shared/feed/health.js';
import type { Keys } from '../keys.js';

export type { FeedRecord };

export class Feeds {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async put(feed: FeedRecord): Promise<void> {
    await this.redis.hset(this.keys.feeds, feed.url, JSON.stringify(feed));
  }

  /** Saves a poll's result unless the feed was removed meanwhile. */
  async update(feed: FeedRecord): Promise<boolean> {
    const saved = await this.redis.eval(
      "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0",
      1,
      this.keys.feeds,
      feed.url,
      JSON.stringify(feed),
    );
    return saved === 1;
  }

  async get(url: string): Promise<FeedRecord | null> {
    const raw = await this.redis.hget(this.keys.feeds, url);
    return raw === null ? null : (JSON.parse(raw) as FeedRecord);
  }

  async list(): Promise<FeedRecord[]> {
    const hash = await this.redis.hgetall(this.keys.feeds);
    return Object.values(hash)
      .map((v) => JSON.parse(v) as FeedRecord)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  /** Removes the feed and the items seen in it; whether it was there. */
  async remove(url: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .hdel(this.keys.feeds, url)
      .del(this.keys.feedItems(url))
      .exec()) as [[Error | null, number]];
    return removed === 1;
  }

  /** Remembers a feed item; true the first time it is seen. */
  async markItem(feedUrl: string, itemId: string): Promise<boolean> {
    return (await this.redis.sadd(this.keys.feedItems(feedUrl), itemId)) === 1;
  }

  /** Forgets a feed item again, when enqueueing it failed. */
  async unmarkItem(feedUrl: string, itemId: string): Promise<void> {
    await this.redis.srem(this.keys.feedItems(feedUrl), itemId);
  }
}
