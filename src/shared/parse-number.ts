/**
 * Number grammar for German and English news text: finds number mentions
 * (digits, number words, scale words, ranges) and classifies each as a head
 * count or as something that only looks like one (date, year, time, ordinal,
 * percentage, money, measurement, label). One left-to-right scan with
 * bounded look-around, so the cost is linear in the input length.
 */
import {
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DE_MORPHEMES,
  DE_ORDINAL_PREFIXES,
  EN_MULTIPLIERS,
  EN_SMALL_NUMBERS,
  LABEL_PREFIXES,
  MEASURE_WORDS,
  MONTHS,
  ORDINAL_SUFFIXES,
  PERCENT_WORDS,
  SCALE_WORDS,
  WEAK_YEAR_PREFIXES,
  YEAR_FOLLOWERS,
  YEAR_PREFIXES,
} from './lexicon-numbers.js';

/** What a number mention denotes. Only `count` can be a troop figure. */
export type NumberKind =
  | 'count'
  | 'date'
  | 'year'
  | 'time'
  | 'ordinal'
  | 'percent'
  | 'money'
  | 'measure'
  | 'label';

/** One number mention in a text. */
export interface NumberMention {
  /** JavaScript string offsets; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The value; for a range, the upper bound. */
  value: number;
  /** Range bounds; null unless the mention is a range. */
  low: number | null;
  high: number | null;
  kind: NumberKind;
  /** A plain four-digit integer 1900–2100: a count only next to a noun. */
  yearLike: boolean;
  /** Spelled out in words ("zwölftausend", "two thousand"). */
  spelled: boolean;
}

interface RawNumber {
  start: number;
  end: number;
  value: number;
  spelled: boolean;
  scale: number;
  plain: boolean; // digits only, no grouping, decimals or scale
  forced: NumberKind | null; // kind already fixed by the token's own shape
}

// Thousands separators: dot, comma, apostrophe and the four spaces of the
// brief (normal, no-break, thin, narrow no-break).
const GROUP_SEPS = new Set(['.', ',', "'", ' ', '\u00a0', '\u2009', '\u202f']);
const SPACES = new Set([' ', '\u00a0', '\u2009', '\u202f', '\t']);
const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}]+)*/uy;
const LETTER_RE = /[\p{L}\p{M}]/u;
// Look-around never reaches further than this, which keeps the scan linear.
const LOOK = 40;

const isDigit = (c: string | undefined): boolean =>
  c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && LETTER_RE.test(c);

/** Counts the digits starting at `i`, capped so look-ahead stays bounded. */
function countDigits(text: string, i: number, cap = Infinity): number {
  let k = 0;
  while (k < cap && isDigit(text[i + k])) k += 1;
  return k;
}

/** Reads the word that starts at `i` (or null). */
function readWord(text: string, i: number): string | null {
  WORD_RE.lastIndex = i;
  const m = WORD_RE.exec(text);
  return m ? m[0] : null;
}

/** Skips spaces forward from `i`, at most a few. */
function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 4 && SPACES.has(text[j] ?? '')) j += 1;
  return j;
}

/** The word ending right before `pos` (skipping spaces and `.`), lower case. */
function readWordBefore(text: string, pos: number): string {
  let j = pos;
  while (j > 0 && pos - j < 4 && /[\s.]/u.test(text[j - 1] ?? '')) j -= 1;
  let k = j;
  while (k > 0 && j - k < LOOK && /[\p{L}\p{M}$€£¥₩₽-]/u.test(text[k - 1] ?? ''))
    k -= 1;
  return text.slice(k, j).toLowerCase();
}

/** The word starting after `pos` (skipping spaces), lower case. */
function readWordAfter(text: string, pos: number): string {
  const j = skipSpaces(text, pos);
  const w = readWord(text, j);
  if (w === null) return '';
  // Keep a trailing dot for abbreviations such as "Mio." or "a.m.".
  return (text[j + w.length] === '.' ? `${w}.` : w).toLowerCase();
}

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

/**
 * Reads a spelled-out number starting with the word at `i`: an English
 * sequence ("two thousand five hundred", "a dozen") or one German compound.
 */
function scanWords(text: string, i: number, first: string): RawNumber | null {
  const lower = first.toLowerCase();
  const de = parseGermanNumberWord(first);
  if (de !== null) {
    return { start: i, end: i + first.length, value: de, spelled: true,
      scale: 1, plain: false, forced: null };
  }
  let total = 0;
  let current = 0;
  let end = i;
  let seen = false;
  let j = i;
  let word: string | null = first;
  let steps = 0;
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
      // "two hundred and fifty": only continue if a number word follows.
      const k = skipSpaces(text, j + word.length);
      const nxt = readWord(text, k);
      if (nxt === null || parseEnglishWord(nxt) === null) break;
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
  return { start: i, end, value: total + current, spelled: true, scale: 1,
    plain: false, forced: null };
}

/** Reads the digits-based number at `i`; returns it and where scanning goes on. */
function scanDigits(text: string, i: number): [RawNumber | null, number] {
  const n = countDigits(text, i);
  let j = i + n;
  const prev = text[i - 1];
  // Digits glued to letters are codes ("i24", "Il-96", "F-16").
  if (isLetter(prev) || (prev === '-' && isLetter(text[i - 2]))) {
    while (isDigit(text[j]) || isLetter(text[j])) j += 1;
    return [null, j];
  }
  const raw = (end: number, value: number, forced: NumberKind | null,
    plain = false): RawNumber =>
    ({ start: i, end, value, spelled: false, scale: 1, plain, forced });
  // Numeric dates 24.10.2024, 24/10/24 and ISO 2024-10-24; times 14:30.
  const s1 = text[j];
  if (n <= 2 && (s1 === '.' || s1 === '/')) {
    const d2 = countDigits(text, j + 1, 3);
    if (d2 >= 1 && d2 <= 2 && text[j + 1 + d2] === s1) {
      const d3 = countDigits(text, j + 2 + d2, 5);
      if (d3 === 2 || d3 === 4) return [raw(j + 2 + d2 + d3, 0, 'date'), j + 2 + d2 + d3];
    }
  }
  if (n === 4 && s1 === '-' && countDigits(text, j + 1, 3) === 2 &&
    text[j + 3] === '-' && countDigits(text, j + 4, 3) === 2) {
    return [raw(j + 6, 0, 'date'), j + 6];
  }
  if (n <= 2 && s1 === ':' && countDigits(text, j + 1, 3) === 2) {
    return [raw(j + 3, 0, 'time'), j + 3];
  }
  let intPart = text.slice(i, j);
  let sep: string | null = null;
  if (n <= 3) {
    // Groups of exactly three digits, all with the same separator.
    for (;;) {
      const c = text[j] ?? '';
      if (!GROUP_SEPS.has(c) || (sep !== null && c !== sep)) break;
      if (countDigits(text, j + 1, 4) !== 3) break;
      sep = c;
      intPart += text.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let frac = '';
  const c = text[j];
  if ((c === ',' || c === '.') && c !== sep && isDigit(text[j + 1])) {
    const d = countDigits(text, j + 1);
    // "1.5" or "1,2" but not "1.234.567" (handled as grouping above).
    if (!(d === 3 && sep === null && n <= 3)) {
      frac = text.slice(j + 1, j + 1 + d);
      j += 1 + d;
    }
  }
  let value = Number(frac ? `${intPart}.${frac}` : intPart);
  let scale = 1;
  let forced: NumberKind | null = null;
  // Attached suffix: "12k", "3rd", "50km", or a code such as "96B".
  if (isLetter(text[j])) {
    let k = j;
    while (k - j < LOOK && isLetter(text[k])) k += 1;
    const suf = text.slice(j, k).toLowerCase();
    if (isLetter(text[k]) || isDigit(text[k])) return [null, k];
    const sc = SCALE_WORDS.get(suf);
    if (sc !== undefined) scale = sc;
    else if (suf === 'm' && frac) scale = 1e6;
    else if (ORDINAL_SUFFIXES.has(suf) && !frac && !sep) forced = 'ordinal';
    else if (MEASURE_WORDS.has(suf) || suf === 'h' || suf === 'er') forced = 'measure';
    else return [null, k];
    j = k + (sc !== undefined && text[k] === '.' && suf.length > 1 ? 1 : 0);
  } else {
    // Scale word after a space: "1,2 Millionen", "3,5 Tsd.", "12 thousand".
    const k = skipSpaces(text, j);
    const w = k > j ? readWord(text, k) : null;
    if (w !== null) {
      const lw = w.toLowerCase();
      const dotted = text[k + w.length] === '.';
      const sc = SCALE_WORDS.get(dotted ? `${lw}.` : lw) ?? SCALE_WORDS.get(lw);
      if (sc !== undefined && lw !== 'k') {
        scale = sc;
        j = k + w.length + (dotted && SCALE_WORDS.has(`${lw}.`) ? 1 : 0);
      }
    }
  }
  value *= scale;
  value = scale >= 100 ? Math.round(value) : Math.round(value * 1e6) / 1e6;
  const plain = sep === null && !frac && scale === 1 && forced === null;
  return [{ start: i, end: j, value, spelled: false, scale, plain, forced }, j];
}

/** Applies a following scale word to a spelled number ("zwei Millionen"). */
function applyScale(text: string, r: RawNumber): void {
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

/** Scans the text for raw numbers, in order. */
function scanRaw(text: string): RawNumber[] {
  const out: RawNumber[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isDigit(c)) {
      const [r, next] = scanDigits(text, i);
      if (r) out.push(r);
      i = Math.max(next, i + 1);
    } else if (isLetter(c) && !isLetter(text[i - 1])) {
      const w = readWord(text, i);
      const len = w === null ? 1 : w.length;
      const r = w === null || isDigit(text[i + len]) ? null : scanWords(text, i, w);
      if (r) {
        applyScale(text, r);
        out.push(r);
        i = Math.max(r.end, i + 1);
      } else i += len;
    } else i += 1;
  }
  return out;
}

// What may stand between the two ends of a range.
const RANGE_GAP = /^\s*(?:-|–|—|bis|to|und|and)\s*$/iu;
const RANGE_OPENER = /(?:zwischen|between|von|from)\s+$/iu;

/** Classifies a number by its neighbours. */
function classify(text: string, r: RawNumber): NumberKind {
  if (r.forced) return r.forced;
  const before = readWordBefore(text, r.start);
  const after = readWordAfter(text, r.end);
  const charAfter = text[skipSpaces(text, r.end)];
  if (charAfter === '%' || PERCENT_WORDS.has(after)) return 'percent';
  const prevChar = r.start > 0 ? (text[r.start - 1] ?? '') : '';
  const prevSym = text.slice(Math.max(0, r.start - 4), r.start).trim().toLowerCase();
  if (prevChar !== '' && '$€£¥₩₽'.includes(prevChar)) return 'money';
  if (CURRENCY_PREFIXES.has(before) || CURRENCY_PREFIXES.has(prevSym)) return 'money';
  if (CURRENCY_WORDS.has(after.replace(/\.$/u, ''))) return 'money';
  const small = Number.isInteger(r.value) && r.value >= 1 && r.value <= 31;
  const afterNoDot = readWordAfter(text, text[r.end] === '.' ? r.end + 1 : r.end);
  if (!r.spelled && small && MONTHS.has(afterNoDot.replace(/\.$/u, ''))) return 'date';
  if (MONTHS.has(before) && !r.spelled && (small || r.plain)) return 'date';
  if (MEASURE_WORDS.has(after) || MEASURE_WORDS.has(after.replace(/\.$/u, ''))) {
    // "14.30 Uhr" and "50 km"; but a lone "m" only after a plain number.
    if (after !== 'm' && after !== 'am') return after === 'uhr' ? 'time' : 'measure';
  }
  if (LABEL_PREFIXES.has(before) && !r.spelled) return 'label';
  const yearLike = r.plain && r.value >= 1900 && r.value <= 2100 &&
    r.end - r.start === 4;
  if (yearLike && YEAR_PREFIXES.has(before)) return 'year';
  // After "in", "bis", "von" … a four-digit number is a year unless a word
  // that could be its noun follows ("bis 2000 Soldaten" stays a count).
  if (yearLike && WEAK_YEAR_PREFIXES.has(before) &&
    (!isLetter(charAfter) || YEAR_FOLLOWERS.has(after))) return 'year';
  // Numbered list items at the start of a line ("1. Startseite").
  if (r.plain && text[r.end] === '.' && /(?:^|\n)[ \t]*$/u.test(
    text.slice(Math.max(0, r.start - LOOK), r.start))) return 'ordinal';
  // German ordinal: "die 3. Armee", "am 6. November" (month handled above).
  if (r.plain && text[r.end] === '.' && r.end - r.start <= 3 &&
    SPACES.has(text[r.end + 1] ?? '') && isLetter(text[r.end + 2])) {
    const nextWord = readWord(text, r.end + 2) ?? '';
    const lowerStart = nextWord[0] === nextWord[0]?.toLowerCase();
    if (DE_ORDINAL_PREFIXES.has(before) || lowerStart) return 'ordinal';
  }
  return 'count';
}

/**
 * Finds every number mention in `text`, merging ranges ("10.000 bis 12.000",
 * "between 10,000 and 12,000") into one mention. Never throws.
 */
export function findNumbers(text: string): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const raws = scanRaw(text);
  const out: NumberMention[] = [];
  for (let k = 0; k < raws.length; k += 1) {
    const a = raws[k] as RawNumber;
    const b = raws[k + 1];
    const kindA = classify(text, a);
    let start = a.start;
    if (b && kindA === 'count' && b.start - a.end <= 8 &&
      RANGE_GAP.test(text.slice(a.end, b.start))) {
      const gap = text.slice(a.end, b.start).trim().toLowerCase();
      const opener = RANGE_OPENER.exec(text.slice(Math.max(0, a.start - 10), a.start));
      const needsOpener = gap === 'und' || gap === 'and';
      const ok = !needsOpener || (opener !== null && /zwischen|between/iu.test(opener[0]));
      // "10 bis 12 Millionen": the scale word covers both ends.
      const lowV = a.scale === 1 && b.scale > 1 && a.value * b.scale <= b.value
        ? a.value * b.scale : a.value;
      const kindB = classify(text, b);
      if (ok && lowV < b.value && kindB === 'count' && !(a.plain && b.plain &&
        a.value >= 1900 && b.value <= 2100 && a.value <= 2100)) {
        if (opener && /zwischen|between/iu.test(opener[0])) start = a.start - opener[0].length;
        out.push({ start, end: b.end, text: text.slice(start, b.end), value: b.value,
          low: lowV, high: b.value, kind: 'count', yearLike: false, spelled: a.spelled || b.spelled });
        k += 1;
        continue;
      }
    }
    out.push({ start, end: a.end, text: text.slice(start, a.end), value: a.value,
      low: null, high: null, kind: kindA,
      yearLike: a.plain && a.value >= 1900 && a.value <= 2100 && a.end - a.start === 4,
      spelled: a.spelled });
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
