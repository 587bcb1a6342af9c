/**
 * Scoring of SimHash near-duplicate decisions on the labelled pairs in
 * `tests/fixtures/dedupe/pairs.jsonl`; shared by `npm run eval:dedupe` and
 * the unit test that guards the chosen threshold.
 */
import { readFileSync } from 'node:fs';

import {
  hammingDistance,
  isFingerprintable,
  simhash64,
  type SimhashOptions,
} from '../shared/dedupe/simhash.js';
import type { DedupePair } from './dedupe-fixtures.js';

export type { DedupePair };

/** A pair with its SimHash distance. */
export interface ScoredPair {
  id: string;
  kind: string;
  duplicate: boolean;
  /** null when either text is too short to fingerprint. */
  distance: number | null;
}

/** Precision and recall of "duplicate" at one threshold. */
export interface ThresholdScore {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

/** Read a JSONL file of pairs. */
export function loadPairs(path: string): DedupePair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DedupePair);
}

/** Distances of all pairs under the given fingerprint options. */
export function scorePairs(
  pairs: DedupePair[],
  opts: SimhashOptions = {},
): ScoredPair[] {
  return pairs.map((p) => ({
    id: p.id,
    kind: p.kind,
    duplicate: p.duplicate,
    // Short texts are the exact hash's job, so they never match here.
    distance:
      isFingerprintable(p.a) && isFingerprintable(p.b)
        ? hammingDistance(simhash64(p.a, opts), simhash64(p.b, opts))
        : null,
  }));
}

/** Predicted duplicate when the distance is at most `threshold`. */
export function scoreAt(
  scored: ScoredPair[],
  threshold: number,
): ThresholdScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of scored) {
    const predicted = s.distance !== null && s.distance <= threshold;
    if (predicted && s.duplicate) tp += 1;
    else if (predicted) fp += 1;
    else if (s.duplicate) fn += 1;
    else tn += 1;
  }
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    // No predictions means no false alarms: precision 1 by convention.
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** Distances per kind, sorted, for the distribution table. */
export function distancesByKind(
  scored: ScoredPair[],
): Map<string, { duplicate: boolean; distances: (number | null)[] }> {
  const out = new Map<
    string,
    { duplicate: boolean; distances: (number | null)[] }
  >();
  for (const s of scored) {
    const e = out.get(s.kind) ?? { duplicate: s.duplicate, distances: [] };
    e.distances.push(s.distance);
    out.set(s.kind, e);
  }
  for (const e of out.values()) {
    e.distances.sort((x, y) => (x ?? 99) - (y ?? 99));
  }
  return out;
}
