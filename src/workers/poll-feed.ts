import { canonicalizeUrl } from '../shared/fetch/canonical-url.js';
import { StageError, coerceError } from '../shared/errors.js';
import {
  applyPollOutcome,
  isPollDue,
  type FeedRecord,
  type PollOutcome,
} from '../shared/feed/health.js';
import { feedItemId, parseFeed } from '../shared/feed/parse.js';
import { Priority } from '../queues/names.js';
import { unscheduleFeed } from '../queues/feed-schedule.js';
import { sha256 } from '../queues/store/ids.js';
import { safeFetch } from '../shared/fetch/safe-fetch.js';
import type { WorkerDeps } from './stage-worker.js';

/** Media types a feed may come as; servers label feeds loosely, so text/* too. */
const FEED_TYPES = [
  'application/rss',
  'application/atom',
  'application/rdf',
  'application/xml',
  'application/json',
  'application/feed+json',
  'application/octet-stream',
  'text/',
];

/**
 * One poll of a registered feed: conditional GET (ETag, Last-Modified, and a
 * body hash for servers that ignore both), each new item enqueued once, and
 * the feed's health updated. A failing feed backs off instead of failing the
 * job; a 410 feed is stopped and shown so.
 */
export async function pollFeed(
  deps: WorkerDeps,
  feedUrl: string,
): Promise<Record<string, unknown>> {
  const feed = await deps.store.feeds.get(feedUrl);
  if (feed === null) return { feedUrl, skipped: 'feed removed' };
  const now = new Date();
  if (!isPollDue(feed, now))
    return { feedUrl, skipped: feed.state, nextPollAt: feed.nextPollAt };

  const outcome = await fetchAndEnqueue(deps, feed).catch(
    (thrown: unknown): PollOutcome => {
      const err = coerceError(thrown);
      return err instanceof StageError
        ? {
            kind: 'failed',
            code: err.code,
            message: err.message,
            retryable: err.retryable,
            retryAfterMs: err.retryAfterMs,
          }
        : {
            kind: 'failed',
            code: 'internal',
            message: err.message,
            retryable: true,
          };
    },
  );
  const updated = applyPollOutcome(feed, outcome, now);
  await deps.store.feeds.update(updated);
  if (updated.state === 'gone') {
    await unscheduleFeed(deps.queues, feedUrl);
    deps.logger.warn({ feedUrl }, 'Feed is gone (410): polling stopped');
  } else if (outcome.kind === 'failed') {
    deps.logger.warn(
      {
        feedUrl,
        code: outcome.code,
        failures: updated.consecutiveFailures,
        nextPollAt: updated.nextPollAt,
      },
      'Unable to poll feed',
    );
  }
  return {
    feedUrl,
    outcome: outcome.kind,
    ...(outcome.kind === 'changed' ? { enqueued: outcome.enqueued } : {}),
  };
}

async function fetchAndEnqueue(
  deps: WorkerDeps,
  feed: FeedRecord,
): Promise<PollOutcome> {
  const conditional: Record<string, string> = {};
  if (feed.etag) conditional['if-none-match'] = feed.etag;
  if (feed.lastModified) conditional['if-modified-since'] = feed.lastModified;
  const res = await safeFetch(feed.url, {
    allowPrivateHosts: deps.config.allowPrivateHosts,
    userAgent: deps.config.userAgent,
    accept: FEED_TYPES,
    headers: conditional,
  });
  // RFC 9110 13.1: a server that ignores both validators answers 200 with the same body.
  const validators = {
    etag: res.headers.etag ?? null,
    lastModified: res.headers['last-modified'] ?? null,
  };
  if (res.status === 304) return { kind: 'unchanged' };
  const bodySha = sha256(res.body);
  if (bodySha === feed.bodySha) return { kind: 'unchanged', ...validators };

  const parsed = await parseFeed(res.body, {
    contentType: res.headers['content-type'],
    url: res.url,
  });
  let enqueued = 0;
  for (const item of parsed.items) {
    if (item.link === null) continue;
    const itemId = item.id || feedItemId(item);
    if (!(await deps.store.feeds.markItem(feed.url, itemId))) continue;
    try {
      await deps.queues.enqueue(
        'fetch',
        {
          kind: 'url',
          url: item.link,
          feedUrl: feed.url,
          title: item.title ?? undefined,
          publishedAt: item.publishedAt ?? undefined,
        },
        {
          jobId: `url-${sha256(canonicalizeUrl(item.link)).slice(0, 32)}`,
          priority: Priority.url,
        },
      );
    } catch (err) {
      // Not enqueued: forget the item so that the next poll tries again.
      await deps.store.feeds.unmarkItem(feed.url, itemId);
      throw err;
    }
    enqueued += 1;
  }
  return { kind: 'changed', ...validators, bodySha, enqueued };
}
