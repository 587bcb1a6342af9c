/**
 * What troopwatch keeps in Redis besides BullMQ's own keys: articles, claims,
 * alerts and their deliveries, the seed gate and feeds. Redis runs with an
 * append-only file, so all of it survives restarts. Each kind of record has
 * its own part (articles.ts, seeds.ts, claims.ts, deliveries.ts, feeds.ts);
 * `Store` puts them together under one key prefix.
 */
import type { Redis } from 'ioredis';
import { createKeys, type Keys } from '../keys.js';
import { Articles } from './articles.js';
import { Claims } from './claims.js';
import { Deliveries } from './deliveries.js';
import { Feeds } from './feeds.js';
import { Seeds } from './seeds.js';

export class Store {
  readonly keys: Keys;
  readonly articles: Articles;
  readonly seeds: Seeds;
  readonly claims: Claims;
  readonly deliveries: Deliveries;
  readonly feeds: Feeds;

  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = createKeys(prefix);
    this.articles = new Articles(redis, this.keys);
    this.seeds = new Seeds(redis, this.keys);
    this.claims = new Claims(redis, this.keys);
    this.deliveries = new Deliveries(redis, this.keys);
    this.feeds = new Feeds(redis, this.keys);
  }
}
