/**
 * HTML → article text and metadata for the clean stage: jsdom (scripts never
 * run, nothing fetched) + Mozilla Readability, with a paragraph-collecting
 * fallback, then {@link cleanText}. Synchronous and free of I/O so it can be
 * moved into worker threads unchanged.
 *
 * Input size is not checked here: the fetch stage caps bodies at 10 MB, which
 * bounds jsdom's parse time and memory. Callers that bypass it must cap too.
 */

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

import { cleanText } from './clean-text.js';

/** The clean stage's output for one page. */
export interface CleanedArticle {
  /** Article body: paragraphs separated by a blank line, chrome removed. */
  text: string;
  title: string | null;
  /** Author name(s), comma-separated when there are several. */
  byline: string | null;
  siteName: string | null;
  /** Publication time as ISO 8601 UTC (`toISOString()`). */
  publishedAt: string | null;
  /** BCP 47 tag as declared by the page, e.g. `de` or `en-US`. */
  lang: string | null;
  /** Absolute http(s) URL of the canonical page, without fragment. */
  canonicalUrl: string | null;
  /** The page's own summary (og:description, meta description…). */
  excerpt: string | null;
}

/** Options for {@link cleanHtml}. */
export interface CleanHtmlOptions {
  /**
   * The URL the page was fetched from; relative canonical links resolve
   * against it. Ignored unless it is an absolute http(s) URL.
   * @defaultValue `undefined` (relative canonical URLs are dropped)
   */
  url?: string;
}

/**
 * Below this many characters Readability's text is treated as a miss and the
 * paragraph fallback gets a chance (Readability's own threshold is 500, but
 * it returns whatever it found best even below that).
 */
const MIN_ARTICLE_CHARS = 250;

/**
 * Extract the article text and metadata from an HTML document.
 *
 * Never executes scripts or loads subresources. Returns `text: ''` when
 * nothing article-like is found; deciding whether that is an error
 * (`article_missing`) is the caller's business.
 */
export function cleanHtml(
  html: string,
  opts: CleanHtmlOptions = {},
): CleanedArticle {
  const baseUrl = httpUrl(opts.url);
  const document = parse(html);
  // Readability rewrites the document it is given, so read metadata first.
  const meta = readMetadata(document, baseUrl);

  const article = readability(document);
  let text = article?.content ? renderText(article.content) : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    // Re-parse rather than clone up front: the fallback is the rare path.
    const fallback = fallbackText(parse(html));
    if (fallback.length > text.length) text = fallback;
  }

  return {
    text: cleanText(text),
    // Readability's title is `<title>` with the site name cut off.
    title: meta.title ?? clean(article?.title) ?? meta.documentTitle,
    byline: meta.byline ?? clean(article?.byline),
    siteName: meta.siteName ?? clean(article?.siteName),
    publishedAt: meta.publishedAt ?? isoDate(article?.publishedTime),
    lang: meta.lang ?? langTag(article?.lang),
    canonicalUrl: meta.canonicalUrl,
    excerpt: meta.excerpt ?? clean(article?.excerpt),
  };
}

function readability(document: Document) {
  try {
    return new Readability<Node>(document, {
      serializer: (node) => node,
    }).parse();
  } catch {
    // Readability on odd markup (or jsdom under it) can throw; the fallback
    // extractor still gets its turn.
    return null;
  }
}

/** One script-less window per thread, only used for its `DOMParser`. */
let parserWindow: DOMWindow | undefined;

/**
 * Parse with `DOMParser` rather than `new JSDOM(html)`: the document has no
 * browsing context, so scripts can never run (jsdom's default too), nothing
 * is fetched, and `<style>` blocks are not parsed into stylesheets, which is
 * both faster and avoids jsdom's CSS parser throwing on SCSS leftovers such
 * as `calc(($a - 1px))`. The bare VirtualConsole swallows jsdom's errors.
 */
function parse(html: string): Document {
  parserWindow ??= new JSDOM('', { virtualConsole: new VirtualConsole() })
    .window;
  const parser = new parserWindow.DOMParser();
  try {
    return parser.parseFromString(html, 'text/html');
  } catch (err) {
    // jsdom parses inline `style` attributes eagerly and its CSS value
    // parser throws on some malformed values, aborting the whole parse.
    const repaired = withoutBrokenStyles(html, parser);
    if (repaired === html) throw err;
    return parser.parseFromString(repaired, 'text/html');
  }
}

const STYLE_ATTR_RE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;

/** Blank out the inline `style` attributes that jsdom cannot parse. */
function withoutBrokenStyles(html: string, parser: DOMParser): string {
  const probe = parser.parseFromString('', 'text/html').createElement('div');
  const verdicts = new Map<string, boolean>();
  return html.replace(STYLE_ATTR_RE, (attr, _prefix: string, raw: string) => {
    let ok = verdicts.get(raw);
    if (ok === undefined) {
      try {
        probe.setAttribute('style', raw.replace(/^["']|["']$/g, ''));
        ok = true;
      } catch {
        ok = false;
      }
      verdicts.set(raw, ok);
    }
    return ok ? attr : ' style=""';
  });
}

// ---------------------------------------------------------------------------
// DOM → text

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);

/** Elements that end a line but not a paragraph. */
const LINE_TAGS = new Set(['br', 'tr']);

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'option',
  'textarea',
  'input',
  'button',
  'head',
  'title',
  'meta',
  'link',
]);

/**
 * Render a DOM subtree as plain text: block elements become paragraphs
 * (blank line), `<br>` and table rows a newline, table cells a space; other
 * whitespace collapses as in a browser, except inside `<pre>`.
 */
function renderText(root: Node, honourStyles = true): string {
  const out: string[] = [];
  walk(root, out, false, honourStyles);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(
  node: Node,
  out: string[],
  pre: boolean,
  honourStyles: boolean,
): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    const data = node.nodeValue ?? '';
    // Inside <pre> keep line breaks; elsewhere source newlines are spaces.
    out.push(pre ? data : data.replace(/[\n\r\t\f ]+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      walk(c, out, pre, honourStyles);
    }
    return;
  }
  const el = node as Element;
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || isHidden(el, honourStyles)) return;
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push('\n\n');
  const inPre = pre || tag === 'pre';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    walk(c, out, inPre, honourStyles);
  }
  if (block) out.push('\n\n');
  else if (LINE_TAGS.has(tag)) out.push('\n');
  else if (tag === 'td' || tag === 'th') out.push(' ');
}

function isHidden(el: Element, honourStyles: boolean): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = honourStyles ? el.getAttribute('style') : null;
  return (
    style !== null &&
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
  );
}

// ---------------------------------------------------------------------------
// Fallback when Readability finds nothing

/** Page furniture removed before collecting paragraphs. */
const FURNITURE_SELECTOR = [
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[aria-hidden="true"]',
].join(',');

const TEXT_BLOCK_SELECTOR =
  'p, h1, h2, h3, h4, h5, h6, blockquote, pre, li, dd, figcaption';

/**
 * Collect paragraph and heading text from the most specific content
 * container (`<article>` with the most text, else `<main>`, else `<body>`),
 * with navigation, header, footer, aside and scripts removed. When the
 * container has no text blocks at all (text straight in `<div>`s), render
 * the whole container instead.
 *
 * Inline `display:none` / `visibility:hidden` is ignored here: a page whose
 * content is hidden until its scripts run ("hide until hydrated") is exactly
 * the case where Readability, which drops invisible nodes, finds nothing.
 */
function fallbackText(document: Document): string {
  for (const el of document.querySelectorAll(FURNITURE_SELECTOR)) el.remove();
  const root = contentRoot(document);
  if (!root) return '';

  const blocks = [...root.querySelectorAll(TEXT_BLOCK_SELECTOR)].filter(
    // Outermost blocks only: a <p> inside an <li> is rendered with the <li>.
    (el) => !el.parentElement?.closest(TEXT_BLOCK_SELECTOR),
  );
  if (blocks.length === 0) return renderText(root, false);
  return blocks
    .map((el) => renderText(el, false))
    .filter(Boolean)
    .join('\n\n');
}

function contentRoot(document: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const article of document.querySelectorAll('article')) {
    const length = article.textContent?.trim().length ?? 0;
    if (length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  return (
    best ??
    document.querySelector('main, [role="main"]') ??
    document.body ??
    document.documentElement
  );
}

// ---------------------------------------------------------------------------
// Metadata

interface PageMetadata {
  title: string | null;
  /** Raw `<title>`, often with the site name appended. */
  documentTitle: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
}

/** schema.org types whose headline/date/author describe the article. */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
  'BlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
]);

type JsonObject = Record<string, unknown>;

/**
 * Metadata from the untouched document. Precedence per field: Open Graph /
 * `article:` meta tags, then JSON-LD (`NewsArticle` & co., including inside
 * `@graph`), then other meta conventions and markup (`<time datetime>`,
 * `<html lang>`).
 */
function readMetadata(
  document: Document,
  baseUrl: string | undefined,
): PageMetadata {
  const metas = metaIndex(document);
  const get = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = clean(metas.get(key));
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(document);

  const title =
    get('og:title') ??
    clean(str(ld?.headline)) ??
    clean(str(ld?.name)) ??
    get('twitter:title', 'dc.title', 'title');
  const documentTitle = clean(document.querySelector('title')?.textContent);

  const byline =
    authorNames(ld?.author) ??
    get('author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author');

  const siteName =
    get('og:site_name', 'application-name') ??
    clean(str(asObject(ld?.publisher)?.name));

  const publishedAt =
    isoDate(get('article:published_time')) ??
    isoDate(str(ld?.datePublished)) ??
    isoDate(
      get(
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'dc.date',
        'dc.date.issued',
        'dcterms.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
        'og:published_time',
      ),
    ) ??
    timeElementDate(document) ??
    isoDate(str(ld?.dateCreated));

  const lang =
    langTag(document.documentElement.getAttribute('lang')) ??
    langTag(document.documentElement.getAttribute('xml:lang')) ??
    langTag(get('content-language', 'dc.language', 'language')) ??
    langTag(get('og:locale')) ??
    langTag(str(ld?.inLanguage));

  const linkCanonical = document
    .querySelector('link[rel~="canonical" i][href]')
    ?.getAttribute('href');
  const canonicalUrl =
    absoluteUrl(linkCanonical, baseUrl) ??
    absoluteUrl(get('og:url'), baseUrl) ??
    absoluteUrl(str(ld?.url), baseUrl) ??
    absoluteUrl(str(asObject(ld?.mainEntityOfPage)?.['@id']), baseUrl);

  const excerpt =
    get('og:description', 'description', 'twitter:description') ??
    clean(str(ld?.description));

  return {
    title,
    documentTitle,
    byline,
    siteName,
    publishedAt,
    lang,
    canonicalUrl,
    excerpt,
  };
}

/**
 * `<meta>` content by lower-cased `property`, `name`, `itemprop` or
 * `http-equiv`; the first occurrence of a key wins.
 */
function metaIndex(document: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content') ?? '';
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      // `property` may hold several space-separated RDFa terms.
      for (const key of (meta.getAttribute(attr) ?? '').split(/\s+/)) {
        const k = key.toLowerCase();
        if (k && !index.has(k)) index.set(k, content);
      }
    }
  }
  return index;
}

/**
 * The first article-typed node across all JSON-LD blocks, looking through
 * arrays and `@graph`. Malformed blocks are skipped: JSON-LD is advisory.
 */
function jsonLdArticle(document: Document): JsonObject | undefined {
  const selector = 'script[type="application/ld+json" i]';
  for (const script of document.querySelectorAll(selector)) {
    const raw = (script.textContent ?? '')
      // CMSs wrap JSON-LD in CDATA or HTML comments to appease old parsers.
      .replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '')
      .trim();
    if (!raw) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const found = findArticleNode(data, 0);
    if (found) return found;
  }
  return undefined;
}

function findArticleNode(data: unknown, depth: number): JsonObject | undefined {
  // Bounded so a hostile, deeply nested blob cannot blow the stack.
  if (depth > 6) return undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticleNode(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = asObject(data);
  if (!obj) return undefined;
  const types = [obj['@type']].flat().filter((t) => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPES.has(t.replace(/^.*[/:#]/, '')))) {
    return obj;
  }
  return findArticleNode(obj['@graph'], depth + 1);
}

function authorNames(author: unknown): string | null {
  const names = [author]
    .flat()
    .map((a) => (typeof a === 'string' ? a : str(asObject(a)?.name)))
    .map((name) => clean(name))
    // Some sites put a profile URL where the name belongs.
    .filter((name): name is string => !!name && !/^https?:\/\//i.test(name));
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** The datetime of the most specific `<time>` that looks like publication. */
function timeElementDate(document: Document): string | null {
  const candidates = [
    'time[itemprop~="datePublished" i][datetime]',
    'time[pubdate][datetime]',
    'article time[datetime]',
    'time[datetime]',
  ];
  for (const selector of candidates) {
    const el = document.querySelector(selector);
    const date = isoDate(el?.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/**
 * Normalise a date string to ISO 8601 UTC. Timezone-less ISO timestamps and
 * German `dd.mm.yyyy[, HH:MM]` dates are read as UTC so the result does not
 * depend on the machine's timezone. Implausible years are rejected.
 */
function isoDate(value: string | null | undefined): string | null {
  const s = value?.trim();
  if (!s) return null;
  let date: Date;
  const german =
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[,\s]+(?:um\s+)?(\d{1,2}):(\d{2}))?/.exec(
      s,
    );
  if (german) {
    const [, d, m, y, hh = '0', mm = '0'] = german;
    date = new Date(Date.UTC(+y!, +m! - 1, +d!, +hh, +mm));
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(s)) {
    date = new Date(`${s}Z`);
  } else {
    date = new Date(s);
  }
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1990 || year > 2100) return null;
  return date.toISOString();
}

/** `de_DE` → `de-DE`; rejects values that are not language tags. */
function langTag(value: string | null | undefined): string | null {
  const tag = value?.trim().split(/[,;\s]/)[0]?.replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

function absoluteUrl(
  href: string | null | undefined,
  baseUrl: string | undefined,
): string | null {
  const h = href?.trim();
  if (!h) return null;
  try {
    const url = new URL(h, baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.href
      : undefined;
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Collapse whitespace; empty becomes null. */
function clean(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}
