import { Priority } from './names.js';
import type { Queues } from './queues.js';
import type { FeedRecord } from './store/feeds.js';
import { sha256 } from './store/ids.js';

/**
 * The one place that registers feed polls: one BullMQ job scheduler per
 * feed, keyed by the feed URL's hash, so restarts never duplicate them.
 */
export function feedSchedulerId(url: string): string {
  return `feed-${sha256(url).slice(0, 24)}`;
}

/** Register (or update) the feed's scheduler; safe to call on every start. */
export async function scheduleFeed(
  queues: Queues,
  feed: Pick<FeedRecord, 'url' | 'everyMs' | 'state'>,
): Promise<void> {
  if (feed.state === 'gone') return;
  await queues.get('fetch').upsertJobScheduler(
    feedSchedulerId(feed.url),
    { every: feed.everyMs },
    {
      name: 'fetch',
      data: { kind: 'feed', feedUrl: feed.url },
      opts: {
        priority: Priority.url,
        attempts: 1,
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 100 },
      },
    },
  );
}

export async function unscheduleFeed(
  queues: Queues,
  url: string,
): Promise<void> {
  await queues.get('fetch').removeJobScheduler(feedSchedulerId(url));
}

/** A single poll now (for `run --once`), next to the schedule. */
export async function pollFeedOnce(
  queues: Queues,
  url: string,
  runId: string,
): Promise<void> {
  await queues.enqueue(
    'fetch',
    { kind: 'feed', feedUrl: url },
    {
      jobId: `poll-${sha256(url).slice(0, 24)}-${runId}`,
      priority: Priority.url,
      attempts: 1,
    },
  );
}
