/**
 * Clause and role tests of the actor rules (`actor.ts`): whether a comma
 * opens a clause with a subject of its own, whether a country cue is in
 * an owner's form ("russische Soldaten"), and whether it is the captor of
 * the troops counted rather than their owner.
 */
import { CAPTOR, CLAUSE_OPENERS, OWN } from './lexicon/actors.js';
import { CAPTURE } from './event-scope.js';
import { headsTroops, isAdjectiveCue, isBeneficiary } from './cue-roles.js';
import { CLAUSE_BREAKS, type Token } from './text.js';

/**
 * An owner's form: an adjective on troops ("russische Soldaten") or whose
 * side is counted ("für die ukrainische Seite").
 */
export const ownsTroops = (toks: readonly Token[], k: number): boolean =>
  headsTroops(toks, k) || isBeneficiary(toks, k);

/**
 * True when the clause after a break at `j - 1` may have a subject of its
 * own: "…, das Land werde 1.000 …", "…, who put the number at …"; not a
 * second predicate of the same subject ("…, zahlt Prämien und verliert
 * 1.000 Mann pro Tag", "…, and is losing …") or its possessive ("…, ihre
 * Kräfte auf 300.000 Mann …").
 */
export function opensClause(toks: readonly Token[], j: number): boolean {
  const w = toks[j];
  if (!w) return false;
  if (/^\p{Lu}/u.test(w.text)) return true;
  if (!CLAUSE_OPENERS.has(w.lower)) return false;
  if (w.lower !== 'and' && w.lower !== 'und') return true;
  // "…, and they say …", "…, und die Ukraine …": a subject follows.
  const n = toks[j + 1];
  return (
    n !== undefined &&
    (/^\p{Lu}/u.test(n.text) || CLAUSE_OPENERS.has(n.lower)) &&
    n.lower !== 'and' &&
    n.lower !== 'und'
  );
}

/**
 * True when the words from the cue at `k` to the end of the figure's
 * clause tell a capture (or losses inflicted): the cue is the captor,
 * not the owner of the troops counted.
 */
export function capturesIn(
  toks: readonly Token[],
  k: number,
  num: number,
): boolean {
  for (let j = k + 1; j < toks.length; j += 1) {
    const t = toks[j] as Token;
    if (j > num && (CLAUSE_BREAKS.has(t.text) || t.text === '.')) break;
    if (CAPTURE.test(t.lower) || CAPTOR.test(t.lower)) return true;
  }
  return false;
}

/**
 * The owner named by an adjective right after the figure's noun, in the
 * same clause: "ein 10.000 Mann starkes nordkoreanisches Kontingent".
 * `actorAt` gives the code of an actor cue at a token, else null.
 */
export function adjectiveAfter(
  toks: readonly Token[],
  next: number,
  actorAt: (j: number) => string | null,
): string | null {
  for (let j = next; j < next + 2; j += 1) {
    if (CLAUSE_BREAKS.has(toks[j]?.text ?? '')) break;
    const code = actorAt(j);
    if (code && isAdjectiveCue(toks, j) && headsTroops(toks, j)) return code;
  }
  return null;
}

/** True when a clause break stands between tokens `a` and `b`. */
export function breaksBetween(
  toks: readonly Token[],
  a: number,
  b: number,
): boolean {
  for (let j = a + 1; j < b; j += 1)
    if (CLAUSE_BREAKS.has((toks[j] as Token).text)) return true;
  return false;
}

/** True when "eigene"/"own" troops open the figure's clause before it. */
export function ownBodyBefore(toks: readonly Token[], num: number): boolean {
  for (let j = num - 1; j >= 0 && num - j <= 6; j -= 1) {
    const t = toks[j] as Token;
    if (CLAUSE_BREAKS.has(t.text)) return false;
    if (OWN.test(t.lower) && headsTroops(toks, j)) return true;
  }
  return false;
}

// Formations whose own strength a figure may give: "The brigade, which has
// roughly 2,000 fighters", "His own company is down to 40 men".
const NAMED_FORMATIONS =
  /^(?:brigade|brigades|battalion|company|regiment|division|bataillon|kompanie)$/u;

/**
 * The owner of a formation that opens the figure's clause ("The brigade,
 * which has …", "Die Brigade selbst verfügt über …"), read where that
 * formation was named with its owner in this sentence or the one before
 * ("Ukraine's 80th Air Assault Brigade"); null when none.
 */
export function formationOwner(
  toks: readonly Token[],
  num: number,
  prev: readonly Token[] | null,
  actorAt: (list: readonly Token[], j: number) => string | null,
): string | null {
  let k = -1;
  for (let j = num - 1; j >= 0 && num - j <= 12 && k < 0; j -= 1)
    if (NAMED_FORMATIONS.test((toks[j] as Token).lower)) k = j;
  if (
    k < 0 ||
    !/^(?:the|its|his|her|their|own|die|der|den|seine|ihre|eigene)$/u.test(
      toks[k - 1]?.lower ?? '',
    )
  )
    return null;
  // Where the formation was named: the nearest mention with an owner, in
  // this sentence before it, then in the one before (whole token lists,
  // so that the cue memo serves them).
  const places: [readonly Token[], number][] = [[toks, k]];
  if (prev) places.push([prev, prev.length]);
  for (const [list, end] of places)
    for (let j = end - 1; j >= 0; j -= 1) {
      if (!NAMED_FORMATIONS.test((list[j] as Token).lower)) continue;
      for (let i = j - 1; i >= 0 && j - i <= 6; i -= 1) {
        const code = actorAt(list, i);
        if (code) return code;
      }
    }
  return null;
}
