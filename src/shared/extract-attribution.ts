/**
 * Attribution: who makes a claim, as the text names it ("nach Angaben X",
 * "laut X", "X zufolge", "so X", "X sagte", "according to X", "X said").
 * Vague sources ("Berichten zufolge", "reportedly", "Experten zufolge") give
 * null, consistently, because they name no one an analyst could check.
 */
import type { Language } from './claim.js';
import {
  EVENT_NOUNS,
  KNOWN_SOURCES,
  SOURCE_AFTER,
  SOURCE_BEFORE,
  VAGUE_SOURCES,
} from './lexicon-claims.js';
import { isCapitalized, type Token } from './extract-text.js';

// Words that end a source phrase: verbs, conjunctions, prepositions.
const STOP = new Set([
  'hat', 'haben', 'hatte', 'hatten', 'ist', 'sind', 'war', 'waren', 'wurde',
  'wurden', 'wird', 'werden', 'soll', 'sollen', 'seien', 'sei', 'könnte',
  'könnten', 'dass', 'und', 'oder', 'vom', 'am', 'im', 'in', 'auf', 'mit',
  'bei', 'nach', 'für', 'über', 'has', 'have', 'had', 'is', 'are', 'was',
  'were', 'will', 'would', 'could', 'that', 'and', 'or', 'on', 'at', 'in',
  'to', 'for', 'with', 'by', 'about', 'last', 'this', 'on', 'zufolge',
  'sagte', 'said', 'says', 'erklärte', 'bestätigte', 'mit', 'wie', 'so',
  'told', 'earlier', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'bereits', 'auch', 'also', 'kürzlich', 'recently',
]);
const ARTICLES = new Set([
  'der', 'die', 'das', 'dem', 'den', 'des', 'von', 'the', 'a', 'an', 'of',
]);
// English lower-case words that belong inside a source phrase.
const EN_SOURCE_WORDS = new Set([
  'military', 'intelligence', 'officials', 'official', 'spy', 'agency',
  'service', 'government', 'ministry', 'defence', 'defense', 'national',
  'security', 'spokesman', 'spokesperson', 'spokeswoman', 'chief', 'minister',
  'secretary', 'staff', 'general', 'joint', 'chiefs', 'lawmakers', 'lawmaker',
  'command', 'council', 'office', 'foreign', 'state', 'news', 'of', 'the',
  "'s", 's', 'director', 'president', 'analysts', 'sources', 'department',
]);

/** True when `t` may be part of a source phrase. */
function isSourceWord(t: Token, lang: Language, hasNoun: boolean): boolean {
  if (!t.isWord || STOP.has(t.lower) || /^\d/u.test(t.text)) return false;
  if (isCapitalized(t)) return true;
  if (lang === 'en') return EN_SOURCE_WORDS.has(t.lower);
  // German: inflected adjectives before the noun, genitive articles after it.
  if (ARTICLES.has(t.lower)) return true;
  return !hasNoun && /(?:e|en|er|es|em)$/u.test(t.lower);
}

/** Trims articles at both ends and joins the tokens as written. */
function joinSource(text: string, toks: readonly Token[]): string | null {
  let a = 0;
  let b = toks.length;
  while (a < b && ARTICLES.has((toks[a] as Token).lower)) a += 1;
  while (b > a && (ARTICLES.has((toks[b - 1] as Token).lower) ||
    (toks[b - 1] as Token).lower === "'s")) b -= 1;
  if (a >= b) return null;
  return text.slice((toks[a] as Token).start, (toks[b - 1] as Token).end);
}

/** Reads a source phrase forward from token `i`. */
function readForward(text: string, toks: readonly Token[], i: number,
  lang: Language): string | null {
  const got: Token[] = [];
  let hasNoun = false;
  for (let k = i; k < toks.length && got.length < 8; k += 1) {
    const t = toks[k] as Token;
    if (t.text === '-' || t.text === '’' || t.text === "'") continue;
    if (!isSourceWord(t, lang, hasNoun)) break;
    got.push(t);
    if (isCapitalized(t)) hasNoun = true;
  }
  // German source phrases open with a capital or an article/adjective.
  return got.length ? joinSource(text, got) : null;
}

/** Reads a source phrase backward from token `i` (exclusive). */
function readBackward(text: string, toks: readonly Token[], i: number,
  lang: Language): string | null {
  const got: Token[] = [];
  for (let k = i - 1; k >= 0 && got.length < 8; k -= 1) {
    const t = toks[k] as Token;
    if (!isSourceWord(t, lang, false)) break;
    got.unshift(t);
  }
  if (!got.length && toks[i - 1]?.text === ',') {
    // "John Kirby, Sprecher des …, äußerte": the name opens the sentence.
    const firstComma = toks.findIndex((t) => t.text === ',');
    if (firstComma > 0 && firstComma <= 4 && isCapitalized(toks[0] as Token))
      return joinSource(text, toks.slice(0, firstComma));
  }
  return got.length ? joinSource(text, got) : null;
}

/** True when the phrase names no one ("Berichten", "er", "reports"). */
function isVague(source: string): boolean {
  const words = source.toLowerCase().split(/[\s-]+/u);
  // A phrase with a vague word ("die Truppen Berichten") is a mis-parse of
  // "… Berichten zufolge"; a digit or troop noun means we read the claim.
  return words.every((w) => w === 'officials' || w === 'official') ||
    words.some((w) => VAGUE_SOURCES.has(w) || EVENT_NOUNS.has(w) || /\d/u.test(w) ||
      /(?:soldaten|truppen|troops|soldiers)$/u.test(w));
}

/** Token positions by lower-case text, so each cue is one look-up. */
type TokenIndex = ReadonlyMap<string, readonly number[]>;

/** Indexes the tokens of a sentence by their lower-case text. */
function indexTokens(toks: readonly Token[]): TokenIndex {
  const index = new Map<string, number[]>();
  toks.forEach((t, i) => {
    const list = index.get(t.lower);
    if (list) list.push(i);
    else index.set(t.lower, [i]);
  });
  return index;
}

/** Finds where a (multi-word) cue occurs in the tokens. */
function findCue(toks: readonly Token[], index: TokenIndex,
  cue: string): readonly number[] {
  const parts = cue.split(' ');
  const starts = index.get(parts[0] as string) ?? [];
  if (parts.length === 1) return starts;
  return starts.filter((i) =>
    parts.every((p, k) => toks[i + k]?.lower === p));
}

/** Runs the attribution patterns over one sentence's tokens. */
function matchSentence(text: string, toks: readonly Token[],
  lang: Language): string | null {
  const index = indexTokens(toks);
  // Speaker before a speech verb first: it is the primary source, while
  // "laut X" often names the outlet that relayed it.
  for (const cue of SOURCE_AFTER[lang]) {
    for (const i of findCue(toks, index, cue)) {
      const src = readBackward(text, toks, i, lang);
      if (src && !isVague(src)) return src;
    }
  }
  for (const cue of SOURCE_BEFORE[lang]) {
    const n = cue.split(' ').length;
    for (const i of findCue(toks, index, cue)) {
      const next = toks[i + n];
      // Verbs and "so" only introduce a source that starts with a capital.
      if (!next || (cue.length < 8 && !isCapitalized(next) &&
        !ARTICLES.has(next.lower))) continue;
      const src = readForward(text, toks, i + n, lang);
      if (src && !isVague(src)) return src;
    }
  }
  return null;
}

/** Finds a known agency name as a whole word in the sentence. */
function findKnownSource(toks: readonly Token[]): string | null {
  const words = new Set(toks.map((t) => t.text.replace(/s$/u, '')));
  for (const name of KNOWN_SOURCES) {
    const head = name.split(' ')[0] as string;
    if (!words.has(head) && !words.has(head.replace(/s$/u, ''))) continue;
    const parts = name.split(' ');
    for (let i = 0; i + parts.length <= toks.length; i += 1) {
      if (parts.every((p, k) => (toks[i + k] as Token).text.replace(/s$/u, '') === p ||
        (toks[i + k] as Token).text === p)) return name;
    }
  }
  return null;
}

/**
 * Names the source of a claim in sentence `cur`, looking into the next
 * sentence when it continues the attribution ("… . so X", "X bestätigte
 * diese Zahl") and falling back to a known agency named in the sentence.
 */
export function findAttribution(text: string, cur: readonly Token[],
  next: readonly Token[] | null, lang: Language): string | null {
  const own = matchSentence(text, cur, lang);
  if (own) return own;
  if (next && next.length) {
    const first = (next[0] as Token).lower;
    const opensWithSource = SOURCE_BEFORE[lang].some((c) => c.split(' ')[0] === first);
    const confirms = next.some((t, i) => /^(?:bestätigte|bestätigt|confirmed|confirms)$/u.test(t.lower) &&
      /^(?:diese|dies|diesen|this|these|the|that)$/u.test(next[i + 1]?.lower ?? ''));
    if (opensWithSource || confirms) {
      const src = matchSentence(text, next, lang);
      if (src) return src;
    }
  }
  return findKnownSource(cur);
}
