/**
 * HTML → article text and metadata for the clean stage: jsdom (scripts never
 * run, nothing fetched) + Mozilla Readability, chrome pruned from the
 * article Readability picks (`prune.ts`), with a paragraph-collecting
 * fallback, then {@link cleanText}. Synchronous and free of I/O so it can be
 * moved into worker threads unchanged.
 *
 * Input size is not checked here: the fetch stage caps bodies at 10 MB, which
 * bounds jsdom's parse time and memory. Callers that bypass it must cap too.
 */

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

import { clean, httpUrl, isoDate, langTag, readMetadata } from './metadata.js';
import { pruneArticle } from './prune.js';
import { renderText } from './render.js';
import { cleanText } from './text.js';

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
  const { meta, article, text } = withDocument(html, (document) => {
    // Readability rewrites the document it is given, so read metadata first.
    const meta = readMetadata(document, baseUrl);
    const article = readability(document);
    let text = '';
    if (article?.content) {
      const content = article.content as Element;
      pruneArticle(content, meta.title ?? clean(article.title));
      text = renderText(content);
    }
    return { meta, article, text };
  });
  let body = text;
  if (body.length < MIN_ARTICLE_CHARS) {
    // Re-parse rather than clone up front: the fallback is the rare path.
    const fallback = withDocument(html, fallbackText);
    if (fallback.length > body.length) body = fallback;
  }

  const siteName = meta.siteName ?? clean(article?.siteName);
  return {
    text: cleanText(body),
    // Readability's title is `<title>` with the site name cut off, but only
    // when its heuristics are sure; the known site name is cut off here too.
    title: withoutSiteName(
      meta.title ?? clean(article?.title) ?? meta.documentTitle,
      siteName,
    ),
    byline: meta.byline ?? clean(article?.byline),
    siteName,
    publishedAt: meta.publishedAt ?? isoDate(article?.publishedTime),
    lang: meta.lang ?? langTag(article?.lang),
    canonicalUrl: meta.canonicalUrl,
    excerpt: meta.excerpt ?? clean(article?.excerpt),
  };
}

/**
 * Parse `html`, hand the document to `use`, then empty it. Emptying is what
 * frees it: jsdom (29.x) files every element with an `id` or `name` of every
 * document its window parses as a named property of that window, and
 * forgets an element only when it leaves its document. A parsed page never
 * did, so each one stayed reachable from the thread's window for good
 * (about 2.5 MB a page, until the thread ran out of heap).
 */
function withDocument<T>(html: string, use: (document: Document) => T): T {
  const document = parse(html);
  try {
    return use(document);
  } finally {
    document.replaceChildren();
  }
}

function readability(document: Document) {
  try {
    return new Readability<Node>(document, {
      serializer: (node) => node,
      // Class names are hints for pruneArticle.
      keepClasses: true,
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
  parserWindow ??= createParserWindow();
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

/**
 * The thread's parser window. Its `addEventListener` is a no-op: jsdom's
 * selector engine, created for each document that runs `querySelector`,
 * registers focus, key and mouse listeners on the document's window and
 * never removes them, so every parsed page stayed reachable from the window
 * through them. No script runs here and no event is ever dispatched, so
 * nothing listens for anything.
 */
function createParserWindow(): DOMWindow {
  const window = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
  window.addEventListener = () => undefined;
  return window;
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

/** "Headline | Site" or "Headline – Site" → "Headline", when Site is known. */
function withoutSiteName(
  title: string | null,
  siteName: string | null,
): string | null {
  if (title === null || siteName === null) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, 'iu'), '')
    .trim();
  return stripped === '' ? title : stripped;
}
