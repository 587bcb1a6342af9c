/**
 * Cue matching of the event rules: the clause around a token, and whether
 * (or how near) a word of a cue list stands in it. Memoised per list: the
 * same words recur in every sentence.
 */
import type { ClaimEvent, Language } from '../claim.js';
import { EVENT_CUES } from './lexicon/claims.js';
import { GLUED_QUALITY, TRAINING_QUALITY } from './lexicon/events.js';
import { CLAUSE_BREAKS, type Token } from './text.js';

/** Token index range [a, b) of the clause around token `i`. */
export function clauseAround(
  toks: readonly Token[],
  i: number,
): [number, number] {
  let a = i;
  while (a > 0 && !CLAUSE_BREAKS.has((toks[a - 1] as Token).text)) a -= 1;
  let b = i;
  while (b < toks.length && !CLAUSE_BREAKS.has((toks[b] as Token).text)) b += 1;
  return [a, b];
}

/** True when word `w` matches cue `c` (short cues must match whole). */
export function matchesCue(w: string, c: string, loose: boolean): boolean {
  if (c.length < 5) return w === c;
  return loose ? w.includes(c) : w.startsWith(c);
}

// Whether a word matches a cue list, per list and mode: the same words
// recur in every sentence. Bounded: a full memo starts afresh.
const CUE_MEMO = new WeakMap<readonly string[], Map<string, boolean>[]>();
export const MEMO_MAX = 5000;

/** The memo of `matchesAny` for a cue list and mode. */
export function memoFor(
  cues: readonly string[],
  loose: boolean,
): Map<string, boolean> {
  let memos = CUE_MEMO.get(cues);
  if (memos === undefined) {
    memos = [new Map(), new Map()];
    CUE_MEMO.set(cues, memos);
  }
  return memos[loose ? 1 : 0] as Map<string, boolean>;
}

/** True when word `w` matches any cue of the list (memoised in `memo`). */
export function matchesAny(
  w: string,
  cues: readonly string[],
  loose: boolean,
  memo: Map<string, boolean>,
): boolean {
  let got = memo.get(w);
  if (got === undefined) {
    got = cues.some((c) => matchesCue(w, c, loose));
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(w, got);
  }
  return got;
}

/** True when any token in [a, b) matches a cue of the list. */
export function hasCue(
  toks: readonly Token[],
  a: number,
  b: number,
  cues: readonly string[],
  loose = false,
): boolean {
  const memo = memoFor(cues, loose);
  for (let k = a; k < b; k += 1) {
    if (matchesAny((toks[k] as Token).lower, cues, loose, memo)) return true;
  }
  return false;
}

/**
 * Token distance from `num` to the nearest cue of the list (or Infinity);
 * `skip` passes over cue tokens that do not count.
 */
export function nearestCue(
  toks: readonly Token[],
  num: number,
  cues: readonly string[],
  loose: boolean,
  skip?: (k: number) => boolean,
): number {
  const memo = memoFor(cues, loose);
  let best = Infinity;
  // Cues further away than this do not describe the figure.
  for (
    let k = Math.max(0, num - 30);
    k < toks.length && k - num <= 30;
    k += 1
  ) {
    if (matchesAny((toks[k] as Token).lower, cues, loose, memo) && !skip?.(k))
      best = Math.min(best, Math.abs(k - num));
  }
  return best;
}

/**
 * Losses in a phrase of several words: "put out of action", "außer Gefecht
 * gesetzt", "no longer able to fight", "nicht mehr kampffähig".
 */
export function outOfAction(
  toks: readonly Token[],
  k: number,
): ClaimEvent | null {
  const w = (toks[k] as Token).lower;
  const next = toks[k + 1]?.lower ?? '';
  if (w === 'außer' && next === 'gefecht') return 'casualties';
  if (w === 'out' && next === 'of' && toks[k + 2]?.lower === 'action')
    return 'casualties';
  if (w === 'kampfunfähig') return 'casualties';
  if (
    /^(?:longer|mehr)$/u.test(w) &&
    /^(?:no|nicht)$/u.test(toks[k - 1]?.lower ?? '') &&
    (/^(?:kampffähig|einsatzfähig)$/u.test(next) ||
      (next === 'able' &&
        toks[k + 2]?.lower === 'to' &&
        toks[k + 3]?.lower === 'fight'))
  )
    return 'casualties';
  return null;
}

/**
 * Distance to the nearest word of training, past those that only rate the
 * troops ("lightly trained", "gut ausgebildete": see `TRAINING_QUALITY`).
 */
export function nearestTraining(
  toks: readonly Token[],
  num: number,
  lang: Language,
): number {
  return nearestCue(
    toks,
    num,
    EVENT_CUES[lang].training,
    lang === 'de',
    (k) =>
      GLUED_QUALITY.test((toks[k] as Token).lower) ||
      TRAINING_QUALITY.test(toks[k - 1]?.lower ?? ''),
  );
}

/** True for troops rotated out ("rotated out 2,000", "rotated home"). */
export function isRotatedOut(
  toks: readonly Token[],
  a: number,
  b: number,
): boolean {
  for (let k = a; k < b; k += 1) {
    if (!/^(?:rotated|rotating)$/u.test((toks[k] as Token).lower)) continue;
    if (/^(?:out|home|back)$/u.test(toks[k + 1]?.lower ?? '')) return true;
    // "have been rotated out of Kursk", "rotated 1,000 men out".
    for (let j = k + 1; j < b && j <= k + 7; j += 1)
      if ((toks[j] as Token).lower === 'out') return true;
  }
  return false;
}

/**
 * True for troops gone home: "seien in ihre Heimat zurückgekehrt", "have
 * returned home", "nach Hause geschickt".
 */
export function isSentHome(
  toks: readonly Token[],
  a: number,
  b: number,
): boolean {
  let home = false;
  let back = false;
  for (let k = a; k < b; k += 1) {
    const w = (toks[k] as Token).lower;
    if (/^(?:heimat|hause|home|homeland)$/u.test(w)) home = true;
    if (
      /^(?:zurück\p{L}*|returned|returning|sent|geschickt|gebracht|flown)$/u.test(
        w,
      )
    )
      back = true;
  }
  return home && back;
}
