/**
 * Qualifier rules of the claim extractor: the phrase right before a figure
 * that says how exact it is ("rund", "mindestens", "more than", "up to"),
 * read over the words of a short window with fillers skipped ("sogar
 * mindestens"). A range is its own qualifier.
 */
import type { Language, Qualifier } from '../claim.js';
import {
  QUALIFIER_FILLERS,
  QUALIFIER_PHRASES,
  QUALIFIER_WORDS,
} from './lexicon/claims.js';
import type { NumberMention } from './number/parse.js';
import { isLetterPoint, type Token } from './text.js';

// Qualifier phrases split into words once, longest first as listed.
const QUALIFIER_PARTS: Readonly<
  Record<Language, readonly (readonly [readonly string[], Qualifier])[]>
> = {
  de: QUALIFIER_PHRASES.de.map(([p, q]) => [p.split(' '), q] as const),
  en: QUALIFIER_PHRASES.en.map(([p, q]) => [p.split(' '), q] as const),
};

/**
 * The words (`/[\p{L}.]+/u`) of `text` in [from, to): their starts and
 * ends, and lower case (sliced from `lower` when the caller has it).
 */
function wordsIn(
  text: string,
  lower: string | null,
  from: number,
  to: number,
): [number[], number[], string[]] {
  const starts: number[] = [];
  const ends: number[] = [];
  const lowers: string[] = [];
  let p = from;
  let start = -1;
  while (p <= to) {
    let letter = false;
    let w = 1;
    if (p < to) {
      let c = text.charCodeAt(p);
      if (c < 0x80) {
        letter =
          (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2e;
      } else {
        if (c >= 0xd800 && c <= 0xdbff && p + 1 < to) {
          const d = text.charCodeAt(p + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
            w = 2;
          }
        }
        letter = isLetterPoint(c);
      }
    }
    if (letter) {
      if (start < 0) start = p;
    } else if (start >= 0) {
      starts.push(start);
      ends.push(p);
      lowers.push(
        lower === null
          ? text.slice(start, p).toLowerCase()
          : lower.slice(start, p),
      );
      start = -1;
    }
    p += w;
  }
  return [starts, ends, lowers];
}

// Nouns whose "über" names a topic ("Berichte über", "Meldungen über").
const TOPIC_NOUNS =
  /^(?:berichte|berichten|bericht|meldungen|meldung|gerüchte|gerüchten|spekulationen|informationen|angaben)$/u;

/** The qualifier right before the figure and where its phrase starts. */
export function findQualifier(
  text: string,
  lower: string | null,
  m: NumberMention,
  lang: Language,
): [Qualifier, number] {
  if (m.low !== null && m.high !== null) return ['range', m.start];
  // "~500 officers".
  if (text[m.start - 1] === '~') return ['approx', m.start - 1];
  const windowStart = Math.max(0, m.start - 40);
  const [starts, ends, lowers] = wordsIn(text, lower, windowStart, m.start);
  // Skip filler words between qualifier and number ("sogar mindestens").
  let last = lowers.length - 1;
  while (
    last >= 0 &&
    QUALIFIER_FILLERS.has(lowers[last] as string) &&
    lowers[last] !== 'to' &&
    lowers[last] !== 'of'
  )
    last -= 1;
  for (const [parts, q] of QUALIFIER_PARTS[lang]) {
    const n = parts.length;
    if (last + 1 < n) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i += 1) {
      const said = lowers[last - n + 1 + i] as string;
      const want = parts[i] as string;
      ok =
        said === want ||
        (i === n - 1 && !want.endsWith('.') && said === `${want}.`);
    }
    if (!ok) continue;
    // Only whitespace and fillers may separate qualifier and figure.
    const gap = text.slice(ends[last] as number, m.start);
    if (/[^\s\p{L}]/u.test(gap.replace(/\./gu, ''))) continue;
    // "Berichte über 12.000 Soldaten": "über" of a report is "about".
    const head = lowers[last - n] ?? '';
    if (parts[0] === 'über' && n === 1 && TOPIC_NOUNS.test(head))
      return ['exact', m.start];
    return [q, starts[last - n + 1] as number];
  }
  return ['exact', m.start];
}

/** Options of {@link pastQualifiers}. */
interface PastOptions {
  /** A word that ends the walk even if it is a qualifier word ("von"). */
  stop?: (w: string) => boolean;
  /** Other words that may stand with the qualifier ("noch", "bisher"). */
  also?: (w: string) => boolean;
  /** How many words back the walk may go. @defaultValue 3 */
  reach?: number;
}

/**
 * The index of the word before the figure at `num` once the words of its
 * qualifier are passed: "von etwa 3.000" → "von", "up from roughly 600"
 * → "from". The rules that ask what governs a figure share this walk.
 */
export function pastQualifiers(
  toks: readonly Token[],
  num: number,
  { stop, also, reach = 3 }: PastOptions = {},
): number {
  let b = num - 1;
  for (; b >= 0 && num - b <= reach; b -= 1) {
    const w = (toks[b] as Token).lower;
    if (stop?.(w)) break;
    if (!QUALIFIER_WORDS.has(w) && !also?.(w)) break;
  }
  return b;
}
