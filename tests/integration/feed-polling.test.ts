import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  inject,
  it,
} from 'vitest';
import { loadConfig } from '../../src/shared/config/config.js';
import { newFeedRecord } from '../../src/shared/feed/health.js';
import { createLogger } from '../../src/shared/logger.js';
import {
  feedSchedulerId,
  scheduleFeed,
  unscheduleFeed,
} from '../../src/queues/feed-schedule.js';
import { HostGate } from '../../src/queues/host-gate.js';
import { NearDupIndex } from '../../src/queues/near-dup-index.js';
import { Queues } from '../../src/queues/queues.js';
import { RedisHealth } from '../../src/queues/redis-health.js';
import { Store } from '../../src/queues/store/store.js';
import { pollFeed } from '../../src/workers/poll-feed.js';
import type { WorkerDeps } from '../../src/workers/stage-worker.js';
import { closeServer, rssFeed } from '../helpers/http-fixture.js';
import { runCli, testEnv, waitFor } from '../helpers/cli.js';

/** A feed server whose behaviour the test changes between polls. */
class FeedServer {
  requests: Array<{ at: number; headers: IncomingMessage['headers'] }> = [];
  mode: 'ok' | 'fail' | 'gone' | 'ignore-validators' = 'ok';
  items = [1, 2, 3];
  private server: Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/feed.xml`;
  }

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      this.requests.push({ at: Date.now(), headers: req.headers });
      if (this.mode === 'fail') return res.writeHead(503).end();
      if (this.mode === 'gone') return res.writeHead(410).end();
      const body = rssFeed(
        this.items.map((n) => ({
          title: `Item ${n}`,
          link: `https://news.example/${n}`,
          guid: `item-${n}`,
        })),
      );
      const etag = `"v${this.items.length}"`;
      if (this.mode === 'ok' && req.headers['if-none-match'] === etag)
        return res.writeHead(304).end();
      const headers: Record<string, string> = {
        'content-type': 'application/rss+xml',
      };
      if (this.mode === 'ok') headers.etag = etag;
      res.writeHead(200, headers).end(body);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}

describe('feed polling against a local feed server', () => {
  let redis: Redis;
  let deps: WorkerDeps;
  let server: FeedServer;
  const prefix = `{tw-${randomUUID().slice(0, 8)}}`;

  beforeAll(async () => {
    redis = new Redis(inject('redisUrl'));
    server = await new FeedServer().start();
    const config = loadConfig({
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      TROOPWATCH_REDIS_PREFIX: prefix,
    });
    const logger = createLogger({ level: 'silent' });
    deps = {
      config,
      store: new Store(redis, prefix),
      queues: new Queues(redis, prefix, config),
      logger,
      health: new RedisHealth(logger, 'test redis'),
      connection: redis,
      hostGate: new HostGate(redis, prefix, {
        maxConcurrent: 2,
        minDelayMs: 0,
      }),
      nearDup: new NearDupIndex(redis, prefix),
      cleanPool: null,
    };
  });
  afterEach(async () => {
    await deps.queues.get('fetch').obliterate({ force: true });
    server.mode = 'ok';
    server.items = [1, 2, 3];
    server.requests = [];
  });
  afterAll(async () => {
    await deps.queues.close();
    await server.stop();
    redis.disconnect();
  });

  async function addFeed(everyMs: number): Promise<string> {
    const url = `${server.url}?case=${randomUUID().slice(0, 6)}`;
    await deps.store.feeds.put(newFeedRecord(url, everyMs, new Date()));
    return url;
  }
  const fetchJobs = async (): Promise<number> =>
    (await deps.queues.get('fetch').getJobCounts('prioritized', 'waiting'))
      .prioritized;

  it('three polls enqueue each item once; 304 and an unchanged body enqueue nothing', async () => {
    const url = await addFeed(60_000);
    await pollFeed(deps, url);
    expect(await fetchJobs()).toBe(3);
    await pollFeed(deps, url);
    await pollFeed(deps, url);
    expect(await fetchJobs()).toBe(3);
    // The second and third polls were conditional and answered 304.
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      '"v3"',
      '"v3"',
    ]);

    // A server that ignores validators: the body hash tells it is unchanged.
    server.mode = 'ignore-validators';
    const plain = await addFeed(60_000);
    await pollFeed(deps, plain);
    const before = (await deps.store.feeds.get(plain))!;
    await pollFeed(deps, plain);
    expect((await deps.store.feeds.get(plain))!.bodySha).toBe(before.bodySha);
    expect((await deps.store.feeds.get(plain))!.itemsEnqueued).toBe(3);

    // A new item appears: only it is enqueued.
    server.mode = 'ok';
    server.items = [1, 2, 3, 4];
    await pollFeed(deps, url);
    expect((await deps.store.feeds.get(url))!.itemsEnqueued).toBe(4);
  });

  it('a feed failing five times backs off, never gives up, and recovers when its server does', async () => {
    server.mode = 'fail';
    const url = await addFeed(20);
    // Poll as a scheduler would, often: polls inside the backoff are skipped.
    await waitFor(
      async () => {
        await pollFeed(deps, url);
        return (await deps.store.feeds.get(url))!.consecutiveFailures >= 5;
      },
      'five failures',
      20_000,
      10,
    );
    const failing = (await deps.store.feeds.get(url))!;
    expect(failing).toMatchObject({
      state: 'backing_off',
      lastErrorCode: 'http_5xx',
    });
    // Backoff doubled: the gaps between real requests grew.
    const times = server.requests.map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[gaps.length - 1]!).toBeGreaterThan(gaps[0]!);
    const requestsWhileBackingOff = server.requests.length;
    await pollFeed(deps, url);
    expect(server.requests.length).toBe(requestsWhileBackingOff);

    server.mode = 'ok';
    await waitFor(
      async () => {
        await pollFeed(deps, url);
        return (await deps.store.feeds.get(url))!.state === 'active';
      },
      'recovery',
      20_000,
      20,
    );
    expect((await deps.store.feeds.get(url))!).toMatchObject({
      consecutiveFailures: 0,
      lastErrorCode: null,
      itemsEnqueued: 3,
    });
  });

  it('one job scheduler per feed, however often it is registered', async () => {
    const url = await addFeed(60_000);
    const feed = (await deps.store.feeds.get(url))!;
    const fetchQueue = deps.queues.get('fetch');
    const before = await fetchQueue.getJobSchedulersCount();
    for (let i = 0; i < 3; i++) await scheduleFeed(deps.queues, feed);
    await scheduleFeed(deps.queues, { ...feed, everyMs: 120_000 });
    expect(await fetchQueue.getJobSchedulersCount()).toBe(before + 1);
    const [scheduler] = (await fetchQueue.getJobSchedulers()).filter(
      (s) => s.key === feedSchedulerId(url) || s.id === feedSchedulerId(url),
    );
    expect(scheduler?.every).toBe(120_000);
    await unscheduleFeed(deps.queues, url);
    expect(await fetchQueue.getJobSchedulersCount()).toBe(before);
  });

  it('a 410 feed is stopped and shown so', async () => {
    server.mode = 'gone';
    const url = await addFeed(20);
    await pollFeed(deps, url);
    expect((await deps.store.feeds.get(url))!).toMatchObject({
      state: 'gone',
      lastErrorCode: 'http_gone',
    });
    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_REDIS_PREFIX: prefix,
    });
    const listing = (await runCli(['feed', 'list'], env)).stdout;
    const row = listing.split('\n').find((line) => line.startsWith(url));
    expect(row).toMatch(/gone \(410\): stopped/);
    const requests = server.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    await pollFeed(deps, url);
    expect(server.requests.length).toBe(requests);
  });

  it('honours a 429 with Retry-After', async () => {
    const limited = createServer((_req, res) =>
      res.writeHead(429, { 'retry-after': '3600' }).end(),
    );
    await new Promise<void>((r) => limited.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}/feed.xml`;
      await deps.store.feeds.put(newFeedRecord(url, 1000, new Date()));
      await pollFeed(deps, url);
      const feed = (await deps.store.feeds.get(url))!;
      expect(feed.lastErrorCode).toBe('rate_limited');
      expect(Date.parse(feed.nextPollAt!) - Date.now()).toBeGreaterThan(
        3500_000,
      );
    } finally {
      await closeServer(limited);
    }
  });
});
