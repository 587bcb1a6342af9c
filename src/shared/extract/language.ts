/**
 * Language detection for the extractor: German or English, from function
 * words and umlauts. Short texts with few function words may be misjudged;
 * callers that know the language pass `lang` to `extractClaims`.
 */
import type { Language } from '../claim.js';
import { isLetterPoint } from './text.js';

const DE_HINTS = new Set([
  'der',
  'die',
  'das',
  'und',
  'nicht',
  'mit',
  'ist',
  'von',
  'den',
  'zu',
  'sich',
  'dass',
  'auf',
  'ein',
  'eine',
  'des',
  'im',
  'nach',
  'wurden',
  'hat',
  'werden',
  'wird',
  'sind',
  'auch',
  'bei',
  'für',
  'über',
  'zum',
  'zur',
  'einem',
  'einen',
  'soldaten',
  'truppen',
  'rund',
  'etwa',
  'mindestens',
  'laut',
  'zufolge',
  'haben',
  'wurde',
  'seien',
  'sei',
  'nordkorea',
]);
const EN_HINTS = new Set([
  'the',
  'and',
  'of',
  'to',
  'is',
  'that',
  'with',
  'for',
  'was',
  'have',
  'has',
  'are',
  'were',
  'by',
  'said',
  'from',
  'on',
  'an',
  'it',
  'this',
  'troops',
  'soldiers',
  'been',
  'least',
  'than',
  'about',
  'north',
  'says',
]);
// Detection stops once this many hint words were seen: more evidence would
// not change the verdict, and the cost stays flat for long articles.
const ENOUGH_HINTS = 40;
const HINT_MAX = Math.max(...[...DE_HINTS, ...EN_HINTS].map((w) => w.length));

/** True for the characters whose lower case is an umlaut or ß. */
function isUmlaut(c: number): boolean {
  return (
    c === 0xe4 ||
    c === 0xf6 ||
    c === 0xfc ||
    c === 0xdf ||
    c === 0xc4 ||
    c === 0xd6 ||
    c === 0xdc ||
    c === 0x1e9e
  );
}

/**
 * Guesses whether `text` is German or English from function words: the
 * words are the runs of letters (`/\p{L}+/u`), read with code-unit tables.
 * `lower` is `lowerCopy(text)` when the caller has it.
 */
export function detectLanguage(
  text: string,
  lower: string | null = null,
): Language {
  if (typeof text !== 'string') return 'en';
  let de = 0;
  let en = 0;
  let umlauts = 0;
  const n = text.length;
  let p = 0;
  while (p < n) {
    // Find the next letter.
    let c = text.charCodeAt(p);
    let w = 1;
    if (c < 0x80) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) {
        p += 1;
        continue;
      }
    } else {
      if (c >= 0xd800 && c <= 0xdbff && p + 1 < n) {
        const d = text.charCodeAt(p + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      if (!isLetterPoint(c)) {
        p += w;
        continue;
      }
    }
    // Read the word.
    const start = p;
    let umlaut = isUmlaut(c);
    p += w;
    while (p < n) {
      c = text.charCodeAt(p);
      if (c < 0x80) {
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
          p += 1;
          continue;
        }
        break;
      }
      w = 1;
      if (c >= 0xd800 && c <= 0xdbff && p + 1 < n) {
        const d = text.charCodeAt(p + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      if (!isLetterPoint(c)) break;
      if (isUmlaut(c)) umlaut = true;
      p += w;
    }
    // No hint is longer than HINT_MAX (lower-casing keeps these lengths).
    if (p - start <= HINT_MAX) {
      const lw =
        lower === null
          ? text.slice(start, p).toLowerCase()
          : lower.slice(start, p);
      if (DE_HINTS.has(lw)) de += 1;
      if (EN_HINTS.has(lw)) en += 1;
    }
    // Umlauts and ß tip the balance in short German texts (the characters
    // whose lower case is one of them).
    if (umlaut) umlauts += 1;
    if (de + en >= ENOUGH_HINTS) break;
  }
  return de + umlauts / 4 > en ? 'de' : 'en';
}
