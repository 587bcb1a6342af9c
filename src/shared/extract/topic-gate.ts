/**
 * The topic gate of the extractor: a text that speaks of the Korean
 * peninsula but never of the war in Ukraine or of Russia holds no claim
 * (North Korean troops at home are not what troopwatch counts).
 */
import { PENINSULA_STEMS, THEATRE_STEMS } from './lexicon/claims.js';

// ASCII stems: plain case-insensitive matching, faster than Unicode mode.
const THEATRE = new RegExp(THEATRE_STEMS.join('|'), 'i');
const PENINSULA = new RegExp(PENINSULA_STEMS.join('|'), 'i');
// The same alternations, case-sensitive, for the lower-case copy: one pass
// over the text instead of one per stem.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const THEATRE_LOWER = new RegExp(THEATRE_STEMS.map(escape).join('|'));
const PENINSULA_LOWER = new RegExp(PENINSULA_STEMS.map(escape).join('|'));

/**
 * `re.test(text)` for a regex of ASCII stems (flag `i`): searches the
 * lower-case copy with `lowerRe` (the stems, case-sensitive) when no
 * character outside ASCII lower-cases into ASCII (the Kelvin sign; the
 * dotted capital I rules the copy out).
 */
function hasStem(
  text: string,
  lower: string | null,
  re: RegExp,
  lowerRe: RegExp,
): boolean {
  if (lower === null || text.includes('\u212a')) return re.test(text);
  return lowerRe.test(lower);
}

/**
 * True when the text names the peninsula but no theatre of the war. The
 * theatre test goes first, as it usually stops at an early "Russland" or
 * "Ukraine"; `lower` is the lower-case copy of the text, or null.
 */
export function onlyThePeninsula(text: string, lower: string | null): boolean {
  return (
    !hasStem(text, lower, THEATRE, THEATRE_LOWER) &&
    hasStem(text, lower, PENINSULA, PENINSULA_LOWER)
  );
}
