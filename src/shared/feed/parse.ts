/**
 * Feed bytes → a small, uniform model of RSS 0.9x/2.0, RSS 1.0 (RDF), Atom
 * and JSON Feed documents (`item.ts`). XML goes through rss-parser
 * (`xml.ts`); JSON Feed is read by `json.ts`. Every failure is a
 * non-retryable `StageError`.
 */
import { inspectContent } from '../fetch/decode-content.js';
import { StageError } from '../errors.js';
import { decodeFeedText } from './encoding.js';
import {
  describe,
  malformed,
  notAFeed,
  type FeedItem,
  type ParsedFeed,
} from './item.js';
import { parseJsonFeed } from './json.js';
import { parseXmlFeed } from './xml.js';

export { feedItemId, type FeedItem, type ParsedFeed } from './item.js';

/** Options for {@link parseFeed}. */
export interface ParseFeedOptions {
  /**
   * The HTTP `Content-Type` header. Its charset beats the XML declaration;
   * a byte order mark beats both.
   * @defaultValue `undefined`
   */
  contentType?: string;
  /**
   * The feed's URL (after redirects): base for relative links, and named in
   * error messages.
   * @defaultValue `undefined` (relative links are dropped)
   */
  url?: string;
  /**
   * Keep at most this many items (the first ones in document order). Callers
   * also cap the body at 10 MB; this bounds the work done per item.
   * @defaultValue `500`
   */
  maxItems?: number;
}

/** Default for {@link ParseFeedOptions.maxItems}. */
export const DEFAULT_MAX_FEED_ITEMS = 500;

/**
 * Parse feed bytes.
 *
 * Items without a usable link are kept (the caller decides); links are
 * resolved against `xml:base` and `opts.url`, and anything that is not
 * http(s) becomes null.
 * @throws StageError `not_a_feed` for HTML, empty, binary or non-feed JSON
 * and XML documents; `malformed_feed` for broken XML or JSON and for XML
 * whose DOCTYPE declares entities. Never retryable.
 */
export async function parseFeed(
  bytes: Uint8Array,
  opts: ParseFeedOptions = {},
): Promise<ParsedFeed> {
  const where = opts.url ?? 'document';
  const maxItems = normalizeMax(opts.maxItems);
  try {
    const text = decodeChecked(bytes, opts.contentType, where);
    const first = /\S/.exec(text)?.[0];
    if (first === undefined) throw notAFeed(where, 'empty body');
    if (first === '{' || first === '[') {
      return limit(parseJsonFeed(text, where, opts.url), maxItems);
    }
    if (first !== '<') throw notAFeed(where, 'neither XML nor JSON');
    return limit(await parseXmlFeed(text, where, opts.url), maxItems);
  } catch (err) {
    if (err instanceof StageError) throw err;
    // Anything else is a bug or a parser corner we did not foresee: still a
    // bad document, never an unclassified crash of the worker.
    throw malformed(where, describe(err), err);
  }
}

function decodeChecked(
  bytes: Uint8Array,
  contentType: string | undefined,
  where: string,
): string {
  if (bytes.length === 0) throw notAFeed(where, 'empty body');
  const { kind, reason } = inspectContent(bytes);
  // Only magic numbers: a NUL byte is normal in UTF-16/32 feeds.
  if (kind === 'binary' && reason.startsWith('magic:')) {
    throw notAFeed(where, `binary content, ${reason}`);
  }
  return decodeFeedText(bytes, contentType ? { contentType } : {});
}

function limit(feed: ParsedFeed, maxItems: number): ParsedFeed {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    if (items.length >= maxItems) break;
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return { ...feed, items };
}

function normalizeMax(max: number | undefined): number {
  if (max === undefined || !Number.isFinite(max)) return DEFAULT_MAX_FEED_ITEMS;
  return Math.max(0, Math.floor(max));
}
