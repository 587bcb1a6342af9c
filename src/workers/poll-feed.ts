import Parser from 'rss-parser';
import { canonicalizeUrl } from '../shared/canonical-url.js';
import { decodeText } from '../shared/decode-content.js';
import { StageError } from '../shared/errors.js';
import { Priority } from '../queues/names.js';
import { sha256 } from '../queues/store.js';
import { classifyHttpStatus, safeFetch } from '../net/safe-fetch.js';
import type { WorkerDeps } from './stage-worker.js';

const parser = new Parser();

/**
 * Fetch one feed and enqueue each item not seen before, once. Item identity:
 * guid, else the canonical link, else a hash of title and date.
 */
export async function pollFeed(deps: WorkerDeps, feedUrl: string): Promise<Record<string, unknown>> {
  const feed = await deps.store.getFeed(feedUrl);
  if (feed === null) return { feedUrl, skipped: 'feed removed' };
  const now = new Date().toISOString();
  try {
    const res = await safeFetch(feedUrl, {
      allowPrivateHosts: deps.config.allowPrivateHosts,
      userAgent: deps.config.userAgent,
    });
    const failure = classifyHttpStatus(res.status, res.headers, feedUrl);
    if (failure) throw failure;
    let parsed: Awaited<ReturnType<typeof parser.parseString>>;
    try {
      parsed = await parser.parseString(decodeText(res.body, { contentType: res.headers['content-type'] }));
    } catch (err) {
      throw new StageError(`fetch: ${feedUrl} is not a valid RSS or Atom feed (${(err as Error).message})`, 'not_html', false);
    }
    let enqueued = 0;
    for (const item of parsed.items) {
      const link = item.link ? new URL(item.link, res.url).toString() : null;
      if (link === null) continue;
      const itemId = item.guid ?? canonicalizeUrl(link) ?? sha256(`${item.title}|${item.isoDate}`);
      if (!(await deps.store.markFeedItem(feedUrl, itemId))) continue;
      try {
        await deps.queues.enqueue(
          'fetch',
          { kind: 'url', url: link, feedUrl, title: item.title, publishedAt: item.isoDate },
          { jobId: `url-${sha256(canonicalizeUrl(link)).slice(0, 32)}`, priority: Priority.url },
        );
      } catch (err) {
        await deps.store.unmarkFeedItem(feedUrl, itemId);
        throw err;
      }
      enqueued += 1;
    }
    await deps.store.putFeed({
      ...feed,
      lastPollAt: now,
      lastSuccessAt: now,
      lastError: null,
      lastErrorCode: null,
      consecutiveFailures: 0,
      itemsEnqueued: feed.itemsEnqueued + enqueued,
    });
    return { feedUrl, items: parsed.items.length, enqueued };
  } catch (err) {
    const e = err as StageError;
    await deps.store.putFeed({
      ...feed,
      lastPollAt: now,
      lastError: e.message,
      lastErrorCode: e.code ?? 'error',
      consecutiveFailures: feed.consecutiveFailures + 1,
    });
    throw err;
  }
}
