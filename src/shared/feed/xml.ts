/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom through rss-parser (xml2js/sax): the
 * prolog is checked first (no entity declarations, a known root element),
 * then the parser's output and the raw nodes it keeps are read into the
 * feed model (`xml-nodes.ts`).
 */
import Parser from 'rss-parser';

import { StageError } from '../errors.js';
import {
  describe,
  feedItemId,
  httpUrl,
  malformed,
  notAFeed,
  type FeedItem,
  type ParsedFeed,
} from './item.js';
import { parseFeedDate } from './text.js';
import {
  contentText,
  firstText,
  isPermaLink,
  pickLink,
  resolveBase,
  textOf,
} from './xml-nodes.js';

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

export async function parseXmlFeed(
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
