/**
 * The feed model every format is read into (`FeedItem`, `ParsedFeed`), the
 * identity of an item across polls, and what the format readers share: link
 * resolution and the two classified errors of a bad document.
 */
import { createHash } from 'node:crypto';

import { canonicalizeUrl } from '../fetch/canonical-url.js';
import { StageError } from '../errors.js';

/** One entry of a feed. */
export interface FeedItem {
  /** Stable identity across polls; see {@link feedItemId}. */
  id: string;
  /** Plain text (markup stripped, whitespace collapsed), or null. */
  title: string | null;
  /** Absolute http(s) URL of the article, or null. */
  link: string | null;
  /** RSS `guid`, Atom `id`, RDF `rdf:about` or JSON Feed `id`, trimmed. */
  guid: string | null;
  /** ISO 8601 UTC. */
  publishedAt: string | null;
  /** Plain text of the description / summary / content, or null. */
  summary: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** The site's home page (absolute http(s)), or null. */
  link: string | null;
  /** In document order, duplicates (same {@link FeedItem.id}) dropped. */
  items: FeedItem[];
}

/**
 * The identity of an item, stable across polls: the guid if present
 * (trimmed, non-empty), else the canonical link, else `sha256:` and the hex
 * digest of the whitespace-collapsed title and the date.
 */
export function feedItemId(item: {
  guid?: string | null;
  link?: string | null;
  title?: string | null;
  publishedAt?: string | null;
}): string {
  const guid = item.guid?.trim();
  if (guid) return guid;
  const link = item.link?.trim();
  if (link) return canonicalizeUrl(link);
  const title = (item.title ?? '').replace(/\s+/g, ' ').trim();
  const digest = createHash('sha256')
    .update(`${title}\n${item.publishedAt ?? ''}`)
    .digest('hex');
  return `sha256:${digest}`;
}

/** `raw` resolved against `base` if it is an http(s) URL, else null. */
export function httpUrl(raw: string, base: string | undefined): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const url = new URL(s, base);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

export function notAFeed(where: string, reason: string): StageError {
  return new StageError(
    `fetch: ${where} is not an RSS, Atom or JSON feed (${reason})`,
    'not_a_feed',
    false,
  );
}

export function malformed(
  where: string,
  reason: string,
  cause?: unknown,
): StageError {
  return new StageError(
    `fetch: ${where} is a malformed feed (${reason})`,
    'malformed_feed',
    false,
    cause === undefined ? undefined : { cause },
  );
}

/** A one-line description of anything thrown (xml2js uses multi-line). */
export function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split(/\r?\n/).join(', ').slice(0, 200);
}
