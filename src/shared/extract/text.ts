/**
 * Text helpers of the claim extractor: sentence spans and word tokens with
 * offsets into the original input. Both are single linear scans.
 */
import {
  DE_ORDINAL_PREFIXES,
  FORMATION_NOUN,
  MONTHS,
} from './number/lexicon.js';

/** A span of the input; `start`/`end` are JavaScript string offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A word or punctuation token; `lower` is the lower-cased text. */
export interface Token extends Span {
  text: string;
  lower: string;
  isWord: boolean;
}

// Abbreviations whose dot does not end a sentence (lower case, no dot).
const ABBREVIATIONS = new Set([
  'ca',
  'tsd',
  'mio',
  'mrd',
  'nr',
  'bzw',
  'dr',
  'prof',
  'st',
  'mr',
  'mrs',
  'ms',
  'gen',
  'lt',
  'col',
  'sgt',
  'vs',
  'etc',
  'z.b',
  'u.a',
  'd.h',
  'u.s',
  'no',
  'approx',
  'inkl',
  'ggf',
  'vgl',
  'abs',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'okt',
  'nov',
  'dec',
  'dez',
  'rep',
  'sen',
  'gov',
  'maj',
  'capt',
]);
const ABBREVIATION_MAX = Math.max(...[...ABBREVIATIONS].map((a) => a.length));
// Group 1 is a word (letters and digits, joined by inner hyphens,
// apostrophes, dots, commas and spaces of digit grouping); else punctuation.
const TOKEN_RE =
  /([\p{L}\p{M}\p{N}]+(?:[-'’.,\u00a0\u2009\u202f][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu;

/** Punctuation that ends a clause. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '–',
  '—',
  '(',
  ')',
  '"',
  '„',
  '“',
]);

// Character classes, per UTF-16 code unit, filled lazily from the same
// Unicode property escapes the regexes used: per-character regex tests were
// a bottleneck of the extractor.
const C_KNOWN = 1;
const C_L = 2;
const C_M = 4;
const C_N = 8;
const C_SPACE = 16;
const C_LU = 32;
const C_LL = 64;
const C_LMN = C_L | C_M | C_N;
const CLASSES = new Uint8Array(0x10000);

function computeClass(ch: string): number {
  let v = C_KNOWN;
  if (/^\p{L}$/u.test(ch)) v |= C_L;
  if (/^\p{M}$/u.test(ch)) v |= C_M;
  if (/^\p{N}$/u.test(ch)) v |= C_N;
  if (/^\s$/u.test(ch)) v |= C_SPACE;
  if (/^\p{Lu}$/u.test(ch)) v |= C_LU;
  if (/^\p{Ll}$/u.test(ch)) v |= C_LL;
  return v;
}

/** Classes of one UTF-16 code unit (a lone surrogate has none). */
export function unitClass(c: number): number {
  let v = CLASSES[c] as number;
  if (v === 0) {
    v = computeClass(String.fromCharCode(c));
    CLASSES[c] = v;
  }
  return v;
}

const ASTRAL = new Map<number, number>();

/** Classes of one code point. */
function pointClass(cp: number): number {
  if (cp < 0x10000) return unitClass(cp);
  let v = ASTRAL.get(cp);
  if (v === undefined) {
    v = computeClass(String.fromCodePoint(cp));
    ASTRAL.set(cp, v);
  }
  return v;
}

for (let c = 0; c < 128; c += 1) unitClass(c);

/** True for a code unit matched by `/\s/u`. */
export const isSpaceUnit = (c: number): boolean =>
  (unitClass(c) & C_SPACE) !== 0;
/** True for a code unit matched by `/[\p{L}\p{M}]/u`. */
export const isLetterUnit = (c: number): boolean =>
  (unitClass(c) & (C_L | C_M)) !== 0;

/** True for a code point matched by `/\p{L}/u`. */
export const isLetterPoint = (cp: number): boolean =>
  (pointClass(cp) & C_L) !== 0;

/** True for the characters of `CLOSERS`. */
function isCloser(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0xbb ||
    c === 0xab ||
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x29 ||
    c === 0x5d
  );
}

/** Splits `text` into sentence spans (newlines always end a sentence). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceUnit(text.charCodeAt(s))) s += 1;
    while (e > s && isSpaceUnit(text.charCodeAt(e - 1))) e -= 1;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      push(i);
      continue;
    }
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x2026) continue;
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j += 1;
    if (j < n && !isSpaceUnit(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && k - j < 8) {
      const d = text.charCodeAt(k);
      if (d !== 0x20 && d !== 0x09 && d !== 0xa0) break;
      k += 1;
    }
    // A lower-case continuation means the dot was not a full stop.
    if (k < n && (unitClass(text.charCodeAt(k)) & C_LL) !== 0) continue;
    if (c === 0x2e && isNonFinalDot(text, i, k)) continue;
    push(j);
    i = j - 1;
  }
  push(n);
  return out;
}

/** True when the dot at `i` belongs to an abbreviation, initial or date. */
function isNonFinalDot(text: string, i: number, next: number): boolean {
  let b = i;
  while (b > 0 && i - b < 12) {
    const c = text.charCodeAt(b - 1);
    if (c !== 0x2e && (unitClass(c) & (C_L | C_N)) === 0) break;
    b -= 1;
  }
  // Lower-casing never shortens a word: a longer one is no abbreviation,
  // initial or day number, and needs no lower-case copy.
  if (i - b > ABBREVIATION_MAX) return false;
  const word = text.slice(b, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // "J. Kirby", "John F. Kennedy" — but not "schrieb er auf X. Zugleich".
  if (/^\p{Lu}$/u.test(text.slice(b, i))) {
    const before = /(\p{L}+)[^\p{L}]*$/u.exec(
      text.slice(Math.max(0, b - 30), b),
    );
    return !before || /^\p{Lu}/u.test(before[1] ?? '');
  }
  if (/^\d{1,3}$/u.test(word)) {
    // "die russische 810. Marineinfanteriebrigade": a formation's number.
    const noun = /^[\p{L}]+/u.exec(text.slice(next, next + 40));
    if (noun && FORMATION_NOUN.test(noun[0].toLowerCase())) return true;
    // "24. Oktober" is a date, not a sentence end.
    const m = /^[\p{L}]+/u.exec(text.slice(next, next + 12));
    if (m && MONTHS.has(m[0].toLowerCase())) return true;
    // "aus dem 11. Korps", "zum 3. Mal": an article before makes an ordinal.
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, b - 12), b));
    if (before && DE_ORDINAL_PREFIXES.has((before[1] as string).toLowerCase()))
      return true;
  }
  return false;
}

/** Tokenizes a span with the token regex (any span, as `slice` reads it). */
function tokenizeByRegex(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const slice = text.slice(span.start, span.end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    const start = span.start + m.index;
    const t = m[0];
    // A word may open with a combining mark only after a letter, never at
    // a token start; group 1 therefore tells words from punctuation.
    out.push({
      start,
      end: start + t.length,
      text: t,
      lower: t.toLowerCase(),
      isWord:
        m[1] !== undefined && (t.charCodeAt(0) < 0x300 || !/^\p{M}/u.test(t)),
    });
  }
  return out;
}

/** True for the inner joiners of a word token (see `TOKEN_RE`). */
function isJoiner(c: number): boolean {
  return (
    c === 0x2d ||
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x2e ||
    c === 0x2c ||
    c === 0xa0 ||
    c === 0x2009 ||
    c === 0x202f
  );
}

/**
 * A lower-cased copy of `text` whose slices are the lower-cased slices of
 * `text`, or null when lower-casing depends on context or changes lengths
 * (final sigma, dotted capital I).
 */
export function lowerCopy(text: string): string | null {
  if (/[\u0130\u03a3]/u.test(text)) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

/**
 * Tokenizes a span of `text`; offsets stay those of the whole input. Does
 * what `TOKEN_RE` does, with code-unit tables instead of a regex; `lower`
 * is `lowerCopy(text)` when the caller has it.
 */
export function tokenize(
  text: string,
  span: Span,
  lower: string | null = null,
): Token[] {
  const start = span.start;
  const end = span.end;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start > end
  )
    return tokenizeByRegex(text, span);
  const out: Token[] = [];
  let p = start;
  while (p < end) {
    let c = text.charCodeAt(p);
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < end) {
      const d = text.charCodeAt(p + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const k = pointClass(c);
    if ((k & C_SPACE) !== 0) {
      p += w;
      continue;
    }
    let q = p + w;
    if ((k & C_LMN) !== 0) {
      q = skipWordChars(text, q, end);
      while (q + 1 < end && isJoiner(text.charCodeAt(q))) {
        const after = skipWordChars(text, q + 1, end);
        if (after === q + 1) break;
        q = after;
      }
    }
    const t = text.slice(p, q);
    out.push({
      start: p,
      end: q,
      text: t,
      lower: lower === null ? t.toLowerCase() : lower.slice(p, q),
      isWord: (k & C_LMN) !== 0 && (k & C_M) === 0,
    });
    p = q;
  }
  return out;
}

/** The end of the run of letters, marks and digits at `q` (before `end`). */
function skipWordChars(text: string, q: number, end: number): number {
  let r = q;
  while (r < end) {
    const c = text.charCodeAt(r);
    if (c < 0x80) {
      if ((unitClass(c) & C_LMN) === 0) return r;
      r += 1;
      continue;
    }
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && r + 1 < end) {
      const d = text.charCodeAt(r + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if ((pointClass(cp) & C_LMN) === 0) return r;
    r += w;
  }
  return r;
}

/** True when a token starts with a capital letter. */
export function isCapitalized(t: Token): boolean {
  const s = t.text;
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  if (c < 0xd800 || c > 0xdbff) return (unitClass(c) & C_LU) !== 0;
  return /^\p{Lu}/u.test(s);
}

/** Index of the first token that starts at or after `offset`. */
export function findTokenIndex(
  tokens: readonly Token[],
  offset: number,
): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
