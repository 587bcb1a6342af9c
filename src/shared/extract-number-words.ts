/**
 * Spelled-out numbers of the number grammar: German compounds
 * ("dreitausendfünfhundert", "anderthalb") and English sequences ("two
 * thousand five hundred", "a dozen", "a couple of"), plus a scale word after
 * a spelled number ("zwei Millionen").
 */
import {
  readWord,
  skipSpaces,
  type RawNumber,
} from './extract-number-chars.js';
import {
  DE_MORPHEMES,
  EN_MULTIPLIERS,
  EN_SMALL_NUMBERS,
  SCALE_WORDS,
} from './lexicon-numbers.js';

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
export function scanWords(text: string, i: number, first: string): RawNumber | null {
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
