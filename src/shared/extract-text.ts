/**
 * Text helpers of the claim extractor: sentence spans and word tokens with
 * offsets into the original input. Both are single linear scans.
 */
import { MONTHS } from './lexicon-numbers.js';

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
const CLOSERS = new Set(['"', '“', '”', '»', '«', "'", '’', ')', ']']);
// Group 1 is a word (letters and digits, joined by inner hyphens,
// apostrophes, dots, commas and spaces of digit grouping); else punctuation.
const TOKEN_RE =
  /([\p{L}\p{M}\p{N}]+(?:[-'’.,\u00a0\u2009\u202f][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu;
const LOWER_RE = /\p{Ll}/u;

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

/** Splits `text` into sentence spans (newlines always end a sentence). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.has(text[j] ?? '')) j += 1;
    if (j < text.length && !/\s/u.test(text[j] ?? '')) continue;
    let k = j;
    while (k < text.length && k - j < 8 && /[ \t\u00a0]/u.test(text[k] ?? ''))
      k += 1;
    // A lower-case continuation means the dot was not a full stop.
    if (LOWER_RE.test(text[k] ?? '')) continue;
    if (c === '.' && isNonFinalDot(text, i, k)) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** True when the dot at `i` belongs to an abbreviation, initial or date. */
function isNonFinalDot(text: string, i: number, next: number): boolean {
  let b = i;
  while (b > 0 && i - b < 12 && /[\p{L}\p{N}.]/u.test(text[b - 1] ?? ''))
    b -= 1;
  const word = text.slice(b, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // "J. Kirby", "John F. Kennedy" — but not "schrieb er auf X. Zugleich".
  if (/^\p{Lu}$/u.test(text.slice(b, i))) {
    const before = /(\p{L}+)[^\p{L}]*$/u.exec(
      text.slice(Math.max(0, b - 30), b),
    );
    return !before || /^\p{Lu}/u.test(before[1] ?? '');
  }
  if (/^\d{1,2}$/u.test(word)) {
    // "24. Oktober" is a date, not a sentence end.
    const m = /^[\p{L}]+/u.exec(text.slice(next, next + 12));
    if (m && MONTHS.has(m[0].toLowerCase())) return true;
  }
  return false;
}

/** Tokenizes a span of `text`; offsets stay those of the whole input. */
export function tokenize(text: string, span: Span): Token[] {
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

/** True when a token starts with a capital letter. */
export function isCapitalized(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
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
