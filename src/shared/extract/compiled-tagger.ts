/**
 * The claimant tagger of `span-tagger.ts`, compiled for use: the same
 * scores as summing the weights of `tokenFeatures`, without building one
 * string per token and feature. Each distinct word's weights are read once
 * for all five places it can stand in; each pair of neighbours once for
 * its three pair features; shapes, positions and figure gaps are tables.
 * A test holds the two paths equal.
 */
import type { Language } from '../claim.js';
import {
  GAP_NAMES,
  Scratch,
  decodeSentences,
  figureGaps,
  type Entry,
} from './tagger-parts.js';
import {
  MAX_POSITION,
  EDGE,
  PAIRS,
  SHAPES,
  SLOTS,
  TAG_COUNT,
  addWeights,
  constantFeatures,
  figureFeature,
  positionFeature,
  shape,
  shapeFeatures,
  transitionsOf,
  wordFeatures,
  phrasesOf,
  type BlockToken,
  type Phrase,
  type TaggerWeights,
} from './span-tagger.js';

// Distinct words (and pairs) whose scores a tagger keeps before it starts
// over: bounds memory on an endless stream of new words.
const CACHE_MAX = 50_000;
const BEYOND = SHAPES.indexOf('B');
const NO_PAIR = new Float64Array(PAIRS.length * TAG_COUNT);

/** Weights of a list of features, one row per list. */
function table(
  weights: TaggerWeights,
  lists: readonly (readonly string[])[],
): Float64Array {
  const out = new Float64Array(lists.length * TAG_COUNT);
  lists.forEach((features, k) =>
    addWeights(weights, features, out, k * TAG_COUNT),
  );
  return out;
}

const EDGE_ORDER = [
  EDGE.blockBefore,
  EDGE.sentenceBefore,
  EDGE.sentenceAfter,
  EDGE.blockAfter,
];

/**
 * Token `j` of a sentence that spans [lo, hi) of a block of `n` tokens, or
 * the edge marker (of `EDGE_ORDER`) when `j` lies beyond the sentence.
 */
function neighbour(
  entries: readonly Entry[],
  j: number,
  lo: number,
  hi: number,
  n: number,
  edges: readonly Entry[],
): Entry {
  if (j >= lo && j < hi) return entries[j] as Entry;
  const edge = j < 0 ? 0 : j < lo ? 1 : j >= n ? 3 : 2;
  return edges[edge] as Entry;
}

/** A compiled tagger over fixed weights. */
export class Tagger {
  // Ids of the words that open or close a pair with a weight, and the
  // pairs by first word's id; entries are made on first sight, bounded.
  private readonly ids = new Map<string, number>();
  private readonly pairsOf = new Map<number, Map<number, Float64Array>>();
  private readonly entries = new Map<string, Entry>();
  private readonly constants = new Map<Language, Float64Array>();
  // Rows by figure gap code (see `figureGaps`).
  private readonly gaps: Float64Array;
  // The four edge markers, in `EDGE_ORDER`.
  private readonly edges: Entry[];
  // Rows by shape index: before × at × after.
  private readonly shapes: Float64Array;
  private readonly positions: Float64Array;
  // Score of each move, `(prev + 1) * 3 + cur` (the first row is the start).
  private readonly flatMoves: Float64Array;
  private readonly scratch = new Scratch();

  constructor(readonly weights: TaggerWeights) {
    this.flatMoves = Float64Array.from(transitionsOf(weights).flat());
    const idOf = (word: string): number => {
      let id = this.ids.get(word);
      if (id === undefined) this.ids.set(word, (id = this.ids.size));
      return id;
    };
    for (const [feature, w] of weights) {
      const eq = feature.indexOf('=');
      const kind = PAIRS.indexOf(feature.slice(0, eq) as never);
      if (eq < 0 || kind < 0) continue;
      const space = feature.indexOf(' ', eq);
      const first = idOf(feature.slice(eq + 1, space));
      const second = idOf(feature.slice(space + 1));
      let next = this.pairsOf.get(first);
      if (!next) this.pairsOf.set(first, (next = new Map()));
      let row = next.get(second);
      if (!row)
        next.set(second, (row = new Float64Array(PAIRS.length * TAG_COUNT)));
      for (let tag = 0; tag < TAG_COUNT; tag += 1)
        row[kind * TAG_COUNT + tag] = w[tag] ?? 0;
    }
    this.edges = EDGE_ORDER.map((m) => this.entry(m));
    this.gaps = table(
      weights,
      GAP_NAMES.map((gap) => [figureFeature(gap)]),
    );
    const lists: string[][] = [];
    for (const before of SHAPES)
      for (const at of SHAPES)
        for (const after of SHAPES)
          lists.push(shapeFeatures(before, at, after));
    this.shapes = table(weights, lists);
    this.positions = table(
      weights,
      Array.from({ length: MAX_POSITION + 1 }, (_, k) => [positionFeature(k)]),
    );
  }

  /** The entry of a word: its weights in each slot, the pairs it opens. */
  private entry(word: string): Entry {
    let got = this.entries.get(word);
    if (!got) {
      const id = this.ids.get(word) ?? -1;
      const row = table(
        this.weights,
        SLOTS.map((slot) => wordFeatures(slot, word)),
      );
      got = { id, row, next: this.pairsOf.get(id) ?? null };
      if (this.entries.size >= CACHE_MAX) this.entries.clear();
      this.entries.set(word, got);
    }
    return got;
  }

  /** A pair's weights as each of the three pair features. */
  private pair(a: Entry, b: Entry): Float64Array {
    return a.next?.get(b.id) ?? NO_PAIR;
  }

  /** Per-tag scores of every token of the block, `n × TAG_COUNT`. */
  emissions(block: readonly BlockToken[], lang: Language): Float64Array {
    return this.score(block, lang, new Float64Array(block.length * TAG_COUNT));
  }

  /** Writes the per-tag scores of the block's tokens into `out`. */
  private score(
    block: readonly BlockToken[],
    lang: Language,
    out: Float64Array,
  ): Float64Array {
    const n = block.length;
    let constant = this.constants.get(lang);
    if (!constant) {
      constant = table(this.weights, [constantFeatures(lang)]);
      this.constants.set(lang, constant);
    }
    const scratch = this.scratch;
    scratch.fit(n);
    const { first, end, shapes } = scratch;
    // Each token's sentence as [first, end) in the block.
    for (let i = 0; i < n; i += 1)
      first[i] =
        i > 0 && (block[i - 1] as BlockToken).si === (block[i] as BlockToken).si
          ? (first[i - 1] as number)
          : i;
    for (let i = n - 1; i >= 0; i -= 1)
      end[i] =
        i < n - 1 &&
        (block[i + 1] as BlockToken).si === (block[i] as BlockToken).si
          ? (end[i + 1] as number)
          : i + 1;
    const entries = scratch.entries(n);
    for (let i = 0; i < n; i += 1)
      entries[i] = this.entry((block[i] as BlockToken).token.lower);
    for (let i = 0; i < n; i += 1)
      shapes[i] = SHAPES.indexOf(
        shape((block[i] as BlockToken).token) as never,
      );
    const gaps = figureGaps(block, scratch);
    const side = SHAPES.length;
    // Each token's pair with the word before it, read once: it is also
    // the next token's "two before" pair and the one before's "after" pair.
    const pairs = scratch.pairs(n);
    for (let i = 0; i < n; i += 1)
      pairs[i] = this.pair(
        neighbour(entries, i - 1, first[i] as number, n, n, this.edges),
        entries[i] as Entry,
      );
    const { shapes: shapeRows, positions, gaps: gapRows } = this;
    for (let i = 0; i < n; i += 1) {
      const lo = first[i] as number;
      const hi = end[i] as number;
      // The words two either side; edge markers beyond the sentence (or
      // the block).
      const w0 = entries[i] as Entry;
      const m1 = neighbour(entries, i - 1, lo, hi, n, this.edges);
      const m2 = neighbour(entries, i - 2, lo, hi, n, this.edges);
      const p1 = neighbour(entries, i + 1, lo, hi, n, this.edges);
      const p2 = neighbour(entries, i + 2, lo, hi, n, this.edges);
      const s1 = i - 1 >= lo ? (shapes[i - 1] as number) : BEYOND;
      const s2 = i + 1 < hi ? (shapes[i + 1] as number) : BEYOND;
      const sh = ((s1 * side + (shapes[i] as number)) * side + s2) * TAG_COUNT;
      const pos =
        Math.min((block[i] as BlockToken).k, MAX_POSITION) * TAG_COUNT;
      const gap = (gaps[i] as number) * TAG_COUNT;
      const r0 = w0.row;
      const r1 = m1.row;
      const r2 = m2.row;
      const r3 = p1.row;
      const r4 = p2.row;
      const q0 = pairs[i] as Float64Array;
      const q1 =
        i + 1 < hi ? (pairs[i + 1] as Float64Array) : this.pair(w0, p1);
      const q2 =
        i - 1 >= lo ? (pairs[i - 1] as Float64Array) : this.pair(m2, m1);
      // Per tag: the five word slots (in the order of `SLOTS`), the three
      // pairs (of `PAIRS`), shape, position, figure gap.
      const o = i * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t += 1)
        out[o + t] =
          (constant[t] as number) +
          (r0[t] as number) +
          (r1[3 + t] as number) +
          (r2[6 + t] as number) +
          (r3[9 + t] as number) +
          (r4[12 + t] as number) +
          (q0[t] as number) +
          (q1[3 + t] as number) +
          (q2[6 + t] as number) +
          (shapeRows[sh + t] as number) +
          (positions[pos + t] as number) +
          (gapRows[gap + t] as number);
    }
    return out;
  }

  /**
   * The tags of a block: Viterbi sentence by sentence, as
   * `viterbiBySentence` of the trainer decodes (same moves, same ties),
   * written out for three tags.
   */
  tag(block: readonly BlockToken[], lang: Language): number[] {
    const n = block.length;
    const scratch = this.scratch;
    scratch.fit(n);
    const { back } = scratch;
    const e = this.score(block, lang, scratch.emissions);
    return decodeSentences(e, this.flatMoves, block, back);
  }

  /** The claimant phrases the tagger marks in a block. */
  phrases(
    text: string,
    block: readonly BlockToken[],
    lang: Language,
  ): Phrase[] {
    const tags = this.tag(block, lang);
    return phrasesOf(text, block, tags, this.scratch.emissions);
  }
}
