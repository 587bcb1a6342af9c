import type { Config } from '../shared/config/config.js';
import {
  newFeedRecord,
  nextPollTime,
  type FeedRecord,
} from '../shared/feed/health.js';
import { formatDuration } from '../shared/config/duration.js';
import { UsageError } from '../shared/errors.js';
import type { Runtime } from '../queues/runtime.js';
import { scheduleFeed, unscheduleFeed } from '../queues/feed-schedule.js';
import { printListing, table } from './report.js';

export async function feedAdd(
  rt: Runtime,
  config: Config,
  url: string,
  everyMs?: number,
): Promise<void> {
  const existing = await rt.store.feeds.get(url);
  const every = everyMs ?? existing?.everyMs ?? config.feedIntervalMs;
  // Adding a feed again updates its interval and revives it if it was gone
  // or backing off; its remembered items stay, so nothing is enqueued twice.
  const feed: FeedRecord = existing
    ? {
        ...existing,
        everyMs: every,
        state: 'active',
        nextPollAt: null,
        consecutiveFailures: 0,
      }
    : newFeedRecord(url, every, new Date());
  await rt.store.feeds.put(feed);
  await scheduleFeed(rt.queues, feed);
  process.stdout.write(
    `${existing ? 'Updated' : 'Added'} feed ${url}, polled every ${formatDuration(feed.everyMs)}.\n`,
  );
}

export async function feedRemove(rt: Runtime, url: string): Promise<void> {
  const removed = await rt.store.feeds.remove(url);
  await unscheduleFeed(rt.queues, url);
  if (!removed)
    throw new UsageError(
      `feed: no feed ${url} (see troopwatch feed list)`,
      'input_missing',
    );
  process.stdout.write(`Removed feed ${url}.\n`);
}

export async function feedList(rt: Runtime, json?: boolean): Promise<void> {
  const now = new Date();
  const feeds = (await rt.store.feeds.list()).map((f) => ({
    ...f,
    nextPollAt: nextPollTime(f, now),
  }));
  printListing(feeds, {
    json,
    empty: 'No feeds. Add one with: troopwatch feed add <url>',
    render: (feeds) =>
      table([
        [
          'URL',
          'STATE',
          'EVERY',
          'LAST SUCCESS',
          'LAST ERROR',
          'NEXT POLL',
          'ITEMS',
        ],
        ...feeds.map((f) => [
          f.url,
          f.state === 'gone' ? 'gone (410): stopped' : f.state,
          formatDuration(f.everyMs),
          f.lastSuccessAt ?? 'never',
          f.lastErrorCode
            ? `${f.lastErrorCode} (${f.consecutiveFailures} in a row)`
            : '-',
          f.nextPollAt ?? '-',
          String(f.itemsEnqueued),
        ]),
      ]),
  });
}
