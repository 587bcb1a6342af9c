import { Priority } from './names.js';
import type { Runtime } from './runtime.js';
import { sha256, type FeedRecord } from './store.js';

/** One BullMQ job scheduler per feed, keyed by the feed URL's hash. */
export function feedSchedulerId(url: string): string {
  return `feed-${sha256(url).slice(0, 24)}`;
}

/** Register (or update) the feed's scheduler; safe to call on every start. */
export async function scheduleFeed(rt: Runtime, feed: Pick<FeedRecord, 'url' | 'everyMs'>): Promise<void> {
  await rt.queues.get('fetch').upsertJobScheduler(
    feedSchedulerId(feed.url),
    { every: feed.everyMs },
    {
      name: 'fetch',
      data: { kind: 'feed', feedUrl: feed.url },
      opts: { priority: Priority.url, attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
}

export async function unscheduleFeed(rt: Runtime, url: string): Promise<void> {
  await rt.queues.get('fetch').removeJobScheduler(feedSchedulerId(url));
}

/** A single poll now (for `run --once`), next to the schedule. */
export async function pollFeedOnce(rt: Runtime, url: string, runId: string): Promise<void> {
  await rt.queues.enqueue(
    'fetch',
    { kind: 'feed', feedUrl: url },
    { jobId: `poll-${sha256(url).slice(0, 24)}-${runId}`, priority: Priority.url, attempts: 1 },
  );
}
