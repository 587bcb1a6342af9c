/**
 * DOM-level removal of page chrome that Readability keeps inside the article
 * it picks: figures and captions, bylines and datelines, share/related/
 * newsletter boxes, galleries, link lists, teaser links and headings that
 * repeat the title. Every rule is generic (markup semantics, class/id
 * vocabulary, link density); none knows about particular sites.
 *
 * Captions go too: they describe a photo rather than report, often belong to
 * a file photo of an older event, and carry agency credits.
 */

/** Elements that are never part of the article text inside an article. */
const CHROME_TAGS = new Set([
  'figure',
  'figcaption',
  'header',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
]);

/**
 * Class/id words of chrome. Matched against the element's class and id split
 * into words (`c-byline__name` → `c byline name`, `shareBar` →
 * `share bar`), so `author` does not hit `authority` nor `nav` hit `canvas`.
 */
const CHROME_WORDS = new Set([
  // Photos
  'caption',
  'captions',
  'credit',
  'credits',
  'gallery',
  'slideshow',
  'slide',
  // Article furniture
  'byline',
  'bylines',
  'author',
  'authors',
  'bio',
  'dateline',
  'timestamp',
  'date',
  'time',
  'headline',
  'dek',
  'print',
  // Widgets and teasers
  'related',
  'share',
  'sharing',
  'social',
  'newsletter',
  'signup',
  'subscribe',
  'subscription',
  'promo',
  'comments',
  // Navigation
  'breadcrumb',
  'breadcrumbs',
  'nav',
  'navbar',
  'topnav',
  'subnav',
  'menu',
  'header',
  'footer',
]);

/**
 * A container holding at least this share of the article's text is never
 * removed: class names on wrappers are unreliable ("article-meta-wrapper"
 * around the whole story).
 */
const MAX_REMOVED_SHARE = 0.3;

/** Link-text share above which a list is navigation or "related" links. */
const LIST_LINK_DENSITY = 0.5;

/**
 * A list of links needs this many items: a single linked item is a call to
 * action inside the text ("Get it at …"), a list of links is navigation.
 */
const MIN_LINK_LIST_ITEMS = 2;

/** Link-text share above which a short paragraph is a teaser link. */
const PARAGRAPH_LINK_DENSITY = 0.9;

/** Longest paragraph that can be dropped as a teaser link. */
const MAX_TEASER_CHARS = 150;

/**
 * Remove chrome from the article subtree `root` in place. `title` is the
 * page's headline, so headings repeating it can go.
 */
export function pruneArticle(root: Element, title: string | null): void {
  const total = textLength(root);
  const small = (el: Element) => textLength(el) < total * MAX_REMOVED_SHARE;
  const normTitle = title ? normalise(title) : '';

  const remove: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    // Descendants of a removed element are skipped: they go with it.
    if (remove.some((r) => r.contains(el))) continue;
    if (isChrome(el, normTitle) && small(el)) remove.push(el);
  }
  for (const el of remove) el.remove();
}

function isChrome(el: Element, normTitle: string): boolean {
  const tag = el.localName;
  if (CHROME_TAGS.has(tag)) return true;
  if (hintWords(el).some((w) => CHROME_WORDS.has(w))) return true;
  if (/^h[1-6]$/.test(tag)) {
    return normTitle !== '' && normalise(el.textContent ?? '') === normTitle;
  }
  if (tag === 'ul' || tag === 'ol') {
    return (
      el.querySelectorAll('li').length >= MIN_LINK_LIST_ITEMS &&
      linkDensity(el) > LIST_LINK_DENSITY
    );
  }
  if (tag === 'p') {
    // Only whole paragraphs: an inline link-only span is part of a sentence.
    const len = textLength(el);
    return (
      len > 0 &&
      len < MAX_TEASER_CHARS &&
      linkDensity(el) > PARAGRAPH_LINK_DENSITY
    );
  }
  return false;
}

function hintWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkDensity(el: Element): number {
  const len = textLength(el);
  if (len === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += textLength(a);
  return links / len;
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
