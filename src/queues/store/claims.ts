/**
 * Claim records (one per novelty key, with every article that reported it)
 * and the alerts raised for them. Both are written only by the record-claims
 * Lua script, which decides novelty atomically (see record-claims.ts).
 */
import type { Redis } from 'ioredis';
import type { Claim } from '../../shared/claim.js';
import type { Keys } from '../keys.js';
import { Deliveries, type DeliveryRecord } from './deliveries.js';
import { RECORD_CLAIMS_LUA } from './record-claims.js';

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

export class Claims {
  /** An alert is read back with its deliveries. */
  private readonly deliveries: Deliveries;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    this.deliveries = new Deliveries(redis, keys);
    this.redis.defineCommand('twRecordClaims', {
      numberOfKeys: 7,
      lua: RECORD_CLAIMS_LUA,
    });
  }

  /**
   * Decide novelty for one article's claims and record the alerts, atomically
   * (see record-claims.ts).
   */
  async record(input: {
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

  async list(): Promise<ClaimRecord[]> {
    const keys = await this.redis.zrange(this.keys.claimOrder, 0, -1);
    if (keys.length === 0) return [];
    const values = await this.redis.hmget(this.keys.claims, ...keys);
    return values
      .filter((v): v is string => v !== null)
      .map((v) => normalizeLuaJson(JSON.parse(v)) as ClaimRecord);
  }

  // ---- alerts --------------------------------------------------------------

  async getAlert(id: string): Promise<AlertRecord | null> {
    const raw = await this.redis.hget(this.keys.alerts, id);
    if (raw === null) return null;
    const alert = normalizeLuaJson(JSON.parse(raw)) as Omit<
      AlertRecord,
      'deliveries'
    >;
    return { ...alert, deliveries: await this.deliveries.list(id) };
  }

  async listAlerts(): Promise<AlertRecord[]> {
    const ids = await this.redis.zrange(this.keys.alertOrder, 0, -1);
    const alerts = await Promise.all(ids.map((id) => this.getAlert(id)));
    return alerts.filter((a): a is AlertRecord => a !== null);
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
