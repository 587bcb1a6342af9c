/**
 * Webhook deliveries: one record per alert and endpoint, the dead letters of
 * deliveries that gave up, and the endpoints disabled after a 410 Gone.
 */
import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';

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

export class Deliveries {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Every delivery of one alert. */
  async list(alertId: string): Promise<DeliveryRecord[]> {
    const hash = await this.redis.hgetall(this.keys.deliveries(alertId));
    return Object.values(hash).map((v) => JSON.parse(v) as DeliveryRecord);
  }

  async get(
    alertId: string,
    endpointId: string,
  ): Promise<DeliveryRecord | null> {
    const raw = await this.redis.hget(
      this.keys.deliveries(alertId),
      endpointId,
    );
    return raw === null ? null : (JSON.parse(raw) as DeliveryRecord);
  }

  async put(alertId: string, delivery: DeliveryRecord): Promise<void> {
    await this.redis.hset(
      this.keys.deliveries(alertId),
      delivery.endpointId,
      JSON.stringify(delivery),
    );
  }

  // ---- dead letters --------------------------------------------------------

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

  // ---- disabled endpoints --------------------------------------------------

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
}
