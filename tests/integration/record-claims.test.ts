import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Claim } from '../../src/shared/claim.js';
import { noveltyKey } from '../../src/shared/claim.js';
import {
  Store,
  alertIdFor,
  corroborationIdFor,
  webhookIdFor,
  type AlertBody,
  type SourceRef,
} from '../../src/queues/store.js';

const claim: Claim = {
  value: 12000,
  low: null,
  high: null,
  qualifier: 'approx',
  unit: 'soldiers',
  actor: 'KP',
  event: 'deployed',
  attribution: 'NIS',
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

  it('twenty articles racing on one key raise one alert; the others corroborate', async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.recordClaims({
          articleId: `a${i}`,
          textSha: `sha${i}`,
          source: source(`a${i}`),
          entries: [entryFor(claim, now, `a${i}`)],
          now,
        }),
      ),
    );
    expect(results.filter((r) => r.newAlerts.length === 1)).toHaveLength(1);
    expect(results.filter((r) => r.corroborated.length === 1)).toHaveLength(19);
    const [record] = await store.listClaims();
    expect(record!.sources).toHaveLength(20);
    expect(await store.listAlerts()).toHaveLength(1);
  });

  it('a corroboration raises claim.corroborated only where an endpoint asked for it, once per article', async () => {
    const now = new Date();
    const c = { ...claim, value: 31337 };
    await store.recordClaims({
      articleId: 'c1',
      textSha: 'c1',
      source: source('c1'),
      entries: [entryFor(c, now, 'c1', ['ep_a'])],
      now,
    });
    const quiet = await store.recordClaims({
      articleId: 'c2',
      textSha: 'c2',
      source: source('c2'),
      entries: [entryFor(c, now, 'c2')],
      now,
    });
    expect(quiet).toMatchObject({
      newAlerts: [],
      corroborated: [noveltyKey(c)],
    });
    const loud = await store.recordClaims({
      articleId: 'c3',
      textSha: 'c3',
      source: source('c3'),
      entries: [entryFor(c, now, 'c3', ['ep_a'])],
      now,
    });
    expect(loud.newAlerts).toEqual([corroborationIdFor(noveltyKey(c), 'c3')]);
    const again = await store.recordClaims({
      articleId: 'c3',
      textSha: 'c3',
      source: source('c3'),
      entries: [entryFor(c, now, 'c3', ['ep_a'])],
      now,
    });
    expect(again).toMatchObject({
      newAlerts: loud.newAlerts,
      corroborated: [],
    });
    const alert = await store.getAlert(loud.newAlerts[0]!);
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
    const now = new Date();
    const c = { ...claim, value: 777 };
    const first = await store.recordClaims({
      articleId: 'r1',
      textSha: 'r1',
      source: source('r1'),
      entries: [entryFor(c, now, 'r1')],
      now,
    });
    const retry = await store.recordClaims({
      articleId: 'r1',
      textSha: 'r1',
      source: source('r1'),
      entries: [entryFor(c, now, 'r1')],
      now,
    });
    expect(retry.newAlerts).toEqual(first.newAlerts);
    expect(retry.corroborated).toEqual([]);
    const alerts = (await store.listAlerts()).filter(
      (a) => a.key === noveltyKey(c),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body.data.sources).toHaveLength(1);
  });

  it('an article with the same text as an earlier one is a duplicate and adds no corroboration', async () => {
    const now = new Date();
    const c = { ...claim, value: 4242 };
    await store.recordClaims({
      articleId: 'd1',
      textSha: 'same',
      source: source('d1'),
      entries: [entryFor(c, now)],
      now,
    });
    const dup = await store.recordClaims({
      articleId: 'd2',
      textSha: 'same',
      source: source('d2'),
      entries: [entryFor(c, now)],
      now,
    });
    expect(dup).toEqual({ duplicateOf: 'd1', newAlerts: [], corroborated: [] });
    const record = (await store.listClaims()).find(
      (r) => r.key === noveltyKey(c),
    );
    expect(record!.sources.map((s) => s.articleId)).toEqual(['d1']);
  });
});
