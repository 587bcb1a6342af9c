/**
 * Parts of the compiled claimant tagger (`compiled-tagger.ts`): the word
 * entries it reads, its scratch arrays, the figure gap of each token, and
 * the Viterbi decoder written out for its three tags.
 */
import {
  MAX_FIGURE_GAP,
  NUMBER_REACH,
  TAG_COUNT,
  isFigureToken,
  type BlockToken,
} from './span-tagger.js';

// The decoder below is written out for three tags.
if (TAG_COUNT !== 3) throw new Error('tagger-parts: written for 3 tags');

// Figure gaps by code: none, then L1…L8, then R1…R8.
export const GAP_NAMES = [
  'none',
  ...Array.from({ length: MAX_FIGURE_GAP }, (_, k) => `L${k + 1}`),
  ...Array.from({ length: MAX_FIGURE_GAP }, (_, k) => `R${k + 1}`),
];

/**
 * The code in `GAP_NAMES` of each token's nearest figure in its sentence
 * (as `nearestFigure` of the trainer names it: right before left).
 */
export function figureGaps(
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
export interface Entry {
  /** Index among the words of weighted pairs; -1 for any other word. */
  id: number;
  /** Weights in each of the five slots. */
  row: Float64Array;
  /** Second word's id → weights as each of the three pair features. */
  next: Map<number, Float64Array> | null;
}

/** Growable scratch arrays, reused from block to block. */
export class Scratch {
  first = new Int32Array(256);
  end = new Int32Array(256);
  shapes = new Uint8Array(256);
  gaps = new Uint8Array(256);
  left = new Float64Array(256);
  right = new Float64Array(256);
  emissions = new Float64Array(256 * TAG_COUNT);
  back = new Int8Array(256 * TAG_COUNT);

  private pairRows: Float64Array[] = [];
  private entryRows: Entry[] = [];

  /** A reusable array for the entries of `n` tokens. */
  entries(n: number): Entry[] {
    if (this.entryRows.length < n) this.entryRows = new Array(n);
    return this.entryRows;
  }

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
    this.back = new Int8Array(size * TAG_COUNT);
  }
}

/**
 * The best tags of a block, sentence by sentence (Viterbi), as
 * `viterbiBySentence` of the trainer decodes them: same moves, same ties.
 * `e` holds the per-tag scores, `m` the moves as `(prev + 1) * 3 + cur`
 * (the first row is the start), `back` is scratch of `3 × block.length`.
 */
export function decodeSentences(
  e: Float64Array,
  m: Float64Array,
  block: readonly BlockToken[],
  back: Int8Array,
): number[] {
  const n = block.length;
  const tags = new Array<number>(n);
  for (let lo = 0; lo < n;) {
    const si = (block[lo] as BlockToken).si;
    let hi = lo + 1;
    while (hi < n && (block[hi] as BlockToken).si === si) hi += 1;
    // A phrase cannot open inside itself.
    let b0 = (e[lo * 3] as number) + (m[0] as number);
    let b1 = (e[lo * 3 + 1] as number) + (m[1] as number);
    let b2 = -Infinity;
    for (let i = lo + 1; i < hi; i += 1) {
      const o = i * 3;
      // Into each tag from the best of the tags before ("inside" never
      // follows "outside"); the first best wins a tie.
      let top = b0 + (m[3] as number);
      let from = 0;
      let v = b1 + (m[6] as number);
      if (v > top) ((top = v), (from = 1));
      v = b2 + (m[9] as number);
      if (v > top) ((top = v), (from = 2));
      const n0 = top + (e[o] as number);
      back[o] = from;
      top = b0 + (m[4] as number);
      from = 0;
      v = b1 + (m[7] as number);
      if (v > top) ((top = v), (from = 1));
      v = b2 + (m[10] as number);
      if (v > top) ((top = v), (from = 2));
      const n1 = top + (e[o + 1] as number);
      back[o + 1] = from;
      top = b1 + (m[8] as number);
      from = 1;
      v = b2 + (m[11] as number);
      if (v > top) ((top = v), (from = 2));
      const n2 = top + (e[o + 2] as number);
      back[o + 2] = from;
      b0 = n0;
      b1 = n1;
      b2 = n2;
    }
    let tag = b1 > b0 ? 1 : 0;
    if (b2 > (tag === 1 ? b1 : b0)) tag = 2;
    for (let i = hi - 1; i >= lo; i -= 1) {
      tags[i] = tag;
      tag = back[i * 3 + tag] as number;
    }
    lo = hi;
  }
  return tags;
}
