import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Claim } from '../../shared/claim.js';
import type { FeedRecord } from '../../shared/feed/health.js';

export type { FeedRecord };
import { createKeys, type Keys } from '../keys.js';
import { RECORD_CLAIMS_LUA } from './record-claims.js';

export type ArticleStatus =
  'fetched' | 'cleaned' | 'extracted' | 'done' | 'duplicate' | 'failed';

export interface ArticleRecord {
  id: string;
  /** `seed`, `file` (enqueued from disk) or `url`. */
  origin: 'seed' | 'file' | 'url';
  /** File name or URL as given. */
  name: string;
  url: string | null;
  title: string | null;
  siteName: string | null;
  publishedAt: string | null;
  feedUrl: string | null;
  seedSeq: number | null;
  /** sha256 of the fetched bytes, stored as a blob until clean has read them. */
  rawSha: string | null;
  contentType: string | null;
  status: ArticleStatus;
  duplicateOf: string | null;
  error: string | null;
  claims: Claim[];
  createdAt: string;
  completedAt: string | null;
}

/** A new article record: the given fields over empty defaults. */
export function newArticle(
  fields: Pick<
    ArticleRecord,
    'id' | 'origin' | 'name' | 'rawSha' | 'contentType'
  > &
    Partial<ArticleRecord>,
): ArticleRecord {
  return {
    url: null,
    title: null,
    siteName: null,
    publishedAt: null,
    feedUrl: null,
    seedSeq: null,
    status: 'fetched',
    duplicateOf: null,
    error: null,
    claims: [],
    createdAt: new Date().toISOString(),
    completedAt: null,
    ...fields,
  };
}

/** How an article is named in alert bodies and source lists. */
export interface SourceRef {
  articleId: string;
  url: string | null;
  title: string | null;
  source: string;
  publishedAt: string | null;
  seenAt: string;
}

export interface ClaimRecord {
  key: string;
  claim: Claim;
  articleId: string;
  alertId: string;
  firstSeenAt: string;
  sources: SourceRef[];
}

export type DeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface DeliveryRecord {
  endpointId: string;
  url: string;
  webhookId: string;
  state: DeliveryState;
  attempts: number;
  /** Times `alerts replay` sent it again; part of the replay's job id. */
  replays?: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface AlertBody {
  type: 'claim.new' | 'claim.corroborated';
  timestamp: string;
  data: {
    key: string;
    claim: Claim;
    article: {
      url: string | null;
      title: string | null;
      source: string;
      publishedAt: string | null;
    };
    firstSeenAt: string;
    sources: SourceRef[];
  };
}

export interface AlertRecord {
  id: string;
  type: AlertBody['type'];
  key: string;
  createdAt: string;
  body: AlertBody;
  deliveries: DeliveryRecord[];
}

export interface RecordClaimsResult {
  duplicateOf: string | null;
  /** Alert ids whose deliveries must be enqueued (idempotently). */
  newAlerts: string[];
  corroborated: string[];
}

/** An alert as the dedupe stage prepares it, before the script decides. */
export interface AlertDraft {
  alertId: string;
  body: AlertBody;
  /** Endpoint id → pending delivery. */
  deliveries: Record<string, DeliveryRecord>;
}

/** sha256 hex of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The alert id of a novelty key: one key, one `claim.new`, one id. */
export function alertIdFor(key: string): string {
  return `al_${sha256(`claim.new|${key}`).slice(0, 20)}`;
}

/** One corroboration of a key by one article, one id. */
export function corroborationIdFor(key: string, articleId: string): string {
  return `al_${sha256(`claim.corroborated|${key}|${articleId}`).slice(0, 20)}`;
}

/** Stable per alert and endpoint, so receivers can deduplicate retries. */
export function webhookIdFor(alertId: string, endpointId: string): string {
  return `msg_${sha256(`${alertId}|${endpointId}`).slice(0, 24)}`;
}

/**
 * What troopwatch keeps in Redis besides BullMQ's own keys: articles, claims,
 * alerts and their deliveries, the seed gate and feeds. Redis runs with an
 * append-only file, so all of it survives restarts.
 */
export class Store {
  readonly keys: Keys;

  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = createKeys(prefix);
    this.redis.defineCommand('twRecordClaims', {
      numberOfKeys: 7,
      lua: RECORD_CLAIMS_LUA,
    });
  }

  // ---- blobs and articles ------------------------------------------------

  async putBlob(sha: string, bytes: Uint8Array): Promise<void> {
    await this.redis.set(this.keys.blob(sha), Buffer.from(bytes), 'NX');
  }

  async getBlob(sha: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.blob(sha));
  }

  async deleteBlob(sha: string): Promise<void> {
    await this.redis.del(this.keys.blob(sha));
  }

  /** Creates the article unless it exists; returns whether it was created. */
  async createArticle(article: ArticleRecord): Promise<boolean> {
    const created = await this.redis.hsetnx(
      this.keys.article(article.id),
      'id',
      JSON.stringify(article.id),
    );
    if (created === 1) {
      await this.redis
        .multi()
        .hset(this.keys.article(article.id), serializeArticle(article))
        .zadd(this.keys.articles, Date.now(), article.id)
        .exec();
    }
    return created === 1;
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const hash = await this.redis.hgetall(this.keys.article(id));
    return hash.id === undefined ? null : parseArticle(hash);
  }

  async updateArticle(
    id: string,
    fields: Partial<ArticleRecord>,
  ): Promise<void> {
    await this.redis.hset(this.keys.article(id), serializeArticle(fields));
  }

  async setArticleText(id: string, text: string): Promise<void> {
    await this.redis.set(this.keys.articleText(id), text);
  }

  async getArticleText(id: string): Promise<string | null> {
    return this.redis.get(this.keys.articleText(id));
  }

  async listArticles(limit = 100): Promise<ArticleRecord[]> {
    const ids = await this.redis.zrange(this.keys.articles, 0, limit - 1);
    const articles = await Promise.all(ids.map((id) => this.getArticle(id)));
    return articles.filter((a): a is ArticleRecord => a !== null);
  }

  /** Links a copy to its original and ends it (no claims, no corroboration). */
  async markDuplicate(id: string, originalId: string): Promise<void> {
    await this.updateArticle(id, {
      status: 'duplicate',
      duplicateOf: originalId,
      completedAt: new Date().toISOString(),
    });
    await this.releaseSeed(id);
  }

  /** Claims a canonical URL for an article; returns the owner's id. */
  async claimUrl(canonicalUrl: string, articleId: string): Promise<string> {
    await this.redis.hsetnx(this.keys.articleByUrl, canonicalUrl, articleId);
    return (
      (await this.redis.hget(this.keys.articleByUrl, canonicalUrl)) ?? articleId
    );
  }

  // ---- novelty -------------------------------------------------------------

  /**
   * Decide novelty for one article's claims and record the alerts, atomically
   * (see record-claims.ts).
   */
  async recordClaims(input: {
    articleId: string;
    textSha: string;
    source: SourceRef;
    entries: Array<{
      key: string;
      claim: Claim;
      new: AlertDraft;
      corroborated: AlertDraft;
    }>;
    now: Date;
  }): Promise<RecordClaimsResult> {
    const k = this.keys;
    const raw = await (
      this.redis as unknown as {
        twRecordClaims(...args: (string | number)[]): Promise<string>;
      }
    ).twRecordClaims(
      k.claims,
      k.claimOrder,
      k.alerts,
      k.alertOrder,
      k.articleByText,
      k.article(input.articleId),
      k.seedsPending,
      input.articleId,
      input.textSha,
      input.now.getTime(),
      input.now.toISOString(),
      k.bullPrefix,
      // cjson turns an empty array into {}: send an object-free list instead.
      input.entries.length === 0 ? '[]' : JSON.stringify(input.entries),
      JSON.stringify(input.source),
    );
    const parsed = JSON.parse(raw) as {
      duplicateOf: string | false;
      new: string[] | Record<string, never>;
      corroborated: string[] | Record<string, never>;
    };
    return {
      duplicateOf: parsed.duplicateOf === false ? null : parsed.duplicateOf,
      newAlerts: Array.isArray(parsed.new) ? parsed.new : [],
      corroborated: Array.isArray(parsed.corroborated)
        ? parsed.corroborated
        : [],
    };
  }

  async listClaims(): Promise<ClaimRecord[]> {
    const keys = await this.redis.zrange(this.keys.claimOrder, 0, -1);
    if (keys.length === 0) return [];
    const values = await this.redis.hmget(this.keys.claims, ...keys);
    return values
      .filter((v): v is string => v !== null)
      .map((v) => normalizeLuaJson(JSON.parse(v)) as ClaimRecord);
  }

  // ---- alerts and deliveries ---------------------------------------------

  async getAlert(id: string): Promise<AlertRecord | null> {
    const raw = await this.redis.hget(this.keys.alerts, id);
    if (raw === null) return null;
    const alert = normalizeLuaJson(JSON.parse(raw)) as Omit<
      AlertRecord,
      'deliveries'
    >;
    return { ...alert, deliveries: await this.getDeliveries(id) };
  }

  async listAlerts(): Promise<AlertRecord[]> {
    const ids = await this.redis.zrange(this.keys.alertOrder, 0, -1);
    const alerts = await Promise.all(ids.map((id) => this.getAlert(id)));
    return alerts.filter((a): a is AlertRecord => a !== null);
  }

  async getDeliveries(alertId: string): Promise<DeliveryRecord[]> {
    const hash = await this.redis.hgetall(this.keys.deliveries(alertId));
    return Object.values(hash).map((v) => JSON.parse(v) as DeliveryRecord);
  }

  async getDelivery(
    alertId: string,
    endpointId: string,
  ): Promise<DeliveryRecord | null> {
    const raw = await this.redis.hget(
      this.keys.deliveries(alertId),
      endpointId,
    );
    return raw === null ? null : (JSON.parse(raw) as DeliveryRecord);
  }

  async putDelivery(alertId: string, delivery: DeliveryRecord): Promise<void> {
    await this.redis.hset(
      this.keys.deliveries(alertId),
      delivery.endpointId,
      JSON.stringify(delivery),
    );
  }

  /** Deliveries that ran out of attempts (or met a disabled endpoint), oldest first. */
  async deadLetter(alertId: string, endpointId: string): Promise<void> {
    await this.redis.zadd(
      this.keys.deadLetters,
      Date.now(),
      `${alertId}|${endpointId}`,
    );
  }

  async listDeadLetters(): Promise<
    Array<{ alertId: string; endpointId: string; at: string }>
  > {
    const raw = await this.redis.zrange(
      this.keys.deadLetters,
      0,
      -1,
      'WITHSCORES',
    );
    const out: Array<{ alertId: string; endpointId: string; at: string }> = [];
    for (let i = 0; i < raw.length; i += 2) {
      const [alertId, endpointId] = raw[i]!.split('|') as [string, string];
      out.push({
        alertId,
        endpointId,
        at: new Date(Number(raw[i + 1])).toISOString(),
      });
    }
    return out;
  }

  async removeDeadLetter(alertId: string, endpointId: string): Promise<void> {
    await this.redis.zrem(this.keys.deadLetters, `${alertId}|${endpointId}`);
  }

  /** An endpoint that answered 410 Gone receives nothing until enabled again. */
  async disableEndpoint(
    endpointId: string,
    info: { url: string; reason: string },
  ): Promise<void> {
    await this.redis.hset(
      this.keys.disabledEndpoints,
      endpointId,
      JSON.stringify({ ...info, at: new Date().toISOString() }),
    );
  }

  async enableEndpoint(endpointId: string): Promise<boolean> {
    return (
      (await this.redis.hdel(this.keys.disabledEndpoints, endpointId)) === 1
    );
  }

  async disabledEndpoints(): Promise<
    Record<string, { url: string; reason: string; at: string }>
  > {
    const hash = await this.redis.hgetall(this.keys.disabledEndpoints);
    return Object.fromEntries(
      Object.entries(hash).map(([k, v]) => [k, JSON.parse(v)]),
    );
  }

  // ---- the seed gate -------------------------------------------------------

  async nextSeedSeq(): Promise<number> {
    return this.redis.incr(this.keys.seedSeq);
  }

  async addPendingSeed(articleId: string, seq: number): Promise<void> {
    await this.redis.zadd(this.keys.seedsPending, 'NX', seq, articleId);
  }

  async releaseSeed(articleId: string): Promise<void> {
    await this.redis.zrem(this.keys.seedsPending, articleId);
  }

  async pendingSeedCount(): Promise<number> {
    return this.redis.zcard(this.keys.seedsPending);
  }

  /** Whether a seed that comes before `seq` has not finished yet. */
  async hasEarlierPendingSeed(seq: number): Promise<boolean> {
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

  // ---- feeds ---------------------------------------------------------------

  async putFeed(feed: FeedRecord): Promise<void> {
    await this.redis.hset(this.keys.feeds, feed.url, JSON.stringify(feed));
  }

  /** Saves a poll's result unless the feed was removed meanwhile. */
  async updateFeed(feed: FeedRecord): Promise<boolean> {
    const saved = await this.redis.eval(
      "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0",
      1,
      this.keys.feeds,
      feed.url,
      JSON.stringify(feed),
    );
    return saved === 1;
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    const raw = await this.redis.hget(this.keys.feeds, url);
    return raw === null ? null : (JSON.parse(raw) as FeedRecord);
  }

  async listFeeds(): Promise<FeedRecord[]> {
    const hash = await this.redis.hgetall(this.keys.feeds);
    return Object.values(hash)
      .map((v) => JSON.parse(v) as FeedRecord)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  async removeFeed(url: string): Promise<boolean> {
    const [[, removed]] = (await this.redis
      .multi()
      .hdel(this.keys.feeds, url)
      .del(this.keys.feedItems(url))
      .exec()) as [[Error | null, number]];
    return removed === 1;
  }

  /** Remembers a feed item; true the first time it is seen. */
  async markFeedItem(feedUrl: string, itemId: string): Promise<boolean> {
    return (await this.redis.sadd(this.keys.feedItems(feedUrl), itemId)) === 1;
  }

  /** Forgets a feed item again, when enqueueing it failed. */
  async unmarkFeedItem(feedUrl: string, itemId: string): Promise<void> {
    await this.redis.srem(this.keys.feedItems(feedUrl), itemId);
  }
}

/** cjson writes empty arrays as `{}`; turn such values back into arrays. */
function normalizeLuaJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalizeLuaJson);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const isEmptyObject =
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).length === 0;
    out[k] = isEmptyObject && k === 'sources' ? [] : normalizeLuaJson(v);
  }
  return out;
}

/** Every field is stored as JSON, so null, numbers and arrays round-trip. */
function serializeArticle(
  fields: Partial<ArticleRecord>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) out[key] = JSON.stringify(value);
  }
  return out;
}

function parseArticle(hash: Record<string, string>): ArticleRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hash)) out[key] = JSON.parse(value);
  out.claims ??= [];
  return out as unknown as ArticleRecord;
}
