import { describe, expect, it } from 'vitest';
import {
  applyPollOutcome,
  backoffDelay,
  isPollDue,
  newFeedRecord,
  nextPollTime,
} from '../../src/shared/feed/health.js';

const T0 = new Date('2026-11-21T12:00:00Z');
const MIN = 60_000;
const feed = newFeedRecord('https://example.org/rss', 10 * MIN, T0);
const fail = (code = 'http_5xx', retryAfterMs?: number) =>
  ({
    kind: 'failed',
    code,
    message: `fetch: ${code}`,
    retryable: true,
    retryAfterMs,
  }) as const;

describe('feed health', () => {
  it('backs off exponentially with jitter, capped at 24 h', () => {
    const mid = { random: () => 0.5 };
    expect(backoffDelay(feed, 1, mid)).toBe(15 * MIN);
    expect(backoffDelay(feed, 2, mid)).toBe(30 * MIN);
    expect(backoffDelay(feed, 5, mid)).toBe(240 * MIN);
    expect(backoffDelay(feed, 30, mid)).toBe(18 * 3600_000);
    expect(
      backoffDelay(feed, 30, { random: () => 0.999999 }),
    ).toBeLessThanOrEqual(24 * 3600_000);
    // Jitter spreads retries over the upper half of each step.
    expect(backoffDelay(feed, 3, { random: () => 0 })).toBe(40 * MIN);
    expect(backoffDelay(feed, 3, { random: () => 0.999 })).toBeCloseTo(
      80 * MIN,
      -4,
    );
  });

  it('a failure counts, shows its code and skips polls until the backoff is over; a success resets', () => {
    let f = applyPollOutcome(feed, fail(), T0, { random: () => 0 });
    expect(f).toMatchObject({
      state: 'backing_off',
      consecutiveFailures: 1,
      lastErrorCode: 'http_5xx',
    });
    expect(isPollDue(f, new Date(T0.getTime() + 5 * MIN))).toBe(false);
    expect(isPollDue(f, new Date(T0.getTime() + 10 * MIN))).toBe(true);
    for (let i = 0; i < 4; i++)
      f = applyPollOutcome(f, fail(), T0, { random: () => 0 });
    expect(f.consecutiveFailures).toBe(5);
    expect(nextPollTime(f, T0)).toBe(
      new Date(T0.getTime() + 160 * MIN).toISOString(),
    );
    const ok = applyPollOutcome(
      f,
      {
        kind: 'changed',
        etag: '"v2"',
        lastModified: null,
        bodySha: 'abc',
        enqueued: 3,
      },
      T0,
    );
    expect(ok).toMatchObject({
      state: 'active',
      consecutiveFailures: 0,
      lastError: null,
      etag: '"v2"',
      bodySha: 'abc',
      itemsEnqueued: 3,
      nextPollAt: null,
    });
  });

  it('honours Retry-After when it is longer than the backoff', () => {
    const f = applyPollOutcome(feed, fail('rate_limited', 3 * 3600_000), T0, {
      random: () => 0,
    });
    expect(f.nextPollAt).toBe(
      new Date(T0.getTime() + 3 * 3600_000).toISOString(),
    );
  });

  it('a 410 stops the feed for good and says so', () => {
    const f = applyPollOutcome(feed, fail('http_gone'), T0);
    expect(f.state).toBe('gone');
    expect(isPollDue(f, new Date(T0.getTime() + 365 * 24 * 3600_000))).toBe(
      false,
    );
    expect(nextPollTime(f, T0)).toBeNull();
  });

  it('an unchanged answer keeps the validators it did not replace', () => {
    const withEtag = {
      ...feed,
      etag: '"v1"',
      lastModified: 'Sat, 21 Nov 2026 10:00:00 GMT',
      bodySha: 'x',
    };
    const f = applyPollOutcome(withEtag, { kind: 'unchanged' }, T0);
    expect(f).toMatchObject({
      etag: '"v1"',
      bodySha: 'x',
      lastSuccessAt: T0.toISOString(),
    });
  });
});
