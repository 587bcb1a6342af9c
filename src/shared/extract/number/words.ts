/**
 * Spelled-out numbers of the number grammar: German compounds
 * ("dreitausendfünfhundert", "anderthalb") and English sequences ("two
 * thousand five hundred", "a dozen", "a couple of"), plus a scale word after
 * a spelled number ("zwei Millionen").
 */
import { readWord, readWordBefore, skipSpaces } from './chars.js';
import type { RawNumber } from './types.js';
import {
  DE_MORPHEMES,
  EN_MULTIPLIERS,
  EN_SMALL_NUMBERS,
  SCALE_WORDS,
} from './lexicon.js';

/** Parses one German number word such as "dreitausendfünfhundert". */
export function parseGermanNumberWord(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length > 60) return null;
  let i = 0;
  let total = 0;
  let current = 0;
  let parts = 0;
  let last: number | 'und' | null = null;
  while (i < w.length) {
    const hit = DE_MORPHEMES.find(([m]) => w.startsWith(m, i));
    if (!hit) return null;
    const [m, v] = hit;
    i += m.length;
    parts += 1;
    if (v === 'und') {
      if (last === null || last === 'und') return null;
    } else if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += v;
    last = v;
  }
  // A bare "ein"/"eins" is an article or pronoun far more often than a count.
  if (last === 'und' || (parts === 1 && last === 1)) return null;
  return total + current;
}

/** Parses an English number word, hyphenated forms included ("twenty-five"). */
function parseEnglishWord(word: string): number | null {
  const parts = word.toLowerCase().split('-');
  let sum = 0;
  for (const p of parts) {
    const v = EN_SMALL_NUMBERS.get(p);
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

// First three letters of every German morpheme: a cheap gate, because
// every word of the text passes through here.
const DE_PREFIXES: ReadonlySet<string> = new Set(
  DE_MORPHEMES.filter(([, v]) => v !== 'und').map(([m]) => m.slice(0, 3)),
);
const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');
const DE_ALL = alternation(DE_MORPHEMES.map(([m]) => m));
const DE_OPENERS = alternation(
  DE_MORPHEMES.filter(([, v]) => v !== 'und').map(([m]) => m),
);
const EN_WORDS = alternation(EN_SMALL_NUMBERS.keys());
const NO_LETTER = '(?![\\p{L}\\p{M}])';

/** Words that may open a spelled number (see `NUMBER_WORD_PATTERN`). */
export const NUMBER_WORD_OPENERS: readonly string[] = [
  ...DE_MORPHEMES.filter(([, v]) => v !== 'und').map(([m]) => m),
  ...EN_SMALL_NUMBERS.keys(),
  'a',
  'ein',
  'half',
];

/**
 * Regex source (flags `iu`) of every word sequence that may be a spelled
 * number: a German compound, an English number word, or an article before
 * a multiplier ("a dozen", "ein Dutzend", "a couple"). The candidate scan
 * of `parse.ts` lets the regex engine skip all other words.
 */
export const NUMBER_WORD_PATTERN = [
  // A German compound, but not the bare article "ein"/"eine"/"eins".
  `(?!(?:eine?s?|und)${NO_LETTER})(?:${DE_OPENERS})(?:${DE_ALL})*${NO_LETTER}`,
  `(?:${EN_WORDS})(?:-(?:${EN_WORDS}))?${NO_LETTER}`,
  `(?:an?|ein(?:e|em|en|er)?|half\\s+a)\\s+(?:couple|dozen|hundred|thousand|` +
    `million|billion|dutzend|hundert|tausend|million|milliarde)${NO_LETTER}`,
].join('|');
const VAGUE_BEFORE: ReadonlySet<string> = new Set([
  'mehrere',
  'einige',
  'etliche',
  'viele',
  'paar',
  'several',
  'few',
  'many',
  'some',
  'mehreren',
  'einigen',
  'vielen',
  'wenige',
  'wenigen',
  'hunderte',
  'tausende',
]);
const DE_ARTICLES: ReadonlySet<string> = new Set([
  'ein',
  'eine',
  'einem',
  'einen',
  'einer',
]);

/** A German compound, or "ein Dutzend" / "eine Million" as 1 × scale. */
function scanGerman(
  text: string,
  i: number,
  first: string,
  lower: string,
): RawNumber | null {
  const raw = (value: number): RawNumber => ({
    start: i,
    end: i + first.length,
    value,
    spelled: true,
    scale: 1,
    plain: false,
    forced: null,
  });
  if (DE_ARTICLES.has(lower)) {
    // applyScale then multiplies by the scale word that follows.
    const next = readWord(text, skipSpaces(text, i + first.length)) ?? '';
    const sc = SCALE_WORDS.get(next.toLowerCase());
    return sc !== undefined && sc >= 12 && next !== 'k' ? raw(1) : null;
  }
  const de = parseGermanNumberWord(lower);
  // "mehrere Tausend", "einige Hundert", "einige zehntausend Mann": a
  // vague amount, no figure.
  if (
    (de === 100 || de === 1000 || de === 10_000 || de === 100_000) &&
    VAGUE_BEFORE.has(readWordBefore(text, i))
  ) {
    return null;
  }
  return de === null ? null : raw(de);
}

/**
 * Reads a spelled-out number starting with the word at `i`: an English
 * sequence ("two thousand five hundred", "a dozen", "a couple of") or one
 * German compound.
 */
export function scanWords(
  text: string,
  i: number,
  first: string,
): RawNumber | null {
  const lower = first.toLowerCase();
  if (DE_PREFIXES.has(lower.slice(0, 3))) {
    const de = scanGerman(text, i, first, lower);
    if (de !== null) return de;
  }
  const head = lower.split('-')[0] as string;
  if (
    !EN_SMALL_NUMBERS.has(head) &&
    lower !== 'a' &&
    lower !== 'an' &&
    lower !== 'half'
  )
    return null;
  if (lower === 'a' || lower === 'half') {
    const couple = scanCouple(text, i, first);
    if (couple) return couple;
  }
  let total = 0;
  let current = 0;
  let end = i;
  let seen = false;
  let j = i;
  let word: string | null = first;
  let steps = 0;
  if (lower === 'half') return null;
  // An article only counts before a multiplier ("a thousand", "a dozen").
  if (lower === 'a' || lower === 'an') {
    const next = readWord(text, skipSpaces(text, i + first.length));
    if (next === null || !EN_MULTIPLIERS.has(next.toLowerCase())) return null;
    current = 1;
    j = skipSpaces(text, i + first.length);
    word = next;
  }
  while (word !== null && steps < 12) {
    steps += 1;
    const w = word.toLowerCase();
    const small = parseEnglishWord(w);
    const mult = EN_MULTIPLIERS.get(w);
    if (small !== null) current += small;
    else if (mult !== undefined && (seen || current > 0)) {
      if (mult < 1000) current = (current || 1) * mult;
      else {
        total += (current || 1) * mult;
        current = 0;
      }
    } else if (w === 'and' && seen) {
      // "two hundred and fifty": only continue if a number word below a
      // hundred follows a hundred or a thousand ("seven thousand and eight
      // thousand" is two numbers).
      const k = skipSpaces(text, j + word.length);
      const nxt = readWord(text, k);
      const small = nxt === null ? null : parseEnglishWord(nxt.toLowerCase());
      if (small === null || small >= 100) break;
      const after = readWord(
        text,
        skipSpaces(text, k + (nxt as string).length),
      );
      if (after !== null && EN_MULTIPLIERS.has(after.toLowerCase())) break;
      j = k;
      word = nxt;
      continue;
    } else break;
    seen = true;
    end = j + word.length;
    const k = skipSpaces(text, end);
    if (k === end) break;
    j = k;
    word = readWord(text, j);
  }
  if (!seen) return null;
  return {
    start: i,
    end,
    value: total + current,
    spelled: true,
    scale: 1,
    plain: false,
    forced: null,
  };
}

// "a couple of" is two; "half a dozen" is six. Fixed phrases, read whole.
const EN_PHRASES: readonly (readonly [RegExp, number])[] = [
  [/^a[ \u00a0]+couple(?:[ \u00a0]+of)?(?![\p{L}])/iu, 2],
  [/^half[ \u00a0]+a[ \u00a0]+dozen(?![\p{L}])/iu, 6],
];

/** Reads "a couple (of)" or "half a dozen" at `i`. */
function scanCouple(text: string, i: number, first: string): RawNumber | null {
  const head = text.slice(i, i + 20);
  for (const [re, value] of EN_PHRASES) {
    const m = re.exec(head);
    // "a couple of hundred" then scales through applyScale.
    if (m && m[0].toLowerCase().startsWith(first.toLowerCase())) {
      return {
        start: i,
        end: i + m[0].length,
        value,
        spelled: true,
        scale: 1,
        plain: false,
        forced: null,
      };
    }
  }
  return null;
}

/** Applies a following scale word to a spelled number ("zwei Millionen"). */
export function applyScale(text: string, r: RawNumber): void {
  const k = skipSpaces(text, r.end);
  if (k === r.end) return;
  const w = readWord(text, k);
  if (w === null) return;
  const lw = w.toLowerCase();
  const dotted = text[k + w.length] === '.' && SCALE_WORDS.has(`${lw}.`);
  const sc = SCALE_WORDS.get(lw);
  if (sc === undefined || sc < 12 || lw === 'k') return;
  r.value *= sc;
  r.scale = sc;
  r.end = k + w.length + (dotted ? 1 : 0);
}
