/**
 * Article records and the raw blobs they were fetched as. Every article field
 * is stored as a JSON value in one hash per article (the record-claims script
 * relies on that); the text lives under its own key.
 */
import type { Redis } from 'ioredis';
import type { Claim } from '../../shared/claim.js';
import type { Keys } from '../keys.js';
import { Seeds } from './seeds.js';

/**
 * Create an article record and list it, in one step: a crash or a Redis
 * that stops taking writes can never leave a record half written. A record
 * without its `origin` field (left half written by an older version) is
 * written again. KEYS: article hash, article index; ARGV: score, id, then
 * field/value pairs.
 */
const CREATE_ARTICLE_LUA = `
if redis.call('HEXISTS', KEYS[1], 'origin') == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
return 1
`;

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
  /**
   * Key of the fetched bytes in the blob store until clean has read them:
   * their sha256 (seeds, files), or `<article id>.<sha256>` for fetched
   * pages, since two addresses may serve the same bytes.
   */
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

export class Articles {
  /** A duplicate ends its article, which releases its seed. */
  private readonly seeds: Seeds;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    this.seeds = new Seeds(redis, keys);
    this.redis.defineCommand('twCreateArticle', {
      numberOfKeys: 2,
      lua: CREATE_ARTICLE_LUA,
    });
  }

  // ---- blobs ---------------------------------------------------------------

  async putBlob(sha: string, bytes: Uint8Array): Promise<void> {
    await this.redis.set(this.keys.blob(sha), Buffer.from(bytes), 'NX');
  }

  async getBlob(sha: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.blob(sha));
  }

  async deleteBlob(sha: string): Promise<void> {
    await this.redis.del(this.keys.blob(sha));
  }

  // ---- articles ------------------------------------------------------------

  /** Creates the article unless it exists; returns whether it was created. */
  async create(article: ArticleRecord): Promise<boolean> {
    const fields = Object.entries(serializeArticle(article)).flat();
    const created = await (
      this.redis as Redis & {
        twCreateArticle(...args: (string | number)[]): Promise<number>;
      }
    ).twCreateArticle(
      this.keys.article(article.id),
      this.keys.articles,
      Date.now(),
      article.id,
      ...fields,
    );
    return created === 1;
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const hash = await this.redis.hgetall(this.keys.article(id));
    return hash.id === undefined ? null : parseArticle(hash);
  }

  async update(id: string, fields: Partial<ArticleRecord>): Promise<void> {
    await this.redis.hset(this.keys.article(id), serializeArticle(fields));
  }

  async setText(id: string, text: string): Promise<void> {
    await this.redis.set(this.keys.articleText(id), text);
  }

  async getText(id: string): Promise<string | null> {
    return this.redis.get(this.keys.articleText(id));
  }

  async list(limit = 100): Promise<ArticleRecord[]> {
    const ids = await this.redis.zrange(this.keys.articles, 0, limit - 1);
    const articles = await Promise.all(ids.map((id) => this.get(id)));
    return articles.filter((a): a is ArticleRecord => a !== null);
  }

  /** Links a copy to its original and ends it (no claims, no corroboration). */
  async markDuplicate(id: string, originalId: string): Promise<void> {
    await this.update(id, {
      status: 'duplicate',
      duplicateOf: originalId,
      completedAt: new Date().toISOString(),
    });
    await this.seeds.release(id);
  }

  /** Claims a canonical URL for an article; returns the owner's id. */
  async claimUrl(canonicalUrl: string, articleId: string): Promise<string> {
    await this.redis.hsetnx(this.keys.articleByUrl, canonicalUrl, articleId);
    return (
      (await this.redis.hget(this.keys.articleByUrl, canonicalUrl)) ?? articleId
    );
  }
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
