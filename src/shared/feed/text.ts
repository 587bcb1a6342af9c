/**
 * Text helpers for feed fields: markup to plain text, HTML entities,
 * windows-1252 "smart quotes" stored as C1 controls, and feed dates. Every
 * function here is linear in its input: feed fields are attacker-controlled
 * and can be megabytes long, so no regex may backtrack over unbounded text.
 */

/**
 * windows-1252 for 0x80–0x9F. Feeds that were converted from windows-1252
 * as if it were ISO-8859-1 carry `’` as U+0092; no real text contains C1
 * controls, so mapping them back is safe (feedparser calls it "demoronize").
 */
const C1_AS_WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021' +
  '\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014' +
  '\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Named entities worth decoding in feed text. Not the full HTML table (2000+
 * names): these cover what news feeds actually use; unknown names are left
 * as they are rather than guessed.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  deg: '\u00b0',
  shy: '\u00ad',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  Auml: '\u00c4',
  Ouml: '\u00d6',
  Uuml: '\u00dc',
  szlig: '\u00df',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  ccedil: '\u00e7',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  times: '\u00d7',
  minus: '\u2212',
};

/** Map U+0080–U+009F to the windows-1252 characters they stand for. */
export function fixC1Controls(text: string): string {
  return text.replace(
    /[\u0080-\u009f]/g,
    (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]!,
  );
}

/**
 * Decode numeric and common named character references. Numeric references
 * to 0x80–0x9F mean windows-1252 (as in HTML); NUL, surrogates and
 * out-of-range numbers become U+FFFD.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Bounded quantifiers keep each attempt short however long the text.
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      if (cp >= 0x80 && cp <= 0x9f) return C1_AS_WINDOWS_1252[cp - 0x80]!;
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return '\ufffd';
      }
      return String.fromCodePoint(cp);
    },
  );
}

/** Elements whose boundaries separate words even without whitespace. */
const BREAKING_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Elements whose content is never text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template']);

/**
 * HTML (or text that may contain escaped HTML) → one line of plain text:
 * tags and comments dropped, `<script>`/`<style>` contents dropped, entities
 * decoded, C1 controls fixed, whitespace collapsed, trimmed. A `<` that does
 * not start a tag (`a < b`) is kept. Scans with `indexOf`, never a regex over
 * the markup, so hostile input such as a megabyte of `<` stays linear.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<')) return cleanLine(decodeEntities(html));
  const out: string[] = [];
  let i = 0;
  let skipUntil: string | null = null;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      if (skipUntil === null) out.push(html.slice(i));
      break;
    }
    if (skipUntil === null && lt > i) out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const name = tagName(html, lt);
    if (name === null) {
      // Not a tag: a literal "<" in text.
      if (skipUntil === null) out.push('<');
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) break; // an unterminated tag swallows the rest, as in HTML
    const closing = html[lt + 1] === '/';
    const lower = name.toLowerCase();
    if (skipUntil !== null) {
      if (closing && lower === skipUntil) skipUntil = null;
    } else if (!closing && SKIPPED_TAGS.has(lower)) {
      skipUntil = lower;
    } else if (BREAKING_TAGS.has(lower)) {
      out.push(' ');
    }
    i = gt + 1;
  }
  return cleanLine(decodeEntities(out.join('')));
}

/** The tag name at `lt` (a `<`), or null if no tag starts there. */
function tagName(html: string, lt: number): string | null {
  let i = lt + 1;
  if (html[i] === '/') i += 1;
  else if (html[i] === '!' || html[i] === '?') return '!';
  const start = i;
  // Tag names are short; 32 characters bound the scan.
  while (i < html.length && i - start < 32 && /[A-Za-z0-9:-]/.test(html[i]!)) {
    i += 1;
  }
  if (i === start || !/[A-Za-z]/.test(html[start]!)) return null;
  return html.slice(start, i);
}

/**
 * Characters whose windows-1252 byte is a UTF-8 continuation byte
 * (0x80–0xBF): U+00A0–U+00BF plus the windows-1252 picks for 0x80–0x9F.
 */
const CONT = `[\u00a0-\u00bf${C1_AS_WINDOWS_1252}]`;

/**
 * UTF-8 read as windows-1252 ("Ã¼" for "ü", "â€™" for "’"), but only the
 * two shapes that make up nearly all real mojibake: Latin-1 letters (lead
 * byte C2/C3) and the General Punctuation block (E2 80–81). A wider net
 * would eat genuine text: German "Gruß“" is, byte for byte, valid UTF-8.
 */
const MOJIBAKE_RE = new RegExp(
  `[\u00c2\u00c3]${CONT}|\u00e2[\u20ac\u0081]${CONT}`,
  'g',
);

const WINDOWS_1252_BYTE = new Map<string, number>(
  [...C1_AS_WINDOWS_1252].map((c, i) => [c, 0x80 + i]),
);

/** Undo UTF-8-as-windows-1252 double encoding; see {@link MOJIBAKE_RE}. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE_RE, (run) => {
    const bytes = Uint8Array.from(
      [...run].map((c) => WINDOWS_1252_BYTE.get(c) ?? c.charCodeAt(0)),
    );
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return run;
    }
  });
}

/**
 * Fix C1 controls and mojibake, collapse whitespace to single spaces, trim.
 */
export function cleanLine(text: string): string {
  return repairMojibake(fixC1Controls(text)).replace(/\s+/g, ' ').trim();
}

/**
 * Offsets for zone abbreviations that feeds use but `Date.parse` rejects.
 * V8 already knows UT, UTC, GMT, Z and the four US zones.
 */
const ZONES: Readonly<Record<string, string>> = {
  BST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  MEZ: '+0100',
  MESZ: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  IST: '+0530',
  KST: '+0900',
  JST: '+0900',
  HKT: '+0800',
  SGT: '+0800',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
};

/**
 * A feed date (RFC 822, RFC 3339, W3C-DTF, or whatever `Date.parse`
 * accepts) as ISO 8601 UTC, or null. V8's fallback parser happily reads
 * "Episode 2" as 1 February 2001, so a date needs at least two groups of
 * digits (day and year, or year and month) and a year in 1970–2199.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100 || !/\d\D+\d/.test(s)) return null;
  let t = Date.parse(s);
  if (Number.isNaN(t)) {
    const zone = /\s([A-Z]{2,4})$/.exec(s);
    const offset = zone ? ZONES[zone[1]!] : undefined;
    if (offset) t = Date.parse(`${s.slice(0, zone!.index)} ${offset}`);
  }
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  const year = date.getUTCFullYear();
  return year >= 1970 && year < 2200 ? date.toISOString() : null;
}
