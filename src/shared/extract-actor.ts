/**
 * Actor rules of the claim extractor: whose troops a figure counts. Cues
 * are country names, demonyms, capitals and leaders; a cue after "nach",
 * "to", "against" … is a place, and a cue before "intelligence",
 * "Geheimdienst" … is a source, not the owner of the troops.
 */
import {
  ACTOR_PREFIXES,
  NON_ACTOR_PREPOSITIONS,
  SOURCE_HEADS,
} from './lexicon-claims.js';
import { CLAUSE_BREAKS, type Token } from './extract-text.js';
import type { UnitMatch } from './extract-unit.js';

// Actor cues grouped by first letter: every token of a sentence is tested.
const ACTORS_BY_INITIAL = new Map<string, (readonly [string, string])[]>();
for (const cue of ACTOR_PREFIXES) {
  const list = ACTORS_BY_INITIAL.get(cue[0][0] as string) ?? [];
  list.push(cue);
  ACTORS_BY_INITIAL.set(cue[0][0] as string, list);
}

/** ISO code of an actor cue at the start of `s` (lower case), or null. */
export function matchActor(s: string): string | null {
  const list = ACTORS_BY_INITIAL.get(s[0] ?? '');
  if (list) for (const [p, code] of list) if (s.startsWith(p)) return code;
  return null;
}


/** How an actor cue is used: as the actor, as a source, or as a place. */
type CueRole = 'actor' | 'source' | 'place';

/** The role of the actor cue at `k` ("nach Russland" is a place). */
function roleOfCue(toks: readonly Token[], k: number): CueRole {
  const prev = toks[k - 1]?.lower ?? '';
  const next = toks[k + 1]?.lower ?? '';
  const t = toks[k] as Token;
  const tail = t.lower.split('-').pop() ?? '';
  if (NON_ACTOR_PREPOSITIONS.has(prev)) return 'place';
  if (SOURCE_HEADS.has(next) || (t.lower.includes('-') && SOURCE_HEADS.has(tail)) ||
    prev === 'laut' || prev === 'according' || toks[k - 2]?.lower === 'according') {
    return 'source';
  }
  return 'actor';
}

/** Actor cues of a sentence as [token index, code, role]. */
function findCues(toks: readonly Token[]): [number, string, CueRole][] {
  const out: [number, string, CueRole][] = [];
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (!t.isWord) continue;
    const code = matchActor(`${t.lower} ${toks[k + 1]?.lower ?? ''}`);
    if (code) out.push([k, code, roleOfCue(toks, k)]);
  }
  return out;
}

/** Actor cues of a sentence as [token index, code], non-actors removed. */
export function findActorCues(toks: readonly Token[]): [number, string][] {
  return findCues(toks)
    .filter(([, , role]) => role === 'actor')
    .map(([k, code]) => [k, code]);
}

// Pronouns that refer back to a source named before them ("Kyiv says its
// forces …"): then the source is the actor.
const PRONOUNS = new Set([
  'it', 'its', 'they', 'their', 'sie', 'ihre', 'ihren', 'ihrer', 'seine',
  'seinen', 'seiner', 'es', 'er', 'eigenen', 'own',
]);
// Subordinators end the clause in which a later actor cue may still count.
const SUBORDINATORS = new Set([
  'as', 'while', 'während', 'als', 'weil', 'because', 'after', 'nachdem',
  'where', 'wo', 'when', 'wenn', 'since', 'da', 'whereas', 'wobei',
]);

/**
 * Whose troops a figure counts: the noun's own modifier, then an origin
 * phrase after it ("aus Nordkorea"), then the nearest actor before it in
 * the sentence (or a source a pronoun points back to), then an actor later
 * in the same clause, then the previous sentence, then the headline.
 */
export function resolveActor(toks: readonly Token[], num: number,
  unit: UnitMatch, prev: readonly Token[] | null,
  headline: readonly Token[] | null): string | null {
  if (unit.actor) return unit.actor;
  const after = toks[unit.next];
  if (after && /^(?:aus|from|of|by|von)$/u.test(after.lower)) {
    const code = matchActor(`${toks[unit.next + 1]?.lower ?? ''} ${toks[unit.next + 2]?.lower ?? ''}`);
    if (code) return code;
  }
  const cues = findCues(toks);
  const byIndex = new Map(cues.map(([k, code, role]) => [k, [code, role] as const]));
  let pronoun = false;
  for (let k = num - 1; k >= 0; k -= 1) {
    const cue = byIndex.get(k);
    if (cue && (cue[1] === 'actor' || (cue[1] === 'source' && pronoun))) return cue[0];
    if (PRONOUNS.has((toks[k] as Token).lower)) pronoun = true;
  }
  for (let k = unit.next; k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (CLAUSE_BREAKS.has(t.text) || SUBORDINATORS.has(t.lower)) break;
    const cue = byIndex.get(k);
    if (cue && cue[1] === 'actor') return cue[0];
  }
  if (prev) {
    const p = findActorCues(prev);
    if (p.length) return (p[p.length - 1] as [number, string])[1];
  }
  if (headline && findActorCues(headline).some(([, c]) => c === 'KP')) return 'KP';
  return null;
}

