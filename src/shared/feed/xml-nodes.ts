/**
 * xml2js nodes → plain text and links: element text and attributes, the
 * first of repeated elements, content that may be HTML, permalink guids,
 * and links resolved against `xml:base`.
 */
import { httpUrl } from './item.js';
import { cleanLine, htmlToText } from './text.js';

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
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return htmlToText(rawText(value));
}

/** {@link textOf} of the first element of a keepArray field. */
export function firstText(value: unknown): string {
  return Array.isArray(value) ? textOf(value[0]) : textOf(value);
}

/**
 * Plain text of a description / summary / content element. Atom `xhtml`
 * content is already markup-free after xml2js; `text` and `html` (and RSS,
 * which has no type) may carry escaped HTML.
 */
export function contentText(value: unknown): string {
  const node = Array.isArray(value) ? value[0] : value;
  if (node === undefined || node === null) return '';
  if (attrsOf(node)?.type === 'xhtml') return cleanLine(rawText(node));
  return htmlToText(rawText(node));
}

export function isPermaLink(rawGuid: unknown): boolean {
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
export function pickLink(
  raw: unknown,
  base: string | undefined,
): string | null {
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
export function resolveBase(
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
