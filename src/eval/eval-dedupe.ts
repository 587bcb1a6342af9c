/**
 * `npm run eval:dedupe`: SimHash distances over the labelled near-duplicate
 * pairs (`tests/fixtures/dedupe/pairs.jsonl`). Prints precision and recall of
 * "duplicate" at every threshold 0..16, the numbers at the chosen threshold
 * (the index default) against the targets, and the distance distribution
 * per kind of pair.
 *
 * Options: `--sweep` also compares shingle sizes 1..5 with and without the
 * short-line filter (how the defaults were chosen); `--list` prints every
 * pair's distance.
 */
import { DEFAULT_NEAR_DUP_THRESHOLD } from '../queues/near-dup-index.js';
import {
  DEFAULT_MIN_LINE_WORDS,
  DEFAULT_SHINGLE,
  type SimhashOptions,
} from '../shared/dedupe/simhash.js';
import { PAIRS_PATH } from './dedupe-fixtures.js';
import {
  distancesByKind,
  loadPairs,
  scoreAt,
  scorePairs,
  type DedupePair,
} from './dedupe-score.js';

/** Acceptance targets at the chosen threshold. */
export const TARGET_PRECISION = 0.98;
export const TARGET_RECALL = 0.9;

const pct = (x: number): string => x.toFixed(3);

function thresholdTable(pairs: DedupePair[], opts: SimhashOptions): void {
  const scored = scorePairs(pairs, opts);
  console.log('threshold  tp  fp  fn  tn  precision  recall');
  for (let k = 0; k <= 16; k += 1) {
    const s = scoreAt(scored, k);
    const mark = k === DEFAULT_NEAR_DUP_THRESHOLD ? '  <- chosen' : '';
    console.log(
      `${String(k).padStart(9)} ${String(s.tp).padStart(3)} ` +
        `${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ` +
        `${String(s.tn).padStart(3)}      ${pct(s.precision)}   ` +
        `${pct(s.recall)}${mark}`,
    );
  }
  console.log('\ndistance distribution per kind (sorted):');
  const byKind = [...distancesByKind(scored)].sort(
    ([, x], [, y]) => Number(y.duplicate) - Number(x.duplicate),
  );
  for (const [kind, e] of byKind) {
    const d = e.distances;
    const known = d.filter((x): x is number => x !== null);
    const median = known[Math.floor((known.length - 1) / 2)] ?? NaN;
    console.log(
      `  ${e.duplicate ? 'dup ' : 'diff'} ${kind.padEnd(24)} n=${String(d.length).padStart(2)} ` +
        `min=${String(known[0] ?? '-').padStart(2)} ` +
        `median=${String(median).padStart(2)} ` +
        `max=${String(known.at(-1) ?? '-').padStart(2)}  ` +
        `[${d.map((x) => x ?? 'short').join(' ')}]`,
    );
  }
}

function sweep(pairs: DedupePair[]): void {
  console.log(
    '\nsweep: best threshold (max recall with precision ≥ target), gap = ' +
      'smallest non-duplicate distance − largest duplicate distance',
  );
  console.log('shingle  minLineWords  threshold  precision  recall  gap');
  for (const minLineWords of [0, DEFAULT_MIN_LINE_WORDS]) {
    for (let shingle = 1; shingle <= 5; shingle += 1) {
      const scored = scorePairs(pairs, { shingle, minLineWords });
      let best = scoreAt(scored, 0);
      for (let k = 0; k <= 16; k += 1) {
        const s = scoreAt(scored, k);
        if (s.precision >= TARGET_PRECISION && s.recall > best.recall) best = s;
      }
      const dup = scored
        .filter((s) => s.duplicate)
        .map((s) => s.distance ?? 64);
      const diff = scored
        .filter((s) => !s.duplicate)
        .map((s) => s.distance ?? 64);
      const gap = Math.min(...diff) - Math.max(...dup);
      console.log(
        `${String(shingle).padStart(7)} ${String(minLineWords).padStart(13)} ` +
          `${String(best.threshold).padStart(10)}      ${pct(best.precision)}   ` +
          `${pct(best.recall)}  ${String(gap).padStart(3)}`,
      );
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const pairs = loadPairs(PAIRS_PATH);
  const dup = pairs.filter((p) => p.duplicate).length;
  console.log(
    `${pairs.length} labelled pairs (${dup} duplicates, ` +
      `${pairs.length - dup} not) from ${PAIRS_PATH}`,
  );
  console.log(
    `simhash: shingle=${DEFAULT_SHINGLE} words, ` +
      `minLineWords=${DEFAULT_MIN_LINE_WORDS}; ` +
      `chosen threshold=${DEFAULT_NEAR_DUP_THRESHOLD}\n`,
  );
  thresholdTable(pairs, {});
  if (args.includes('--list')) {
    console.log('\nper pair:');
    for (const s of scorePairs(pairs)) {
      console.log(
        `  ${String(s.distance).padStart(5)}  ${s.duplicate ? 'dup ' : 'diff'}  ${s.id}`,
      );
    }
  }
  if (args.includes('--sweep')) sweep(pairs);

  const chosen = scoreAt(scorePairs(pairs), DEFAULT_NEAR_DUP_THRESHOLD);
  const ok =
    chosen.precision >= TARGET_PRECISION && chosen.recall >= TARGET_RECALL;
  console.log(
    `\nat threshold ${DEFAULT_NEAR_DUP_THRESHOLD}: precision ` +
      `${pct(chosen.precision)} (target ≥ ${TARGET_PRECISION}), recall ` +
      `${pct(chosen.recall)} (target ≥ ${TARGET_RECALL}) → ` +
      (ok ? 'PASS' : 'FAIL'),
  );
  if (!ok) process.exitCode = 1;
}

main();
