/**
 * Page metadata for the clean stage (title, byline, site name, publication
 * time, language, canonical URL, excerpt), read from the untouched document
 * before Readability rewrites it. Pure: no I/O.
 */

/** Metadata read from the page's markup; `null` when absent or invalid. */
export interface PageMetadata {
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
export function readMetadata(
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
export function isoDate(value: string | null | undefined): string | null {
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
export function langTag(value: string | null | undefined): string | null {
  const tag = value
    ?.trim()
    .split(/[,;\s]/)[0]
    ?.replace(/_/g, '-');
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

export function httpUrl(url: string | undefined): string | undefined {
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
export function clean(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}
