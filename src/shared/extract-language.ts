/**
 * Language detection for the extractor: German or English, from function
 * words and umlauts. Short texts with few function words may be misjudged;
 * callers that know the language pass `lang` to `extractClaims`.
 */
import type { Language } from './claim.js';

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
const WORDS = /[\p{L}]+/gu;
const UMLAUTS = /[äöüßÄÖÜ\u1e9e]/u;
const HINT_MAX = Math.max(...[...DE_HINTS, ...EN_HINTS].map((w) => w.length));

/** Guesses whether `text` is German or English from function words. */
export function detectLanguage(text: string): Language {
  if (typeof text !== 'string') return 'en';
  let de = 0;
  let en = 0;
  let umlauts = 0;
  const re = new RegExp(WORDS);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0];
    // No hint is longer than HINT_MAX (lower-casing keeps these lengths).
    if (word.length <= HINT_MAX) {
      const w = word.toLowerCase();
      if (DE_HINTS.has(w)) de += 1;
      if (EN_HINTS.has(w)) en += 1;
    }
    // Umlauts and ß tip the balance in short German texts (the characters
    // whose lower case is one of them).
    if (UMLAUTS.test(word)) umlauts += 1;
    if (de + en >= ENOUGH_HINTS) break;
  }
  return de + umlauts / 4 > en ? 'de' : 'en';
}
