/**
 * Digit-based numbers of the number grammar: grouping ("12.000", "12,000",
 * "12 000" with any space), decimals with scale words ("1,2 Millionen",
 * "3,5 Tsd.", "12k"), and shapes that fix the kind on their own (numeric
 * dates, times, ordinals such as "3rd", measures such as "50km").
 */
import type { NumberKind, RawNumber } from './types.js';
import {
  countDigits,
  GROUP_SEPS,
  isDigit,
  isLetter,
  LOOK,
  readWord,
  readWordBefore,
  skipSpaces,
} from './chars.js';
import {
  MEASURE_WORDS,
  MONTHS,
  ORDINAL_SUFFIXES,
  SCALE_WORDS,
} from './lexicon.js';

/** Reads the digits-based number at `i`; returns it and where scanning goes on. */
export function scanDigits(
  text: string,
  i: number,
): [RawNumber | null, number] {
  const n = countDigits(text, i);
  let j = i + n;
  const prev = text[i - 1];
  // Digits glued to letters are codes ("i24", "Il-96", "F-16").
  if (isLetter(prev) || (prev === '-' && isLetter(text[i - 2]))) {
    while (isDigit(text[j]) || isLetter(text[j])) j += 1;
    return [null, j];
  }
  const raw = (
    end: number,
    value: number,
    forced: NumberKind | null,
    plain = false,
  ): RawNumber => ({
    start: i,
    end,
    value,
    spelled: false,
    scale: 1,
    plain,
    forced,
  });
  // Numeric dates 24.10.2024, 24/10/24 and ISO 2024-10-24; times 14:30.
  const s1 = text[j];
  if (n <= 2 && (s1 === '.' || s1 === '/')) {
    const d2 = countDigits(text, j + 1, 3);
    if (d2 >= 1 && d2 <= 2 && text[j + 1 + d2] === s1) {
      const d3 = countDigits(text, j + 2 + d2, 5);
      if (d3 === 2 || d3 === 4)
        return [raw(j + 2 + d2 + d3, 0, 'date'), j + 2 + d2 + d3];
    }
  }
  if (
    n === 4 &&
    s1 === '-' &&
    countDigits(text, j + 1, 3) === 2 &&
    text[j + 3] === '-' &&
    countDigits(text, j + 4, 3) === 2
  ) {
    return [raw(j + 6, 0, 'date'), j + 6];
  }
  if (n <= 2 && s1 === ':' && countDigits(text, j + 1, 3) === 2) {
    return [raw(j + 3, 0, 'time'), j + 3];
  }
  let intPart = text.slice(i, j);
  let sep: string | null = null;
  // "Oct. 12 300 troops" is a date and a count: after a month name a plain
  // space does not group digits.
  const afterMonth = MONTHS.has(readWordBefore(text, i).replace(/\.$/u, ''));
  if (n <= 3) {
    // Groups of exactly three digits, all with the same separator.
    for (;;) {
      const c = text[j] ?? '';
      if (!GROUP_SEPS.has(c) || (sep !== null && c !== sep)) break;
      if (c === ' ' && afterMonth) break;
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
    else if (MEASURE_WORDS.has(suf) || suf === 'h' || suf === 'er')
      forced = 'measure';
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
