/**
 * DOM → plain text for extracted articles: block elements become paragraphs,
 * `<br>` and table rows line breaks, whitespace collapses as in a browser.
 */

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
export function renderText(root: Node, honourStyles = true): string {
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
