/**
 * The extract stage: German or English news text → claims about how many
 * North Korean troops are in Russia / the war against Ukraine. A pure
 * function built from general rules (number grammar, qualifier lexicons,
 * unit nouns, actor cues, event verbs, attribution patterns); see DESIGN.md,
 * "The claim".
 */
import type { Claim, Language } from '../claim.js';
import {
  lowerCopy,
  splitSentences,
  tokenize,
  type Span,
  type Token,
} from './text.js';
import { KP_GATE, KOREA_GATE } from './lexicon/claims.js';
import { onlyThePeninsula } from './topic-gate.js';
import { detectLanguage } from './language.js';
import { findNumbers } from './number/parse.js';
import { findTurns, type Turn } from './speaker.js';
import {
  secondLook,
  shippedModel,
  type AttributionModel,
} from './learned-source.js';
import { claimSource } from './subject.js';
import { pointBack } from './generic-source.js';
import { buildClaim, countsPartOfBefore, WINDOW } from './figure-claim.js';

export { detectLanguage } from './language.js';

/** Options of {@link extractClaims}. */
export interface ExtractOptions {
  /** Language of the text. @defaultValue detected with {@link detectLanguage} */
  lang?: Language;
  /** The learned second look at claimants; null for the hand rules alone. */
  model?: AttributionModel | null;
  /** Rethrow a rule's error instead of returning no claims (for tests). */
  strict?: boolean;
}

/** The sentence index holding each offset, for offsets in ascending order. */
function locate(
  sentences: readonly Span[],
  offset: number,
  from: number,
): number {
  let i = from;
  while (i < sentences.length - 1 && (sentences[i] as Span).end <= offset)
    i += 1;
  return i;
}

/**
 * Extracts the troop-count claims about North Korean forces from one text.
 * Pure and total: never throws; empty or garbage input gives [].
 */
export function extractClaims(
  text: string,
  options: ExtractOptions = {},
): Claim[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  // Outside the guard below: a missing model file is a broken install, to
  // be seen, not a text without claims.
  const model = options.model === undefined ? shippedModel() : options.model;
  try {
    // Cheap gates first: most news never names North Korea at all (or
    // Korea, whose mention makes a passage about the North's troops).
    if (!KP_GATE.test(text) && !KOREA_GATE.test(text)) return [];
    const lower = lowerCopy(text);
    if (onlyThePeninsula(text, lower)) return [];
    const lang = options.lang ?? detectLanguage(text, lower);
    const sentences = splitSentences(text);
    const cache = new Map<number, Token[]>();
    const tokens = (i: number): Token[] => {
      let t = cache.get(i);
      if (!t) {
        t = tokenize(text, sentences[i] as Span, lower);
        cache.set(i, t);
      }
      // Only neighbours are revisited; dropping the rest bounds memory.
      if (cache.size > 64) cache.delete(cache.keys().next().value as number);
      return t;
    };
    // Windows of neighbour sentences, cached so that each is one array:
    // the attribution rules memoise their work per array.
    const edges = new Map<string, Token[]>();
    const edge = (i: number, side: 'head' | 'tail'): Token[] => {
      const key = `${side}${i}`;
      let t = edges.get(key);
      if (!t) {
        const all = tokens(i);
        // A short sentence is its own window: the same array, so that
        // the memos of the rules also serve it as a neighbour.
        if (all.length <= WINDOW) t = all;
        else t = side === 'head' ? all.slice(0, WINDOW) : all.slice(-WINDOW);
        edges.set(key, t);
        if (edges.size > 64) edges.delete(edges.keys().next().value as string);
      }
      return t;
    };
    const out: Claim[] = [];
    const sentenceOf: number[] = [];
    // For a claim that counts a part of another, that claim's index; else -1.
    const partOf: number[] = [];
    // The first claim of each sentence, for a figure that restates it.
    const firsts = new Map<number, Claim>();
    let si = 0;
    const attributions = new Map<number, string | null>();
    // The headline is the first line, when the text has more than one.
    const nl = text.indexOf('\n');
    const hasHeadline = nl >= 0 && (sentences[0] as Span).end <= nl;
    // Transcript turns, found only when a figure has no source of its own.
    let found: Turn[] | null = null;
    const turns = (): readonly Turn[] => (found ??= findTurns(text));
    for (const m of findNumbers(text, lower)) {
      if (m.kind !== 'count') continue;
      si = locate(sentences, m.start, si);
      const claim = buildClaim(
        text,
        lower,
        m,
        sentences,
        si,
        tokens,
        edge,
        lang,
        out.at(-1) ?? null,
        firsts.get(si - 1) ?? null,
        attributions,
        hasHeadline,
        turns,
      );
      if (claim) {
        // A part of a part counts a part of the same whole.
        const up = partOf.at(-1) ?? -1;
        partOf.push(
          countsPartOfBefore(claim) ? (up >= 0 ? up : out.length - 1) : -1,
        );
        out.push(claim);
        sentenceOf.push(si);
        if (!firsts.has(si)) firsts.set(si, claim);
      }
    }
    if (out.length === 0) return out;
    const head = edge(0, 'head');
    const source = (a: string | null): Claim['source'] => claimSource(a, head);
    const n = sentences.length;
    const claims = model
      ? secondLook(
          model,
          text,
          lang,
          out,
          sentenceOf,
          n,
          tokens,
          source,
          partOf,
        )
      : out;
    return pointBack(
      claims,
      sentenceOf,
      text,
      tokens,
      lang,
      hasHeadline && sentences.length > 1,
      sentences.length,
    );
  } catch (err) {
    // A rule bug must not take down the pipeline: no claims beats a crash.
    if (options.strict) throw err;
    return [];
  }
}
