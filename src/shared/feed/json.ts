/**
 * JSON Feed 1 and 1.x, read straight from `JSON.parse` into the feed model.
 */
import {
  describe,
  feedItemId,
  httpUrl,
  malformed,
  notAFeed,
  type FeedItem,
  type ParsedFeed,
} from './item.js';
import { cleanLine, htmlToText, parseFeedDate } from './text.js';

/** JSON Feed 1 and 1.x; early feeds used http: in the version URL. */
const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?$/;

export function parseJsonFeed(
  text: string,
  where: string,
  url: string | undefined,
): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw malformed(where, `invalid JSON: ${describe(err)}`, err);
  }
  const feed = isRecord(doc) ? doc : undefined;
  const version = typeof feed?.version === 'string' ? feed.version : '';
  if (!feed || !JSON_FEED_VERSION.test(version)) {
    throw notAFeed(where, 'JSON without a JSON Feed version');
  }
  const base = url;
  const rawItems = Array.isArray(feed.items) ? feed.items : [];
  const items: FeedItem[] = [];
  for (const raw of rawItems) {
    if (!isRecord(raw)) continue;
    const guid =
      typeof raw.id === 'string' || typeof raw.id === 'number'
        ? String(raw.id).trim() || null
        : null;
    const link =
      httpUrl(str(raw.url), base) ?? httpUrl(str(raw.external_url), base);
    const title = htmlToText(str(raw.title)) || null;
    const publishedAt =
      parseFeedDate(str(raw.date_published)) ??
      parseFeedDate(str(raw.date_modified));
    const summary =
      cleanLine(str(raw.summary)) ||
      cleanLine(str(raw.content_text)) ||
      htmlToText(str(raw.content_html)) ||
      null;
    items.push({
      id: feedItemId({ guid, link, title, publishedAt }),
      title,
      link,
      guid,
      publishedAt,
      summary,
    });
  }
  return {
    format: 'json',
    title: cleanLine(str(feed.title)) || null,
    link: httpUrl(str(feed.home_page_url), base),
    items,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
