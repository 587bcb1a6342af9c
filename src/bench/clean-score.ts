/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-
 * benchmark, see `bench/article-extraction/SOURCE.md`), re-implemented from
 * its description: word 4-gram shingle multisets per document, per-document
 * precision and recall, averaged over documents, F1 of the two averages.
 * Pure and deterministic (the bootstrap takes its own seeded generator).
 */

/**
 * Python's `re` `\w` on `str` patterns: letters (`str.isalpha`, i.e. the
 * `L*` categories), numerics (`Nd`, `Nl`, `No`) and the underscore. Unlike
 * some `\w` flavours it does not include combining marks (`Mn`, `Mc`), so
 * "é" written as e + U+0301 splits into two tokens there, and here too.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Default shingle length of the benchmark. */
export const SHINGLE_N = 4;

/** Maximal runs of word characters, case preserved. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/**
 * Multiset of word n-grams. A text with fewer than `n` tokens yields a
 * single shorter shingle; a text without tokens yields none.
 */
export function shingles(text: string, n = SHINGLE_N): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i += 1) {
    // U+0001 cannot occur inside a token, so joined shingles never collide.
    const key = tokens.slice(i, i + n).join('\u0001');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-document counts, already divided by `tp + fp + fn` (0 if all 0). */
export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  /** The token lists of truth and prediction are identical. */
  exact: boolean;
}

/** Shingle matching of one prediction against its truth. */
export function scoreDoc(truth: string, prediction: string): DocScore {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(pc, tc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  const exact = sameTokens(tokenize(truth), tokenize(prediction));
  if (sum === 0) return { tp: 0, fp: 0, fn: 0, exact };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact };
}

function sameTokens(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Precision of one document: 1 when nothing is wrong, 0 when nothing hit. */
export function docPrecision(d: DocScore): number {
  if (d.fp === 0 && d.fn === 0) return 1;
  return d.tp + d.fp > 0 ? d.tp / (d.tp + d.fp) : 0;
}

/** Recall of one document: 1 when nothing is wrong, 0 when nothing hit. */
export function docRecall(d: DocScore): number {
  if (d.fp === 0 && d.fn === 0) return 1;
  return d.tp + d.fn > 0 ? d.tp / (d.tp + d.fn) : 0;
}

/** Corpus-level figures. */
export interface Summary {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  /** Documents scored. */
  docs: number;
}

/**
 * Average the per-document figures: precision over documents with a
 * non-empty prediction (an empty prediction only costs recall), recall over
 * documents with a non-empty truth, F1 as the harmonic mean of the two
 * averages (not the mean of per-document F1).
 */
export function summarize(docs: readonly DocScore[]): Summary {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  let exact = 0;
  for (const d of docs) {
    // Both empty counts as a perfect document, as in the benchmark.
    const bothEmpty = d.tp + d.fp + d.fn === 0;
    if (d.tp + d.fp > 0 || bothEmpty) {
      pSum += docPrecision(d);
      pN += 1;
    }
    if (d.tp + d.fn > 0 || bothEmpty) {
      rSum += docRecall(d);
      rN += 1;
    }
    if (d.exact) exact += 1;
  }
  const precision = pN ? pSum / pN : 0;
  const recall = rN ? rSum / rN : 0;
  const f1 =
    precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : 0;
  const accuracy = docs.length ? exact / docs.length : 0;
  return { f1, precision, recall, accuracy, docs: docs.length };
}

/** Standard deviations of the summary figures over bootstrap resamples. */
export type SummaryStd = Omit<Summary, 'docs'>;

/**
 * Standard deviation of each figure over `rounds` resamples (with
 * replacement) of the documents, as the benchmark reports "±". `random`
 * returns floats in [0, 1); pass a seeded one for reproducible output.
 */
export function bootstrapStd(
  docs: readonly DocScore[],
  random: () => number,
  rounds = 1000,
): SummaryStd {
  const keys = ['f1', 'precision', 'recall', 'accuracy'] as const;
  const samples = keys.map(() => [] as number[]);
  for (let r = 0; r < rounds; r += 1) {
    const pick = docs.map(() => docs[Math.floor(random() * docs.length)]!);
    const s = summarize(pick);
    keys.forEach((k, i) => samples[i]!.push(s[k]));
  }
  const [f1, precision, recall, accuracy] = samples.map(std) as [
    number,
    number,
    number,
    number,
  ];
  return { f1, precision, recall, accuracy };
}

function std(values: number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const v = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(v);
}

export { seededRandom } from '../shared/seeded-random.js';
