import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Claim } from '../../src/shared/claim.js';
import { noveltyKey } from '../../src/shared/claim.js';
import type { AlertBody, SourceRef } from '../../src/queues/store/claims.js';
import {
  alertIdFor,
  corroborationIdFor,
  webhookIdFor,
} from '../../src/queues/store/ids.js';
import { Store } from '../../src/queues/store/store.js';

const claim: Claim = {
  value: 12000,
  low: null,
  high: null,
  qualifier: 'approx',
  unit: 'soldiers',
  actor: 'KP',
  event: 'deployed',
  attribution: 'NIS',
  source: {
    id: 'kr-nis',
    name: 'South Korean intelligence (NIS)',
    country: 'KR',
  },
  text: 'rund 12.000 Soldaten',
  sentence: 's',
  start: 0,
  end: 20,
};

/** An entry as the dedupe stage builds it; `corroboratedTo` subscribes an endpoint to corroborations. */
function entryFor(
  c: Claim,
  now: Date,
  articleId = 'x',
  corroboratedTo: string[] = [],
) {
  const key = noveltyKey(c);
  const body = (type: AlertBody['type']): AlertBody => ({
    type,
    timestamp: now.toISOString(),
    data: {
      key,
      claim: c,
      article: { url: null, title: 't', source: 's', publishedAt: null },
      firstSeenAt: '',
      sources: [],
    },
  });
  const corrId = corroborationIdFor(key, articleId);
  const deliveries = Object.fromEntries(
    corroboratedTo.map((ep) => [
      ep,
      {
        endpointId: ep,
        url: `http://${ep}`,
        webhookId: webhookIdFor(corrId, ep),
        state: 'pending' as const,
        attempts: 0,
        lastStatus: null,
        lastError: null,
        lastAttemptAt: null,
        deliveredAt: null,
      },
    ]),
  );
  return {
    key,
    claim: c,
    new: { alertId: alertIdFor(key), body: body('claim.new'), deliveries: {} },
    corroborated: {
      alertId: corrId,
      body: body('claim.corroborated'),
      deliveries,
    },
  };
}

function source(articleId: string): SourceRef {
  return {
    articleId,
    url: `https://example.org/${articleId}`,
    title: articleId,
    source: 'example.org',
    publishedAt: null,
    seenAt: new Date().toISOString(),
  };
}

describe('recordClaims: novelty decided atomically in Redis', () => {
  let redis: Redis;
  let store: Store;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
    store = new Store(redis, `{tw-${randomUUID().slice(0, 8)}}`);
  });
  afterAll(() => redis.disconnect());

  /** One article's claims through the script, as the dedupe stage sends them. */
  const record = (
    articleId: string,
    c: Claim,
    opts: { textSha?: string; subscribers?: string[] } = {},
  ) => {
    const now = new Date();
    return store.claims.record({
      articleId,
      textSha: opts.textSha ?? `sha-${articleId}`,
      source: source(articleId),
      entries: [entryFor(c, now, articleId, opts.subscribers)],
      now,
    });
  };

  it('twenty articles racing on one key raise one alert; the others corroborate', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => record(`a${i}`, claim)),
    );
    expect(results.filter((r) => r.newAlerts.length === 1)).toHaveLength(1);
    expect(results.filter((r) => r.corroborated.length === 1)).toHaveLength(19);
    const [recorded] = await store.claims.list();
    expect(recorded!.sources).toHaveLength(20);
    expect(await store.claims.listAlerts()).toHaveLength(1);
  });

  it('a corroboration raises claim.corroborated only where an endpoint asked for it, once per article', async () => {
    const c = { ...claim, value: 31337 };
    await record('c1', c, { textSha: 'c1', subscribers: ['ep_a'] });
    const quiet = await record('c2', c, { textSha: 'c2' });
    expect(quiet).toMatchObject({
      newAlerts: [],
      corroborated: [noveltyKey(c)],
    });
    const loud = await record('c3', c, {
      textSha: 'c3',
      subscribers: ['ep_a'],
    });
    expect(loud.newAlerts).toEqual([corroborationIdFor(noveltyKey(c), 'c3')]);
    const again = await record('c3', c, {
      textSha: 'c3',
      subscribers: ['ep_a'],
    });
    expect(again).toMatchObject({
      newAlerts: loud.newAlerts,
      corroborated: [],
    });
    const alert = await store.claims.getAlert(loud.newAlerts[0]!);
    expect(alert).toMatchObject({
      type: 'claim.corroborated',
      key: noveltyKey(c),
    });
    expect(alert!.body.data.sources.map((s) => s.articleId)).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
    expect(alert!.deliveries.map((d) => d.endpointId)).toEqual(['ep_a']);
  });

  it('a retry of the first article gets its alert id back and adds nothing', async () => {
    const c = { ...claim, value: 777 };
    const first = await record('r1', c, { textSha: 'r1' });
    const retry = await record('r1', c, { textSha: 'r1' });
    expect(retry.newAlerts).toEqual(first.newAlerts);
    expect(retry.corroborated).toEqual([]);
    const alerts = (await store.claims.listAlerts()).filter(
      (a) => a.key === noveltyKey(c),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body.data.sources).toHaveLength(1);
  });

  it('an article with the same text as an earlier one is a duplicate and adds no corroboration', async () => {
    const c = { ...claim, value: 4242 };
    await record('d1', c, { textSha: 'same' });
    const dup = await record('d2', c, { textSha: 'same' });
    expect(dup).toEqual({ duplicateOf: 'd1', newAlerts: [], corroborated: [] });
    const recorded = (await store.claims.list()).find(
      (r) => r.key === noveltyKey(c),
    );
    expect(recorded!.sources.map((s) => s.articleId)).toEqual(['d1']);
  });
});
