/**
 * Number grammar for German and English news text: finds number mentions
 * (digits, number words, scale words, ranges) and classifies each as a head
 * count or as something that only looks like one (date, year, time, ordinal,
 * percentage, money, measurement, label). One left-to-right scan with
 * bounded look-around, so the cost is linear in the input length.
 */
import {
  isDigit,
  isLetter,
  LOOK,
  readWord,
  readWordAfter,
  readWordBefore,
  skipSpaces,
  SPACES,
} from './chars.js';
import { scanDigits } from './digits.js';
import { isLetterUnit, isSpaceUnit } from '../text.js';
import {
  applyScale,
  NUMBER_WORD_OPENERS,
  NUMBER_WORD_PATTERN,
  scanWords,
} from './words.js';
import {
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DE_ORDINAL_PREFIXES,
  FORMATION_NOUN,
  LABEL_PREFIXES,
  MEASURE_WORDS,
  MONTHS,
  PERCENT_WORDS,
  WEAK_YEAR_PREFIXES,
  YEAR_FOLLOWERS,
  YEAR_PREFIXES,
} from './lexicon.js';
import type { NumberKind, NumberMention, RawNumber } from './types.js';

export { parseGermanNumberWord } from './words.js';
export type { NumberKind, NumberMention } from './types.js';

/**
 * Where a spelled number may start: a word that opens like a number word,
 * not inside a word. Built from the lexicons; tried (sticky) only at word
 * starts whose first letter may open a number word.
 */
const WORD_CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{M}'’]|[\\p{L}\\p{M}]-)(?:${NUMBER_WORD_PATTERN})`,
  'iuy',
);

// The letters of the number words, and each code unit that matches one of
// them as the regex does (case-insensitive, Unicode): index + 1, or 255.
const LETTERS = [...new Set(NUMBER_WORD_OPENERS.join('').toLowerCase())];
const LETTER_RES = LETTERS.map((l) => new RegExp(`^${l}$`, 'iu'));
const FOLDED = new Uint8Array(0x10000);

/** The number-word letter that code unit `c` matches (index), or -1. */
function fold(c: number): number {
  let v = FOLDED[c] as number;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    const k = LETTER_RES.findIndex((re) => re.test(ch));
    v = k < 0 ? 255 : k + 1;
    FOLDED[c] = v;
  }
  return v === 255 ? -1 : v - 1;
}

// Openers by their first three characters (folded letters, or SPACE for
// whitespace). The one-letter opener "a" opens only the article forms of
// NUMBER_WORD_PATTERN, "a …" and "an …" (`an?\s+`); every other opener has
// three letters or more. Prefixes of one, two and three symbols are flags
// in tables indexed by the symbols in base `BASE`.
const SPACE = LETTERS.length;
const BASE = LETTERS.length + 1;
const PREFIX_1 = new Uint8Array(BASE);
const PREFIX_2 = new Uint8Array(BASE * BASE);
const PREFIX_3 = new Uint8Array(BASE * BASE * BASE);
function addPrefix(w: string): void {
  const syms = [...w.slice(0, 3)].map((ch) =>
    ch === ' ' ? SPACE : LETTERS.indexOf(ch.toLowerCase()),
  );
  const [a = 0, b = 0, c = 0] = syms;
  if (syms.length === 1) PREFIX_1[a] = 1;
  else if (syms.length === 2) PREFIX_2[a * BASE + b] = 1;
  else PREFIX_3[(a * BASE + b) * BASE + c] = 1;
}
for (const w of NUMBER_WORD_OPENERS) {
  if (w === 'a') {
    addPrefix('a ');
    addPrefix('an ');
  } else addPrefix(w);
}

// Prefix symbol + 1 of each code unit, or 255 for none (0: not yet known).
const SYMBOLS = new Uint8Array(0x10000);

/** The prefix symbol of the code unit at `p` (see `addPrefix`), or -1. */
function symbolAt(text: string, p: number): number {
  if (p >= text.length) return -1;
  const c = text.charCodeAt(p);
  let v = SYMBOLS[c] as number;
  if (v === 0) {
    const f = isSpaceUnit(c) ? SPACE : fold(c);
    v = f < 0 ? 255 : f + 1;
    SYMBOLS[c] = v;
  }
  return v === 255 ? -1 : v - 1;
}

/** True when a number word may start at `p` (first three characters). */
function mayOpen(text: string, p: number): boolean {
  const a = symbolAt(text, p);
  if (a < 0) return false;
  if (PREFIX_1[a] === 1) return true;
  const b = symbolAt(text, p + 1);
  if (b < 0) return false;
  const ab = a * BASE + b;
  if (PREFIX_2[ab] === 1) return true;
  const c = symbolAt(text, p + 2);
  return c >= 0 && PREFIX_3[ab * BASE + c] === 1;
}

/**
 * The first position at or after `from` where a number may start: a
 * digit, or a spelled number (see `WORD_CANDIDATE`); -1 when none. Only
 * word starts can open a spelled number, so the rest of a word is skipped.
 */
function nextCandidate(text: string, from: number): number {
  const n = text.length;
  let p = from;
  while (p < n) {
    const v = charKind(text.charCodeAt(p));
    if (v === K_OTHER) {
      p += 1;
      continue;
    }
    if (v === K_DIGIT) return p;
    if (mayOpen(text, p)) {
      WORD_CANDIDATE.lastIndex = p;
      if (WORD_CANDIDATE.test(text)) return p;
    }
    // No number word starts after a letter or mark.
    p += 1;
    while (p < n && charKind(text.charCodeAt(p)) === K_LETTER) p += 1;
  }
  return -1;
}

const K_DIGIT = 1;
const K_LETTER = 2;
const K_OTHER = 3;
const KINDS = new Uint8Array(0x10000);

/** Digit, letter or mark (`[\p{L}\p{M}]`), or other, of a code unit. */
function charKind(c: number): number {
  let v = KINDS[c] as number;
  if (v === 0) {
    v = c >= 0x30 && c <= 0x39 ? K_DIGIT : isLetterUnit(c) ? K_LETTER : K_OTHER;
    KINDS[c] = v;
  }
  return v;
}

/** Scans the text for raw numbers, in order. */
function scanRaw(text: string): RawNumber[] {
  const out: RawNumber[] = [];
  for (let i = nextCandidate(text, 0); i >= 0;) {
    let next: number;
    if (isDigit(text[i])) {
      const [r, after] = scanDigits(text, i);
      if (r) out.push(r);
      next = Math.max(after, i + 1);
    } else {
      const w = readWord(text, i);
      const len = w === null ? 1 : w.length;
      const r =
        w === null || isDigit(text[i + len]) ? null : scanWords(text, i, w);
      if (r) applyScale(text, r);
      if (r) out.push(r);
      next = r ? Math.max(r.end, i + 1) : i + len;
    }
    i = nextCandidate(text, next);
  }
  return out;
}

// What may stand between the two ends of a range.
// "zwei- bis dreitausend": German suspends the shared part with a hyphen.
const RANGE_GAP = /^(?:-\s+(?=\S))?\s*(?:-|–|—|bis|to|und|and)\s*$/iu;
// Spoken ranges of spelled numbers: "eleven, twelve thousand", "drei, vier
// Tausend", "three or four thousand".
const SPOKEN_GAP = /^\s*(?:,|or|oder)\s*$/iu;
const RANGE_OPENER = /(?:zwischen|between|von|from)\s+$/iu;

const RATE_LINKS: ReadonlySet<string> = new Set(['to', 'auf', 'at', 'bei']);
const RATE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...CURRENCY_WORDS].join('|')})\\s+(?:to|auf|at|bei)\\s+$`,
  'iu',
);

/** Classifies a number by its neighbours. */
function classify(
  text: string,
  r: RawNumber,
  lower: string | null,
): NumberKind {
  if (r.forced) return r.forced;
  const before = readWordBefore(text, r.start, lower);
  const after = readWordAfter(text, r.end, lower);
  const charAfter = text[skipSpaces(text, r.end)];
  if (charAfter === '%' || PERCENT_WORDS.has(after)) return 'percent';
  const prevChar = r.start > 0 ? (text[r.start - 1] ?? '') : '';
  const prevSym = text
    .slice(Math.max(0, r.start - 4), r.start)
    .trim()
    .toLowerCase();
  if (prevChar !== '' && '$€£¥₩₽'.includes(prevChar)) return 'money';
  if (CURRENCY_PREFIXES.has(before) || CURRENCY_PREFIXES.has(prevSym))
    return 'money';
  if (CURRENCY_WORDS.has(after.replace(/\.$/u, ''))) return 'money';
  // An exchange rate: "the won slid against the dollar to 1,402".
  if (
    RATE_LINKS.has(before) &&
    RATE_BEFORE.test(text.slice(Math.max(0, r.start - 24), r.start))
  )
    return 'money';
  const small = Number.isInteger(r.value) && r.value >= 1 && r.value <= 31;
  const afterNoDot = readWordAfter(
    text,
    text[r.end] === '.' ? r.end + 1 : r.end,
    lower,
  );
  if (!r.spelled && small && MONTHS.has(afterNoDot.replace(/\.$/u, '')))
    return 'date';
  if (MONTHS.has(before) && !r.spelled && (small || r.plain)) return 'date';
  if (
    MEASURE_WORDS.has(after) ||
    MEASURE_WORDS.has(after.replace(/\.$/u, ''))
  ) {
    // "14.30 Uhr" and "50 km"; but a lone "m" only after a plain number.
    if (after !== 'm' && after !== 'am')
      return after === 'uhr' ? 'time' : 'measure';
  }
  // Labels are plain numerals: "Resolution 2231", but "troops number 12k".
  if (LABEL_PREFIXES.has(before) && r.plain) return 'label';
  const yearLike =
    r.plain && r.value >= 1900 && r.value <= 2100 && r.end - r.start === 4;
  if (yearLike && YEAR_PREFIXES.has(before)) return 'year';
  // After "in", "bis", "von" … a four-digit number is a year unless a word
  // that could be its noun follows ("bis 2000 Soldaten" stays a count).
  if (
    yearLike &&
    WEAK_YEAR_PREFIXES.has(before) &&
    (!isLetter(charAfter) || YEAR_FOLLOWERS.has(after))
  )
    return 'year';
  // Numbered list items at the start of a line ("1. Startseite").
  if (
    r.plain &&
    text[r.end] === '.' &&
    /(?:^|\n)[ \t]*$/u.test(text.slice(Math.max(0, r.start - LOOK), r.start))
  )
    return 'ordinal';
  // German ordinal: "die 3. Armee", "am 6. November" (month handled above).
  if (
    r.plain &&
    text[r.end] === '.' &&
    r.end - r.start <= 3 &&
    SPACES.has(text[r.end + 1] ?? '') &&
    isLetter(text[r.end + 2])
  ) {
    const nextWord = readWord(text, r.end + 2) ?? '';
    const lowerStart = nextWord[0] === nextWord[0]?.toLowerCase();
    if (
      DE_ORDINAL_PREFIXES.has(before) ||
      lowerStart ||
      FORMATION_NOUN.test(nextWord.toLowerCase())
    )
      return 'ordinal';
  }
  return 'count';
}

/**
 * Finds every number mention in `text`, merging ranges ("10.000 bis 12.000",
 * "between 10,000 and 12,000") into one mention. Never throws. `lower` is `lowerCopy(text)` when the
 * caller has it (the words around each figure are sliced from it).
 */
export function findNumbers(
  text: string,
  lower: string | null = null,
): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const raws = scanRaw(text);
  const out: NumberMention[] = [];
  for (let k = 0; k < raws.length; k += 1) {
    const a = raws[k] as RawNumber;
    const b = raws[k + 1];
    const kindA = classify(text, a, lower);
    let start = a.start;
    if (
      b &&
      kindA === 'count' &&
      b.start - a.end <= 8 &&
      (RANGE_GAP.test(text.slice(a.end, b.start)) ||
        (a.spelled && b.spelled && SPOKEN_GAP.test(text.slice(a.end, b.start))))
    ) {
      const gap = text.slice(a.end, b.start).trim().toLowerCase();
      const opener = RANGE_OPENER.exec(
        text.slice(Math.max(0, a.start - 10), a.start),
      );
      const needsOpener = gap === 'und' || gap === 'and';
      const ok =
        !needsOpener ||
        (opener !== null && /zwischen|between/iu.test(opener[0]));
      // "10 bis 12 Millionen": the scale word covers both ends.
      // "zehn bis zwölftausend", "eleven, twelve thousand": the thousands
      // of the upper end cover the lower one.
      const lowV =
        a.scale === 1 && b.scale > 1 && a.value * b.scale <= b.value
          ? a.value * b.scale
          : a.spelled &&
              a.value < 100 &&
              b.value % 1000 === 0 &&
              a.value * 1000 < b.value
            ? a.value * 1000
            : a.value;
      const kindB = classify(text, b, lower);
      if (
        ok &&
        lowV < b.value &&
        kindB === 'count' &&
        !(
          a.plain &&
          b.plain &&
          a.value >= 1900 &&
          b.value <= 2100 &&
          a.value <= 2100
        )
      ) {
        if (opener && /zwischen|between/iu.test(opener[0]))
          start = a.start - opener[0].length;
        out.push({
          start,
          end: b.end,
          text: text.slice(start, b.end),
          value: b.value,
          low: lowV,
          high: b.value,
          kind: 'count',
          yearLike: false,
          spelled: a.spelled || b.spelled,
        });
        k += 1;
        continue;
      }
    }
    // "zwischen 2.000 und 2.500 US-Dollar": a range's lower end is what
    // the upper one is.
    const upper =
      kindA === 'count' &&
      b &&
      b.start - a.end <= 8 &&
      RANGE_GAP.test(text.slice(a.end, b.start))
        ? classify(text, b, lower)
        : kindA;
    out.push({
      start,
      end: a.end,
      text: text.slice(start, a.end),
      value: a.value,
      low: null,
      high: null,
      kind: /^(?:money|measure|percent)$/u.test(upper) ? upper : kindA,
      yearLike:
        a.plain && a.value >= 1900 && a.value <= 2100 && a.end - a.start === 4,
      spelled: a.spelled,
    });
  }
  return out;
}

/**
 * Parses a string that holds exactly one number expression ("12.000",
 * "1,2 Millionen", "zwölftausend", "two thousand"); null otherwise.
 */
export function parseNumber(input: string): number | null {
  if (typeof input !== 'string') return null;
  const s = input.trim();
  const found = findNumbers(s);
  if (found.length !== 1) return null;
  const m = found[0] as NumberMention;
  return m.start === 0 && m.end === s.length ? m.value : null;
}
