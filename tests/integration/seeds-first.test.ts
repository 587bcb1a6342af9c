import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { Store } from '../../src/queues/store/store.js';
import { runCli, testEnv } from '../helpers/cli.js';
import {
  FixtureServer,
  articlePage,
  rssFeed,
} from '../helpers/http-fixture.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

describe('seeds first', () => {
  const servers: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('finishes every seed before the first feed item starts, and feed items then raise their own alerts', async () => {
    const site = await new FixtureServer().start();
    servers.push(site);
    const links = [1, 2, 3].map((n) => `${site.origin}/news/${n}`);
    site.route(
      '/feed.xml',
      rssFeed(links.map((link, i) => ({ title: `Story ${i + 1}`, link }))),
      'application/rss+xml',
    );
    site.route(
      '/news/1',
      articlePage('Pyongyang sends more troops', [
        'North Korea has sent roughly 14,000 soldiers to Russia, according to the NIS.',
        'The figure was given to lawmakers in Seoul on Wednesday.',
      ]),
    );
    site.route(
      '/news/2',
      articlePage('Weather', [
        'It rained in Kursk on Tuesday, with 12 millimetres of rain.',
      ]),
    );
    site.route(
      '/news/3',
      articlePage('Analysis', [
        'Thousands of North Korean troops are thought to be in Kursk.',
      ]),
    );
    const secret = makeSecret();
    const receiver = await new WebhookReceiver(secret).start();
    servers.push(receiver);

    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: site.hostPort,
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: secret,
    });
    // The feed is registered before the first run, so its items compete with the seeds.
    expect(
      (await runCli(['feed', 'add', `${site.origin}/feed.xml`], env)).code,
    ).toBe(0);
    const run = await runCli(['run', '--once'], env);
    expect(run.code).toBe(0);

    const redis = new Redis(inject('redisUrl'));
    try {
      const store = new Store(redis, env.TROOPWATCH_REDIS_PREFIX!);
      const articles = await store.articles.list(100);
      const seeds = articles.filter((a) => a.origin === 'seed');
      expect(seeds).toHaveLength(5);
      const lastSeedDone = Math.max(
        ...seeds.map((a) => Date.parse(a.completedAt!)),
      );
      const firstItemRequest = Math.min(
        ...site.requests
          .filter((r) => r.path.startsWith('/news/'))
          .map((r) => r.at),
      );
      expect(
        site.requests.filter((r) => r.path.startsWith('/news/')),
      ).toHaveLength(3);
      expect(firstItemRequest).toBeGreaterThanOrEqual(lastSeedDone);
      // Seeds decided novelty in file-name order.
      const bySeq = [...seeds].sort((a, b) => a.seedSeq! - b.seedSeq!);
      expect(bySeq.map((a) => a.name)).toEqual(
        [...bySeq.map((a) => a.name)].sort(),
      );
    } finally {
      redis.disconnect();
    }

    // The web article's figure went through the whole pipeline.
    const web = receiver.received.find(
      (r) => r.key === 'KP|presence|soldiers|14000',
    );
    expect(web?.verified).toBe(true);
    expect(
      (web?.body.data as unknown as { article: { url: string } }).article.url,
    ).toBe(links[0]);
  });
});
