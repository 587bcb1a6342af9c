/**
 * Feed bytes → a small, uniform model of RSS 0.9x/2.0, RSS 1.0 (RDF), Atom
 * and JSON Feed documents. XML goes through rss-parser (xml2js/sax); JSON
 * Feed is read here. Every failure is a non-retryable `StageError`.
 */

import { createHash } from 'node:crypto';

import Parser from 'rss-parser';

import { canonicalizeUrl } from '../fetch/canonical-url.js';
import { inspectContent } from '../fetch/decode-content.js';
import { StageError } from '../errors.js';
import { decodeFeedText } from './encoding.js';
import { cleanLine, htmlToText, parseFeedDate } from './text.js';

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

// ---------------------------------------------------------------------------
// Bytes and sniffing

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

/** What precedes the root element, and the root element's name. */
interface Prolog {
  root: string | null;
  doctypeName: string | null;
  declaresEntities: boolean;
}

/**
 * Walk the XML prolog (declaration, comments, processing instructions,
 * DOCTYPE) with `indexOf`, so that junk before the root costs linear time.
 */
function scanProlog(text: string): Prolog {
  const out: Prolog = {
    root: null,
    doctypeName: null,
    declaresEntities: false,
  };
  let i = 0;
  const ws = /\s*/y;
  for (;;) {
    ws.lastIndex = i;
    ws.exec(text);
    i = ws.lastIndex;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return out;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return out;
      i = end + 3;
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const name = /^<!doctype\s+([^\s[>]+)/i.exec(text.slice(i, i + 200));
      out.doctypeName = name?.[1] ?? '';
      const gt = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      if (gt === -1) return out;
      if (bracket !== -1 && bracket < gt) {
        // Internal subset: up to "]" and the ">" after it.
        const close = text.indexOf(']', bracket);
        if (close === -1) return out;
        if (/<!ENTITY/i.test(text.slice(bracket, close))) {
          out.declaresEntities = true;
        }
        const end = text.indexOf('>', close);
        if (end === -1) return out;
        i = end + 1;
      } else {
        i = gt + 1;
      }
    } else {
      const root = /<([A-Za-z_][^\s/>]*)/y;
      root.lastIndex = i;
      out.root = root.exec(text)?.[1] ?? null;
      return out;
    }
  }
}

// ---------------------------------------------------------------------------
// XML feeds

/** Elements renamed before rss-parser sees them; we read them ourselves. */
const RENAMED: Readonly<Record<string, string>> = {
  // rss-parser strips markup from these with a regex that is quadratic on
  // hostile input (80 KB of "a<" takes 10 s): keep them away from it.
  description: 'troopwatch:description',
  'content:encoded': 'troopwatch:encoded',
  content: 'troopwatch:content',
  summary: 'troopwatch:summary',
  // rss-parser calls toISOString() on Atom dates unguarded: one bad date
  // would throw away the whole feed.
  published: 'troopwatch:published',
  updated: 'troopwatch:updated',
  // rss-parser reads `link.$.rel` unguarded (crashes on an Atom link without
  // attributes), and drops xml:base and isPermaLink-style details.
  link: 'troopwatch:link',
};

/** Raw xml2js nodes copied to rss-parser's output under these keys. */
const RAW_FIELDS = [
  ['$', 'rawAttrs'],
  ['troopwatch:link', 'rawLink'],
  ['troopwatch:description', 'rawDescription'],
  ['troopwatch:encoded', 'rawEncoded'],
  ['troopwatch:content', 'rawContent'],
  ['troopwatch:summary', 'rawSummary'],
  ['troopwatch:published', 'rawPublished'],
  ['troopwatch:updated', 'rawUpdated'],
  ['guid', 'rawGuid'],
] as const;

type RawKey = (typeof RAW_FIELDS)[number][1];
type RawRecord = Partial<Record<RawKey, unknown>> & Record<string, unknown>;

function makeParser(): Parser<RawRecord, RawRecord> {
  const raw = RAW_FIELDS.map(([from, to]) => [from, to, { keepArray: true }]);
  return new Parser<RawRecord, RawRecord>({
    // Version-less <rss> is common (uolNoticias); read it as 2.0.
    defaultRSS: 2,
    xml2js: {
      tagNameProcessors: [(name: string) => RENAMED[name] ?? name],
    },
    customFields: {
      feed: raw as never,
      item: raw as never,
    },
  });
}

/**
 * rss-parser keeps one xml2js parser per instance and resets it per call;
 * parsing is synchronous, so sharing one instance is safe.
 */
const xmlParser = makeParser();

/**
 * The root elements rss-parser understands, spelled exactly as it looks
 * them up (xml2js keeps prefixes; `<atom:feed>` or `<r:rss>` are rare and
 * not recognised).
 */
const FORMAT_BY_ROOT = new Map<string, ParsedFeed['format']>([
  ['rss', 'rss'],
  ['feed', 'atom'],
  ['rdf:RDF', 'rdf'],
]);

/** How long a parse may stay unsettled before we call it broken. */
const SETTLE_TIMEOUT_MS = 10_000;

async function parseXmlFeed(
  text: string,
  where: string,
  url: string | undefined,
): Promise<ParsedFeed> {
  const prolog = scanProlog(text);
  if (prolog.declaresEntities) {
    // sax does not expand DTD entities today (it fails on the undeclared
    // reference instead), but a billion-laughs document has no business in
    // a feed: refuse it before any parser sees it.
    throw malformed(where, 'its DOCTYPE declares entities, which are refused');
  }
  const root = prolog.root;
  if (root === null) throw notAFeed(where, 'no root element');
  const format = FORMAT_BY_ROOT.get(root);
  if (format === undefined) {
    // The root decides, not the DOCTYPE: feeds saved from a CMS sometimes
    // carry an XHTML DOCTYPE in front of <rss> (feedparser strips it too).
    const html =
      /^(?:html|head|body)$/i.test(root) ||
      prolog.doctypeName?.toLowerCase() === 'html';
    throw notAFeed(where, html ? 'an HTML page' : `root element <${root}>`);
  }

  let out: Parser.Output<RawRecord> & RawRecord;
  try {
    out = await settleWithin(xmlParser.parseString(text), SETTLE_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof StageError) throw err;
    // rss-parser builds its result only after xml2js has read the whole
    // document, so a TypeError from the builder means well-formed XML in a
    // shape it does not expect. <rss></rss> without a <channel> is an empty
    // feed (feedparser agrees); anything else is malformed.
    if (
      err instanceof TypeError &&
      format !== 'atom' &&
      !/<channel[\s>/]/.test(text)
    ) {
      return { format, title: null, link: null, items: [] };
    }
    if (err instanceof Error && /^Feed not recognized/.test(err.message)) {
      throw notAFeed(where, err.message);
    }
    throw malformed(where, describe(err), err);
  }

  const feedBase = resolveBase(url, out.rawAttrs);
  const items = (out.items ?? []).map((item) =>
    toFeedItem(item as RawRecord, format, feedBase),
  );
  return {
    format,
    title: textOf(out.title) || null,
    link: pickLink(out.rawLink, feedBase),
    items,
  };
}

function toFeedItem(
  item: RawRecord,
  format: ParsedFeed['format'],
  feedBase: string | undefined,
): FeedItem {
  const base = resolveBase(feedBase, item.rawAttrs);
  let guid = firstText(item.rawGuid) || null;
  if (guid === null && format === 'atom') guid = textOf(item.id) || null;
  if (guid === null && format === 'rdf') {
    guid = textOf(item['rdf:about']) || null;
  }
  let link = pickLink(item.rawLink, base);
  if (link === null && guid !== null && isPermaLink(item.rawGuid)) {
    // RSS 2.0: a guid is a permalink unless isPermaLink="false".
    link = httpUrl(guid, base);
  }
  const title = textOf(item.title) || null;
  const dateRaw =
    format === 'atom'
      ? firstText(item.rawPublished) || firstText(item.rawUpdated)
      : textOf(item.pubDate) || textOf(item.date);
  const summary =
    contentText(item.rawDescription) ||
    contentText(item.rawSummary) ||
    contentText(item.rawEncoded) ||
    contentText(item.rawContent) ||
    null;
  const publishedAt = parseFeedDate(dateRaw);
  return {
    id: feedItemId({ guid, link, title, publishedAt }),
    title,
    link,
    guid,
    publishedAt,
    summary,
  };
}

/**
 * Resolve with `promise`, or fail if it has not settled in time. xml2js
 * parses synchronously, so this only guards against a callback that is
 * never called; it cannot interrupt a busy parser (nothing can, in-thread).
 */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`parser did not finish in ${ms} ms`)),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------
// xml2js nodes → text

/** An element's attributes (xml2js keeps them under `$`). */
function attrsOf(node: unknown): Record<string, unknown> | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    return undefined;
  }
  const attrs = (node as Record<string, unknown>).$;
  return attrs !== null && typeof attrs === 'object'
    ? (attrs as Record<string, unknown>)
    : undefined;
}

/**
 * All character data under an xml2js node, in a stable (not document) order:
 * xml2js separates an element's text (`_`) from its children. Iterative, so
 * deeply nested junk cannot overflow the stack.
 */
function rawText(node: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (typeof cur === 'string') parts.push(cur);
    else if (typeof cur === 'number') parts.push(String(cur));
    else if (Array.isArray(cur)) {
      for (let i = cur.length - 1; i >= 0; i -= 1) stack.push(cur[i]);
    } else if (cur !== null && typeof cur === 'object') {
      const entries = Object.entries(cur as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, value] = entries[i]!;
        if (key !== '$') stack.push(value);
      }
    }
  }
  return parts.join(' ');
}

/** One line of plain text from a title-like value. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return htmlToText(rawText(value));
}

/** {@link textOf} of the first element of a keepArray field. */
function firstText(value: unknown): string {
  return Array.isArray(value) ? textOf(value[0]) : textOf(value);
}

/**
 * Plain text of a description / summary / content element. Atom `xhtml`
 * content is already markup-free after xml2js; `text` and `html` (and RSS,
 * which has no type) may carry escaped HTML.
 */
function contentText(value: unknown): string {
  const node = Array.isArray(value) ? value[0] : value;
  if (node === undefined || node === null) return '';
  if (attrsOf(node)?.type === 'xhtml') return cleanLine(rawText(node));
  return htmlToText(rawText(node));
}

function isPermaLink(rawGuid: unknown): boolean {
  const node = Array.isArray(rawGuid) ? rawGuid[0] : rawGuid;
  const flag = attrsOf(node)?.isPermaLink;
  return typeof flag !== 'string' || flag.trim().toLowerCase() !== 'false';
}

/**
 * The article link among an element's `<link>` children: Atom's
 * `rel="alternate"` (or rel-less) link, preferring `type="text/html"`, else
 * the text of an RSS `<link>`. Relative links resolve against `base` and
 * the link's own `xml:base`.
 */
function pickLink(raw: unknown, base: string | undefined): string | null {
  if (!Array.isArray(raw)) return null;
  let best: { url: string; score: number } | null = null;
  for (const node of raw) {
    const attrs = attrsOf(node);
    const href = attrs?.href;
    let url: string | null;
    let score: number;
    if (typeof href === 'string') {
      const rel = typeof attrs?.rel === 'string' ? attrs.rel.trim() : '';
      if (rel !== '' && rel !== 'alternate') continue;
      const ownBase = resolveBase(base, attrs);
      url = httpUrl(href, ownBase);
      const type = typeof attrs?.type === 'string' ? attrs.type : '';
      score = type === '' || /html/i.test(type) ? 2 : 1;
    } else {
      url = httpUrl(rawText(node), resolveBase(base, attrs));
      score = 2;
    }
    if (url !== null && (best === null || score > best.score)) {
      best = { url, score };
    }
  }
  return best?.url ?? null;
}

/** `base` updated by an element's `xml:base`, if it has one. */
function resolveBase(
  base: string | undefined,
  attrs: unknown,
): string | undefined {
  const record =
    attrs !== null && typeof attrs === 'object' && !Array.isArray(attrs)
      ? (attrs as Record<string, unknown>)
      : undefined;
  const xmlBase = record?.['xml:base'];
  if (typeof xmlBase !== 'string' || !xmlBase.trim()) return base;
  try {
    return new URL(xmlBase.trim(), base).href;
  } catch {
    return base;
  }
}

/** `raw` resolved against `base` if it is an http(s) URL, else null. */
function httpUrl(raw: string, base: string | undefined): string | null {
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

// ---------------------------------------------------------------------------
// JSON Feed

/** JSON Feed 1 and 1.x; early feeds used http: in the version URL. */
const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?$/;

function parseJsonFeed(
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

// ---------------------------------------------------------------------------
// Shared

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

function notAFeed(where: string, reason: string): StageError {
  return new StageError(
    `fetch: ${where} is not an RSS, Atom or JSON feed (${reason})`,
    'not_a_feed',
    false,
  );
}

function malformed(where: string, reason: string, cause?: unknown): StageError {
  return new StageError(
    `fetch: ${where} is a malformed feed (${reason})`,
    'malformed_feed',
    false,
    cause === undefined ? undefined : { cause },
  );
}

/** A one-line description of anything thrown (xml2js uses multi-line). */
function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split(/\r?\n/).join(', ').slice(0, 200);
}
