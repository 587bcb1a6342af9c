/**
 * The polling state of one feed and how each poll's outcome changes it.
 * Pure: the poll job passes the record, the outcome and the clock in.
 */

export type FeedState = 'active' | 'backing_off' | 'gone';

export interface FeedRecord {
  url: string;
  everyMs: number;
  addedAt: string;
  state: FeedState;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  consecutiveFailures: number;
  /** The earliest time of the next real poll (backoff or Retry-After). */
  nextPollAt: string | null;
  /** Validators and body hash for conditional GET. */
  etag: string | null;
  lastModified: string | null;
  bodySha: string | null;
  itemsEnqueued: number;
}

export interface FeedBackoffOptions {
  /** @defaultValue 24 h */
  maxBackoffMs?: number;
  /** A number in [0, 1) for the jitter; injectable for tests. @defaultValue Math.random */
  random?: () => number;
}

export type PollOutcome =
  | {
      kind: 'changed';
      etag: string | null;
      lastModified: string | null;
      bodySha: string;
      enqueued: number;
    }
  | { kind: 'unchanged'; etag?: string | null; lastModified?: string | null }
  | {
      kind: 'failed';
      code: string;
      message: string;
      retryable: boolean;
      retryAfterMs?: number;
    };

const DAY_MS = 24 * 3600 * 1000;

export function newFeedRecord(
  url: string,
  everyMs: number,
  now: Date,
): FeedRecord {
  return {
    url,
    everyMs,
    addedAt: now.toISOString(),
    state: 'active',
    lastPollAt: null,
    lastSuccessAt: null,
    lastError: null,
    lastErrorCode: null,
    consecutiveFailures: 0,
    nextPollAt: null,
    etag: null,
    lastModified: null,
    bodySha: null,
    itemsEnqueued: 0,
  };
}

/** Whether a scheduled poll should fetch now, or skip because the feed backs off or is gone. */
export function isPollDue(feed: FeedRecord, now: Date): boolean {
  if (feed.state === 'gone') return false;
  return (
    feed.nextPollAt === null || Date.parse(feed.nextPollAt) <= now.getTime()
  );
}

/**
 * Exponential backoff with full jitter over the poll interval: after n
 * failures in a row the next poll waits interval × 2^n, jittered into its
 * upper half, capped (24 h by default). A feed is never given up on for
 * failing; only a 410 stops it, and says so.
 */
export function backoffDelay(
  feed: Pick<FeedRecord, 'everyMs'>,
  failures: number,
  opts: FeedBackoffOptions = {},
): number {
  const cap = opts.maxBackoffMs ?? DAY_MS;
  const exp = Math.min(cap, feed.everyMs * 2 ** Math.min(failures, 30));
  const random = opts.random ?? Math.random;
  return Math.round(exp / 2 + (exp / 2) * random());
}

export function applyPollOutcome(
  feed: FeedRecord,
  outcome: PollOutcome,
  now: Date,
  opts: FeedBackoffOptions = {},
): FeedRecord {
  const at = now.toISOString();
  if (outcome.kind !== 'failed') {
    return {
      ...feed,
      state: 'active',
      lastPollAt: at,
      lastSuccessAt: at,
      lastError: null,
      lastErrorCode: null,
      consecutiveFailures: 0,
      nextPollAt: null,
      etag: outcome.etag === undefined ? feed.etag : outcome.etag,
      lastModified:
        outcome.lastModified === undefined
          ? feed.lastModified
          : outcome.lastModified,
      bodySha: outcome.kind === 'changed' ? outcome.bodySha : feed.bodySha,
      itemsEnqueued:
        feed.itemsEnqueued +
        (outcome.kind === 'changed' ? outcome.enqueued : 0),
    };
  }
  const failures = feed.consecutiveFailures + 1;
  const gone = outcome.code === 'http_gone';
  const wait = Math.max(
    backoffDelay(feed, failures, opts),
    outcome.retryAfterMs ?? 0,
  );
  return {
    ...feed,
    state: gone ? 'gone' : 'backing_off',
    lastPollAt: at,
    lastError: outcome.message,
    lastErrorCode: outcome.code,
    consecutiveFailures: failures,
    nextPollAt: gone
      ? null
      : new Date(
          now.getTime() + Math.min(wait, opts.maxBackoffMs ?? DAY_MS),
        ).toISOString(),
  };
}

/** When the next real poll happens, for `feed list`. */
export function nextPollTime(feed: FeedRecord, now: Date): string | null {
  if (feed.state === 'gone') return null;
  if (feed.nextPollAt !== null) return feed.nextPollAt;
  const last =
    feed.lastPollAt === null ? now.getTime() : Date.parse(feed.lastPollAt);
  return new Date(last + feed.everyMs).toISOString();
}
