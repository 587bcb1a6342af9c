import type { Config } from '../shared/config.js';
import { formatDuration } from '../shared/duration.js';
import { UsageError } from '../shared/errors.js';
import type { Runtime } from '../queues/runtime.js';
import { scheduleFeed, unscheduleFeed } from '../queues/feed-schedule.js';
import { printListing, table } from './report.js';

export async function feedAdd(rt: Runtime, config: Config, url: string, everyMs?: number): Promise<void> {
  const existing = await rt.store.getFeed(url);
  const feed = {
    url,
    everyMs: everyMs ?? existing?.everyMs ?? config.feedIntervalMs,
    addedAt: existing?.addedAt ?? new Date().toISOString(),
    lastPollAt: existing?.lastPollAt ?? null,
    lastSuccessAt: existing?.lastSuccessAt ?? null,
    lastError: existing?.lastError ?? null,
    lastErrorCode: existing?.lastErrorCode ?? null,
    consecutiveFailures: existing?.consecutiveFailures ?? 0,
    itemsEnqueued: existing?.itemsEnqueued ?? 0,
  };
  await rt.store.putFeed(feed);
  await scheduleFeed(rt, feed);
  process.stdout.write(`${existing ? 'Updated' : 'Added'} feed ${url}, polled every ${formatDuration(feed.everyMs)}.\n`);
}

export async function feedRemove(rt: Runtime, url: string): Promise<void> {
  const removed = await rt.store.removeFeed(url);
  await unscheduleFeed(rt, url);
  if (!removed) throw new UsageError(`feed: no feed ${url} (see troopwatch feed list)`, 'input_missing');
  process.stdout.write(`Removed feed ${url}.\n`);
}

export async function feedList(rt: Runtime, json?: boolean): Promise<void> {
  printListing(await rt.store.listFeeds(), {
    json,
    empty: 'No feeds. Add one with: troopwatch feed add <url>',
    render: (feeds) =>
      table([
        ['URL', 'EVERY', 'LAST SUCCESS', 'LAST ERROR', 'ITEMS'],
        ...feeds.map((f) => [
          f.url,
          formatDuration(f.everyMs),
          f.lastSuccessAt ?? 'never',
          f.lastErrorCode ? `${f.lastErrorCode} (${f.consecutiveFailures}x)` : '-',
          String(f.itemsEnqueued),
        ]),
      ]),
  });
}
