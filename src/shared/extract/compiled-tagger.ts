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
  MAX_FIGURE_GAP,
  MAX_POSITION,
  EDGE,
  NUMBER_REACH,
  PAIRS,
  SHAPES,
  SLOTS,
  TAG_COUNT,
  addWeights,
  constantFeatures,
  figureFeature,
  isFigureToken,
  positionFeature,
  shape,
  shapeFeatures,
  transitionsOf,
  viterbiBySentence,
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

// Figure gaps by code: none, then L1…L8, then R1…R8.
const GAP_NAMES = [
  'none',
  ...Array.from({ length: MAX_FIGURE_GAP }, (_, k) => `L${k + 1}`),
  ...Array.from({ length: MAX_FIGURE_GAP }, (_, k) => `R${k + 1}`),
];

/**
 * The code in `GAP_NAMES` of each token's nearest figure in its sentence
 * (as `nearestFigure` of the trainer names it: right before left).
 */
function figureGaps(
  block: readonly BlockToken[],
  scratch: {
    first: Int32Array;
    end: Int32Array;
    left: Float64Array;
    right: Float64Array;
    gaps: Uint8Array;
  },
): Uint8Array {
  const n = block.length;
  const { first, end, left, right, gaps } = scratch;
  const isFigure = (i: number): boolean =>
    isFigureToken((block[i] as BlockToken).token);
  for (let i = 0; i < n; i += 1)
    left[i] =
      (first[i] as number) < i
        ? isFigure(i - 1)
          ? 1
          : (left[i - 1] as number) + 1
        : Infinity;
  for (let i = n - 1; i >= 0; i -= 1)
    right[i] =
      (end[i] as number) > i + 1
        ? isFigure(i + 1)
          ? 1
          : (right[i + 1] as number) + 1
        : Infinity;
  for (let i = 0; i < n; i += 1) {
    const r = right[i] as number;
    const l = left[i] as number;
    gaps[i] =
      Math.min(r, l) >= NUMBER_REACH
        ? 0
        : r <= l
          ? MAX_FIGURE_GAP + Math.min(r, MAX_FIGURE_GAP)
          : Math.min(l, MAX_FIGURE_GAP);
  }
  return gaps;
}

/** A word as the tagger knows it: its slot weights and the pairs it opens. */
interface Entry {
  /** Index among the words of weighted pairs; -1 for any other word. */
  id: number;
  /** Weights in each of the five slots. */
  row: Float64Array;
  /** Second word's id → weights as each of the three pair features. */
  next: Map<number, Float64Array> | null;
}

/** Growable scratch arrays, reused from block to block. */
class Scratch {
  first = new Int32Array(256);
  end = new Int32Array(256);
  shapes = new Uint8Array(256);
  gaps = new Uint8Array(256);
  left = new Float64Array(256);
  right = new Float64Array(256);
  emissions = new Float64Array(256 * TAG_COUNT);
  best = new Float64Array(256 * TAG_COUNT);
  back = new Int8Array(256 * TAG_COUNT);

  private pairRows: Float64Array[] = [];

  /** A reusable array for `n` pair rows. */
  pairs(n: number): Float64Array[] {
    if (this.pairRows.length < n) this.pairRows = new Array(n);
    return this.pairRows;
  }

  fit(n: number): void {
    if (n <= this.first.length) return;
    const size = 2 ** Math.ceil(Math.log2(n));
    this.first = new Int32Array(size);
    this.end = new Int32Array(size);
    this.shapes = new Uint8Array(size);
    this.gaps = new Uint8Array(size);
    this.left = new Float64Array(size);
    this.right = new Float64Array(size);
    this.emissions = new Float64Array(size * TAG_COUNT);
    this.best = new Float64Array(size * TAG_COUNT);
    this.back = new Int8Array(size * TAG_COUNT);
  }
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
  private readonly moves: number[][];
  private readonly scratch = new Scratch();

  constructor(readonly weights: TaggerWeights) {
    this.moves = transitionsOf(weights);
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
    const entries = block.map((t) => this.entry(t.token.lower));
    for (let i = 0; i < n; i += 1)
      shapes[i] = SHAPES.indexOf(
        shape((block[i] as BlockToken).token) as never,
      );
    const gaps = figureGaps(block, scratch);
    const [blockBefore, sentenceBefore, sentenceAfter, blockAfter] = this
      .edges as [Entry, Entry, Entry, Entry];
    const side = SHAPES.length;
    // Token `j` before (or after) a sentence that starts at `lo` (ends at
    // `hi`), or the edge marker when `j` lies beyond it.
    const earlier = (j: number, lo: number): Entry =>
      j >= lo ? (entries[j] as Entry) : j < 0 ? blockBefore : sentenceBefore;
    const later = (j: number, hi: number): Entry =>
      j < hi ? (entries[j] as Entry) : j >= n ? blockAfter : sentenceAfter;
    // Each token's pair with the word before it, read once: it is also
    // the next token's "two before" pair and the one before's "after" pair.
    const pairs = scratch.pairs(n);
    for (let i = 0; i < n; i += 1)
      pairs[i] = this.pair(
        earlier(i - 1, first[i] as number),
        entries[i] as Entry,
      );
    for (let i = 0; i < n; i += 1) {
      const lo = first[i] as number;
      const hi = end[i] as number;
      // The words two either side; edge markers beyond the sentence.
      const w0 = entries[i] as Entry;
      const m1 = earlier(i - 1, lo);
      const m2 = earlier(i - 2, lo);
      const p1 = later(i + 1, hi);
      const p2 = later(i + 2, hi);
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
      const { shapes: shapeRows, positions, gaps: gapRows } = this;
      // Per tag: the five word slots (in the order of `SLOTS`), the three
      // pairs (of `PAIRS`), shape, position, figure gap.
      for (let t = 0; t < TAG_COUNT; t += 1)
        out[i * TAG_COUNT + t] =
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

  /** The tags of a block. */
  tag(block: readonly BlockToken[], lang: Language): number[] {
    const n = block.length;
    const scratch = this.scratch;
    scratch.fit(n);
    const { best, back } = scratch;
    const scores = this.score(block, lang, scratch.emissions);
    return viterbiBySentence(scores, this.moves, block, best, back);
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
