/**
 * A learned tagger of claimant phrases: which words of a passage name who
 * says a figure ("der südkoreanische Geheimdienst", "a Ukrainian drone unit
 * commander"). A structured perceptron over begin/inside/outside tags, read
 * with Viterbi; its weights are data (`lexicon/attribution-model.json`),
 * learned by `npm run train:attribution` from the labelled passages that
 * are not held out. The hand rules stay the first word: the phrases found
 * here are candidates for `source-rerank.ts`.
 */
import type { Language } from '../claim.js';
import type { Token } from './text.js';

/** Tags: outside, begins a claimant phrase, inside one. */
export const OUT = 0;
export const BEGIN = 1;
export const INSIDE = 2;
export const TAG_COUNT = 3;

/** A token of a block of sentences: its sentence, its place in it. */
export interface BlockToken {
  token: Token;
  /** Sentence index in the passage. */
  si: number;
  /** Token index within its sentence. */
  k: number;
}

/** A phrase the tagger marked: tokens `from` (inclusive) to `to`. */
export interface Phrase {
  from: number;
  to: number;
  si: number;
  text: string;
  /** Sum over its words of the phrase tag's score minus the outside one's. */
  strength: number;
}

/** Weights: feature → one weight per tag. */
export type TaggerWeights = ReadonlyMap<string, ArrayLike<number>>;

/** True when the text holds a digit. */
export function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Word shape: digits, punctuation, capitals (the first two letters upper
 * case), capitalised, lower. Read from the lower-cased copy, without a
 * regex: it is computed for every token the tagger reads.
 */
export function shape(t: Token): string {
  if (!t.isWord) return hasDigit(t.text) ? 'd' : 'p';
  if (t.text.charCodeAt(0) !== t.lower.charCodeAt(0))
    return t.text.length > 1 && t.text.charCodeAt(1) !== t.lower.charCodeAt(1)
      ? 'X'
      : 'Xx';
  return hasDigit(t.text) ? 'd' : 'x';
}

/** True for a token that opens with a digit: a figure. */
export function isFigureToken(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Every shape, and 'B' for a neighbour beyond the sentence. */
export const SHAPES = ['d', 'p', 'X', 'Xx', 'x', 'B'] as const;

// Context words read either side of a token, one by one. (Bags of the
// words further out, to six either side, did no better in cross-validation
// and cost a third of the time.)
// How far a token looks for a figure in its sentence.
export const NUMBER_REACH = 25;
// Largest position in a sentence and figure distance told apart.
export const MAX_POSITION = 4;
export const MAX_FIGURE_GAP = 8;

/** Markers for a neighbour beyond the block or the sentence. */
export const EDGE = {
  blockBefore: '<s>',
  blockAfter: '</s>',
  sentenceBefore: '<S>',
  sentenceAfter: '</S>',
} as const;

/** The word `d` tokens from `i`, or a marker at a block or sentence edge. */
export function wordAt(
  block: readonly BlockToken[],
  i: number,
  d: number,
): string {
  const u = block[i + d];
  if (!u) return d < 0 ? EDGE.blockBefore : EDGE.blockAfter;
  if (u.si !== (block[i] as BlockToken).si)
    return d < 0 ? EDGE.sentenceBefore : EDGE.sentenceAfter;
  return u.token.lower;
}

function shapeAt(block: readonly BlockToken[], i: number, d: number): string {
  const u = block[i + d];
  return u && u.si === (block[i] as BlockToken).si ? shape(u.token) : 'B';
}

// The slots of a token's one-word features, and the offset each reads.
export const SLOTS = ['0', '-1', '-2', '+1', '+2'] as const;
export type Slot = (typeof SLOTS)[number];
export const OFFSETS: readonly number[] = SLOTS.map(Number);

/** The features that read one word standing at `slot`. */
export function wordFeatures(slot: Slot, word: string): string[] {
  if (slot === '0')
    return [`w0=${word}`, `suf=${word.slice(-3)}`, `pre=${word.slice(0, 4)}`];
  return [`w${slot}=${word}`];
}

/**
 * The features of two neighbouring words: the one before the token and
 * the token, the token and the one after it, the two before it. A space
 * joins them, as no token holds one.
 */
export const PAIRS = ['w-1w0', 'w0w+1', 'w-2w-1'] as const;
export const pairFeature = (k: number, a: string, b: string): string =>
  `${PAIRS[k] as string}=${a} ${b}`;
export const constantFeatures = (lang: Language): string[] => ['b', `L${lang}`];
export const shapeFeatures = (
  before: string,
  at: string,
  after: string,
): string[] => [`sh=${at}`, `sh-1=${before}${at}`, `sh+1=${at}${after}`];
export const positionFeature = (k: number): string =>
  `k=${Math.min(k, MAX_POSITION)}`;
/** Side and distance of the nearest figure: "R3", "L8" or "none". */
export const figureFeature = (gap: string): string => `nb=${gap}`;

/** The features of token `i` that do not read a single word. */
function otherFeatures(
  block: readonly BlockToken[],
  i: number,
  lang: Language,
): string[] {
  const w = (d: number): string => wordAt(block, i, d);
  return [
    ...constantFeatures(lang),
    pairFeature(0, w(-1), w(0)),
    pairFeature(1, w(0), w(1)),
    pairFeature(2, w(-2), w(-1)),
    ...shapeFeatures(
      shapeAt(block, i, -1),
      shapeAt(block, i, 0),
      shapeAt(block, i, 1),
    ),
    positionFeature((block[i] as BlockToken).k),
    figureFeature(nearestFigure(block, i)),
  ];
}

/** The features of token `i` of a block (as the trainer sees them). */
export function tokenFeatures(
  block: readonly BlockToken[],
  i: number,
  lang: Language,
): string[] {
  const f = otherFeatures(block, i, lang);
  SLOTS.forEach((slot, k) =>
    f.push(...wordFeatures(slot, wordAt(block, i, OFFSETS[k] as number))),
  );
  return f;
}

/** Side and distance of the nearest figure in the sentence. */
function nearestFigure(block: readonly BlockToken[], i: number): string {
  const si = (block[i] as BlockToken).si;
  const isFigure = (u: BlockToken | undefined): boolean =>
    u !== undefined && u.si === si && isFigureToken(u.token);
  for (let d = 1; d < NUMBER_REACH; d += 1) {
    if (isFigure(block[i + d])) return `R${Math.min(d, MAX_FIGURE_GAP)}`;
    if (isFigure(block[i - d])) return `L${Math.min(d, MAX_FIGURE_GAP)}`;
  }
  return 'none';
}

/** The feature of moving from tag `prev` (or the start, -1) to `cur`. */
export const transition = (prev: number, cur: number): string =>
  `T${prev < 0 ? '^' : prev}${cur}`;

/** Adds the weights of `features` to `into` (one slot per tag). */
export function addWeights(
  weights: TaggerWeights,
  features: readonly string[],
  into: Float64Array,
  at = 0,
): void {
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let tag = 0; tag < TAG_COUNT; tag += 1)
      into[at + tag] = (into[at + tag] ?? 0) + (w[tag] ?? 0);
  }
}

/** Per-tag scores of each token's features: `n × TAG_COUNT`, row-major. */
export function emissionsOf(
  weights: TaggerWeights,
  features: readonly (readonly string[])[],
): Float64Array {
  const out = new Float64Array(features.length * TAG_COUNT);
  features.forEach((f, i) => addWeights(weights, f, out, i * TAG_COUNT));
  return out;
}

/** Score of each move, `[prev + 1][cur]` (the first row is the start). */
export function transitionsOf(weights: TaggerWeights): number[][] {
  const rows: number[][] = [];
  for (let p = -1; p < TAG_COUNT; p += 1)
    rows.push(
      Array.from(
        { length: TAG_COUNT },
        (_, c) => weights.get(transition(p, c))?.[c] ?? 0,
      ),
    );
  return rows;
}

/**
 * The best tag sequence for the per-tag scores of `n` tokens (Viterbi);
 * `best` and `back` may be scratch arrays of at least `n × TAG_COUNT`.
 */
export function viterbi(
  emissions: Float64Array,
  moves: number[][],
  n = emissions.length / TAG_COUNT,
  best: Float64Array = new Float64Array(n * TAG_COUNT),
  back: Int8Array = new Int8Array(n * TAG_COUNT),
): number[] {
  if (n === 0) return [];
  for (let c = 0; c < TAG_COUNT; c += 1)
    // A phrase cannot open inside itself.
    best[c] =
      c === INSIDE ? -Infinity : (emissions[c] ?? 0) + (moves[0]?.[c] ?? 0);
  for (let i = 1; i < n; i += 1) {
    for (let c = 0; c < TAG_COUNT; c += 1) {
      let top = -Infinity;
      let from = 0;
      for (let p = 0; p < TAG_COUNT; p += 1) {
        if (c === INSIDE && p === OUT) continue;
        const v =
          (best[(i - 1) * TAG_COUNT + p] ?? 0) + (moves[p + 1]?.[c] ?? 0);
        if (v > top) {
          top = v;
          from = p;
        }
      }
      best[i * TAG_COUNT + c] = top + (emissions[i * TAG_COUNT + c] ?? 0);
      back[i * TAG_COUNT + c] = from;
    }
  }
  let tag = 0;
  const last = (n - 1) * TAG_COUNT;
  for (let c = 1; c < TAG_COUNT; c += 1)
    if ((best[last + c] ?? 0) > (best[last + tag] ?? 0)) tag = c;
  const tags = new Array<number>(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    tags[i] = tag;
    tag = back[i * TAG_COUNT + tag] ?? 0;
  }
  return tags;
}

/**
 * The best tags of a block, sentence by sentence: a phrase never crosses a
 * sentence, and a sentence is tagged the same whatever block holds it.
 */
export function viterbiBySentence(
  emissions: Float64Array,
  moves: number[][],
  block: readonly BlockToken[],
  best?: Float64Array,
  back?: Int8Array,
): number[] {
  const tags: number[] = [];
  for (let lo = 0; lo < block.length;) {
    const si = (block[lo] as BlockToken).si;
    let hi = lo + 1;
    while (hi < block.length && (block[hi] as BlockToken).si === si) hi += 1;
    const part = emissions.subarray(lo * TAG_COUNT, hi * TAG_COUNT);
    tags.push(...viterbi(part, moves, hi - lo, best, back));
    lo = hi;
  }
  return tags;
}

/** The best tags for the tokens' features, as the trainer reads them. */
export function decode(
  weights: TaggerWeights,
  features: readonly (readonly string[])[],
  block: readonly BlockToken[],
): number[] {
  return viterbiBySentence(
    emissionsOf(weights, features),
    transitionsOf(weights),
    block,
  );
}

/** The phrases a tag sequence marks, with their words as the text has them. */
export function phrasesOf(
  text: string,
  block: readonly BlockToken[],
  tags: readonly number[],
  emissions: Float64Array,
): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 0; i < tags.length; i += 1) {
    if (tags[i] !== BEGIN) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === INSIDE) j += 1;
    const first = (block[i] as BlockToken).token;
    const last = (block[j - 1] as BlockToken).token;
    // How much more its words score as a phrase than outside one.
    let strength = 0;
    for (let k = i; k < j; k += 1)
      strength +=
        (emissions[k * TAG_COUNT + (tags[k] as number)] as number) -
        (emissions[k * TAG_COUNT + OUT] as number);
    out.push({
      from: i,
      to: j,
      si: (block[i] as BlockToken).si,
      text: text.slice(first.start, last.end),
      strength,
    });
  }
  return out;
}
