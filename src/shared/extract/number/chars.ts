/**
 * Character-level helpers of the number grammar (`parse.ts`): digit
 * and letter tests, bounded word reads around a position, and the raw
 * number record the scanners produce. Every read is bounded, so callers
 * stay linear in the input.
 */
import { isLetterUnit, isSpaceUnit } from '../text.js';

// Thousands separators: dot, comma, apostrophe and the four spaces of the
// brief (normal, no-break, thin, narrow no-break).
export const GROUP_SEPS = new Set([
  '.',
  ',',
  "'",
  ' ',
  '\u00a0',
  '\u2009',
  '\u202f',
]);
export const SPACES = new Set([' ', '\u00a0', '\u2009', '\u202f', '\t']);
export const WORD_RE =
  /[\p{L}\p{M}](?:[\p{L}\p{M}]|['’](?=[\p{L}\p{M}]))*(?:-[\p{L}\p{M}]+)*/uy;
export const LETTER_RE = /[\p{L}\p{M}]/u;
// Look-around never reaches further than this, which keeps the scan linear.
export const LOOK = 40;

export const isDigit = (c: string | undefined): boolean =>
  c !== undefined && c >= '0' && c <= '9';
export const isLetter = (c: string | undefined): boolean =>
  c !== undefined &&
  (c.length === 1 ? isLetterUnit(c.charCodeAt(0)) : LETTER_RE.test(c));

/** Counts the digits starting at `i`, capped so look-ahead stays bounded. */
export function countDigits(text: string, i: number, cap = Infinity): number {
  let k = 0;
  while (k < cap && isDigit(text[i + k])) k += 1;
  return k;
}

/** Reads the word that starts at `i` (or null). */
export function readWord(text: string, i: number): string | null {
  WORD_RE.lastIndex = i;
  const m = WORD_RE.exec(text);
  return m ? m[0] : null;
}

/** Skips spaces forward from `i`, at most a few. */
export function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 4 && SPACES.has(text[j] ?? '')) j += 1;
  return j;
}

/** True for a code unit of `[\p{L}\p{M}$€£¥₩₽-]` (`u` flag). */
function isWordBeforeUnit(c: number): boolean {
  return (
    isLetterUnit(c) ||
    c === 0x24 ||
    c === 0x20ac ||
    c === 0xa3 ||
    c === 0xa5 ||
    c === 0x20a9 ||
    c === 0x20bd ||
    c === 0x2d
  );
}

/**
 * The word ending right before `pos` (skipping spaces and `.`), lower case;
 * `lower` is `lowerCopy(text)` when the caller has it.
 */
export function readWordBefore(
  text: string,
  pos: number,
  lower: string | null = null,
): string {
  let j = pos;
  while (j > 0 && pos - j < 4) {
    const c = text.charCodeAt(j - 1);
    if (c !== 0x2e && !isSpaceUnit(c)) break;
    j -= 1;
  }
  let k = j;
  while (k > 0 && j - k < LOOK && isWordBeforeUnit(text.charCodeAt(k - 1)))
    k -= 1;
  return lower === null ? text.slice(k, j).toLowerCase() : lower.slice(k, j);
}

/**
 * The word starting after `pos` (skipping spaces), lower case; `lower` is
 * `lowerCopy(text)` when the caller has it.
 */
export function readWordAfter(
  text: string,
  pos: number,
  lower: string | null = null,
): string {
  const j = skipSpaces(text, pos);
  const w = readWord(text, j);
  if (w === null) return '';
  // Keep a trailing dot for abbreviations such as "Mio." or "a.m.".
  const dot = text[j + w.length] === '.';
  if (lower !== null) return lower.slice(j, j + w.length + (dot ? 1 : 0));
  return (dot ? `${w}.` : w).toLowerCase();
}
