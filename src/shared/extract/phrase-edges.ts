/**
 * Edges of a source phrase: dates that end it ("on 23 October the
 * Pentagon confirmed") and quote marks it passes through ("die «Neue
 * Zürcher Zeitung» schreibt").
 */
import { MONTHS } from './number/lexicon.js';
import { isCapitalized, type Token } from './text.js';

const OPENING_QUOTES = new Set(['«', '»', '„', '“', '"']);
const CLOSING_QUOTES = new Set(['»', '«', '“', '”', '"']);

/**
 * True when the token at `k` is a quote mark around a name: an opening
 * one before a capitalised word, a closing one after it ("die «Neue
 * Zürcher Zeitung»", "the „Tagesspiegel“").
 */
export function isNameQuote(toks: readonly Token[], k: number): boolean {
  const t = toks[k] as Token;
  const next = toks[k + 1];
  const prev = toks[k - 1];
  if (
    OPENING_QUOTES.has(t.text) &&
    next?.isWord &&
    isCapitalized(next) &&
    next.start === t.end
  )
    return true;
  return (
    CLOSING_QUOTES.has(t.text) &&
    prev !== undefined &&
    prev.isWord &&
    isCapitalized(prev) &&
    prev.end === t.start
  );
}

// Words before a month that make it a date, not a name ("Theresa May").
const DATE_OPENERS =
  /^(?:in|on|im|am|seit|since|by|late|early|mid|ende|anfang|mitte|until|bis|of)$/u;

/** True when token `k` is a month of a date ("4 November", "im Oktober"). */
export function isDateMonth(toks: readonly Token[], k: number): boolean {
  if (!MONTHS.has((toks[k] as Token).lower)) return false;
  // "4 November", "am 5. November": a day before the month.
  const before = toks[k - 1]?.text === '.' ? toks[k - 2] : toks[k - 1];
  return (
    before !== undefined &&
    (/^\d/u.test(before.text) || DATE_OPENERS.test(before.lower))
  );
}

/**
 * The token after a date that opens a clause at `i` ("im Dezember", "am
 * 5. November", "on 4 November 2024"), or `i` when none does.
 */
export function skipDate(toks: readonly Token[], i: number): number {
  if (!DATE_OPENERS.test(toks[i]?.lower ?? '')) return i;
  for (let k = i + 1; k <= i + 3 && k < toks.length; k += 1) {
    if (!isDateMonth(toks, k)) continue;
    return /^\d{4}$/u.test(toks[k + 1]?.text ?? '') ? k + 2 : k + 1;
  }
  return i;
}
