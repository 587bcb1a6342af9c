/**
 * Actor rules of the claim extractor: whose troops a figure counts. Cues
 * are country names, demonyms, capitals and leaders; a cue after "nach",
 * "to", "against" … is a place, and a cue before "intelligence",
 * "Geheimdienst" … is a source, not the owner of the troops.
 */
import { ACTOR_PREFIXES, NON_ACTOR_PREPOSITIONS } from './lexicon/claims.js';
import {
  SPEAKER_VERBS,
  PRONOUNS,
  COUNTED_BEFORE,
  SUBORDINATORS,
  OWN,
  COUNT_FRAMES,
} from './lexicon/actors.js';
import { CLAUSE_BREAKS, type Token } from './text.js';
import {
  headsTroops,
  isAdjectiveCue,
  roleOfCue,
  type CueRole,
} from './cue-roles.js';
import type { UnitMatch } from './types.js';
import { leadEnd } from './subject.js';
import {
  adjectiveAfter,
  breaksBetween,
  capturesIn,
  formationOwner,
  opensClause,
  ownBodyBefore,
  ownsTroops,
} from './owner-clause.js';

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

// Cues of two words ("north korea", "nk "), by their first word, as [rest
// of the cue, code] in list order: `matchActor(a + ' ' + b)` for words a
// and b without spaces, when `matchActor(a)` found nothing, can only match
// one of these, with the first word equal to `a`.
const PAIR_CUES = new Map<string, (readonly [string, string])[]>();
for (const [p, code] of ACTOR_PREFIXES) {
  const sp = p.indexOf(' ');
  if (sp <= 0) continue;
  const list = PAIR_CUES.get(p.slice(0, sp)) ?? [];
  list.push([p.slice(sp + 1), code]);
  PAIR_CUES.set(p.slice(0, sp), list);
}

/**
 * `matchActor(a + ' ' + b)` for words `a` and `b` (tokens: no spaces)
 * when `matchActor(a)` is null, without building the string.
 */
function matchActorPair(a: string, b: string): string | null {
  const list = PAIR_CUES.get(a);
  if (list)
    for (const [rest, code] of list) if (b.startsWith(rest)) return code;
  return null;
}

type Cue = readonly [number, string, CueRole];

const CONJUNCTIONS = /^(?:und|and|oder|or|sowie|wie|as|than|als)$/u;

/**
 * True when the country at `k` receives what the subject before it gives:
 * "Nordkorea hat Russland etwa 5.000 Soldaten zur Verfügung gestellt",
 * "North Korea has given Russia 5,000 troops". The country follows a verb
 * (lower case, no preposition, no speech verb) right after North Korea
 * or its leader as the subject.
 */
function isRecipient(
  toks: readonly Token[],
  k: number,
  byIndex: ReadonlyMap<number, readonly [string, CueRole]>,
): boolean {
  const verb = toks[k - 1];
  if (
    !verb ||
    !verb.isWord ||
    !/^\p{Ll}/u.test(verb.text) ||
    NON_ACTOR_PREPOSITIONS.has(verb.lower) ||
    CONJUNCTIONS.test(verb.lower) ||
    isAdjectiveCue(toks, k)
  )
    return false;
  if (SPEAKER_VERBS.has(verb.lower) || byIndex.get(k)?.[0] === 'KP')
    return false;
  // Only the verb and its auxiliary stand between giver and recipient.
  for (let j = k - 2; j >= 0 && k - j <= 4; j -= 1) {
    const t = toks[j] as Token;
    // The second word of "North Korea" belongs to the cue before it.
    const cue =
      byIndex.get(j) ??
      (t.isWord && /^\p{Lu}/u.test(t.text) ? byIndex.get(j - 1) : undefined);
    if (cue) return cue[1] === 'actor' && cue[0] === 'KP';
    if (
      !t.isWord ||
      !/^\p{Ll}/u.test(t.text) ||
      NON_ACTOR_PREPOSITIONS.has(t.lower)
    )
      return false;
  }
  return false;
}

// Cues per token array: the same sentence, previous sentence and headline
// are read for every figure (the callers never change a token array).
const CUES_MEMO = new WeakMap<readonly Token[], readonly Cue[]>();

/** Actor cues of a sentence as [token index, code, role] (memoised). */
function findCues(toks: readonly Token[]): readonly Cue[] {
  let out = CUES_MEMO.get(toks);
  if (out === undefined) {
    out = computeCues(toks);
    CUES_MEMO.set(toks, out);
  }
  return out;
}

function computeCues(toks: readonly Token[]): Cue[] {
  const out: Cue[] = [];
  // A dateline ("SEOUL, South Korea (AP) —") names where, not whose.
  const dateline = leadEnd(toks);
  for (let k = dateline; k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (!t.isWord) continue;
    const single = matchActor(t.lower);
    let code = single;
    let dot = 0;
    if (code === null) {
      // "N. Korea": the abbreviation dot is its own token.
      dot = toks[k + 1]?.text === '.' && t.text.length === 1 ? 1 : 0;
      code = matchActorPair(t.lower, toks[k + 1 + dot]?.lower ?? '');
    }
    if (!code) continue;
    // "in Washington und Kiew", "Seoul and Washington say": a cue joined
    // to the one before shares its role.
    const last = out.at(-1);
    const joined =
      last !== undefined &&
      last[2] !== 'actor' &&
      /^(?:und|and|oder|or|sowie)$/u.test(toks[k - 1]?.lower ?? '') &&
      k - last[0] <= 3;
    out.push([
      k,
      code,
      joined ? last[2] : roleOfCue(toks, k, single ? 1 : 2 + dot),
    ]);
  }
  return out;
}

const ACTOR_CUES_MEMO = new WeakMap<
  readonly Token[],
  readonly (readonly [number, string])[]
>();

/** Actor cues of a sentence as [token index, code], non-actors removed. */
export function findActorCues(
  toks: readonly Token[],
): readonly (readonly [number, string])[] {
  let out = ACTOR_CUES_MEMO.get(toks);
  if (out === undefined) {
    out = findCues(toks)
      .filter(([, , role]) => role === 'actor')
      .map(([k, code]) => [k, code] as const);
    ACTOR_CUES_MEMO.set(toks, out);
  }
  return out;
}

const INDEX_MEMO = new WeakMap<
  readonly Token[],
  ReadonlyMap<number, readonly [string, CueRole]>
>();

/** The cues of `toks` by token index (memoised). */
function cueIndex(
  toks: readonly Token[],
  cues: readonly Cue[],
): ReadonlyMap<number, readonly [string, CueRole]> {
  let byIndex = INDEX_MEMO.get(toks);
  if (byIndex === undefined) {
    byIndex = new Map(
      cues.map(([k, code, role]) => [k, [code, role] as const]),
    );
    INDEX_MEMO.set(toks, byIndex);
  }
  return byIndex;
}

// Countries other than one named: "aus afrikanischen Ländern".
const OTHER_COUNTRIES =
  /^(?:ländern|staaten|countries|nations|states|drittstaaten|drittländern)$/u;

/**
 * Whose troops a figure counts: the noun's own modifier, then an origin
 * phrase after it ("aus Nordkorea"), then the nearest actor before it in
 * the sentence (or a source a pronoun points back to), then an actor later
 * in the same clause, then the owner of the troops of the previous sentence
 * (`prevOwner`) or its last actor, then the headline.
 */
export function resolveActor(
  toks: readonly Token[],
  num: number,
  unit: UnitMatch,
  prev: readonly Token[] | null,
  headline: readonly Token[] | null,
  prevOwner: string | null = null,
): string | null {
  if (unit.actor) return unit.actor;
  const after = toks[unit.next];
  // Origin or genitive: "aus Nordkorea", "der nordkoreanischen Armee".
  if (after && /^(?:aus|from|of|by|von|der|des)$/u.test(after.lower)) {
    for (let j = unit.next + 1; j <= unit.next + 2; j += 1) {
      // "two thousand by Seoul's own count": a possessive after "by" owns
      // the count, not the troops.
      if (after.lower === 'by' && /['’]s$/u.test(toks[j]?.lower ?? '')) break;
      const code = matchActor(
        `${toks[j]?.lower ?? ''} ${toks[j + 1]?.lower ?? ''}`,
      );
      if (code) return code;
      if (!/^\p{Ll}/u.test(toks[j]?.text ?? '')) break;
    }
    // "mehr als 1.000 Söldner aus afrikanischen und asiatischen Ländern":
    // other countries, named as such.
    if (/^(?:aus|from)$/u.test(after.lower)) {
      for (let j = unit.next + 1; j <= unit.next + 5; j += 1) {
        const w = toks[j];
        if (!w || !w.isWord) break;
        if (OTHER_COUNTRIES.test(w.lower)) return 'XX';
      }
    }
  }
  const cues = findCues(toks);
  const byIndex = cueIndex(toks, cues);
  // "ein 10.000 Mann starkes nordkoreanisches Kontingent".
  const measured = adjectiveAfter(toks, unit.next, (j) => {
    const cue = byIndex.get(j);
    return cue && cue[1] === 'actor' ? cue[0] : null;
  });
  if (measured) return measured;
  // "Die russische Seite hat rund 50.000 eigene Soldaten": the speaker's own.
  if (
    OWN.test(toks[unit.next - 2]?.lower ?? '') ||
    // "die eigenen Streitkräfte umfassen etwa 500.000 aktive Soldaten".
    ownBodyBefore(toks, num) ||
    // "Von den 500.000 aktiven Soldaten seines Landes": the speaker's.
    (/^(?:seines|ihres)$/u.test(toks[unit.next]?.lower ?? '') &&
      toks[unit.next + 1]?.lower === 'landes')
  ) {
    const other =
      cues.findLast(([k, code]) => k < num && code !== 'KP') ??
      (prev ? findCues(prev).findLast(([, code]) => code !== 'KP') : undefined);
    if (other) return other[1];
  }
  // "The brigade, which has roughly 2,000 fighters": the strength of a
  // formation named before with its owner.
  {
    // Whatever the cue's role: "Ukraine's 92nd Brigade says …" is still
    // Ukraine's brigade.
    const formation = formationOwner(
      toks,
      num,
      prev,
      (list, i) => cueIndex(list, findCues(list)).get(i)?.[0] ?? null,
    );
    if (formation && formation !== 'KP') return formation;
  }
  let pronoun = false;
  // Past the start of the figure's own clause ("Russlands Sekretär
  // Schoigu kündigte an, das Land werde 1.000 Minenräumer …"), another
  // country owns the troops only in an owner's form.
  let crossed = false;
  for (let k = num - 1; k >= 0; k -= 1) {
    const cue = byIndex.get(k);
    if (cue && cue[1] === 'actor' && isRecipient(toks, k, byIndex)) continue;
    // "killed in combat against Ukrainian forces and 1,000 wounded": the
    // enemy's troops own no figure after them.
    if (cue && /^(?:against|gegen)$/u.test(toks[k - 1]?.lower ?? '')) continue;
    if (
      cue &&
      (cue[1] === 'actor' || (cue[1] === 'source' && pronoun)) &&
      (!crossed || cue[0] === 'KP' || ownsTroops(toks, k)) &&
      // Kyiv holding or hitting the troops is no owner of them.
      !(cue[0] === 'UA' && !ownsTroops(toks, k) && capturesIn(toks, k, num))
    )
      return cue[0];
    if (CLAUSE_BREAKS.has((toks[k] as Token).text) && opensClause(toks, k + 1))
      crossed = true;
    // "he said", "nannte er 1.500 Mann", "the total it sent": a pronoun
    // that speaks or relates is no owner ("said it had sent" is).
    const w = (toks[k] as Token).lower;
    if (
      PRONOUNS.has(w) &&
      !SPEAKER_VERBS.has(toks[k + 1]?.lower ?? '') &&
      // "Seoul's own count", "nach eigenen Angaben": whose count it is.
      !(OWN.test(w) && COUNT_FRAMES.test(toks[k + 1]?.lower ?? '')) &&
      // "claimed it was about 3,000 strong": the body counted, no owner.
      !/^(?:is|was|are|were)$/u.test(toks[k + 1]?.lower ?? '') &&
      !COUNTED_BEFORE.test(toks[k - 1]?.lower ?? '') &&
      !(/^(?:er|sie)$/u.test(w) && SPEAKER_VERBS.has(toks[k - 1]?.lower ?? ''))
    )
      pronoun = true;
  }
  for (let k = unit.next; k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (CLAUSE_BREAKS.has(t.text) || SUBORDINATORS.has(t.lower)) break;
    const cue = byIndex.get(k);
    // Later in the clause only a country name counts ("12.000 Soldaten hat
    // Nordkorea entsandt"), not an adjective ("nahe der ukrainischen Grenze").
    if (
      cue &&
      cue[1] === 'actor' &&
      (!isAdjectiveCue(toks, k) || headsTroops(toks, k))
    )
      return cue[0];
  }
  // The owner of the troops the sentence before counted outranks its last
  // actor cue ("North Korean units … , Ukrainian army spokesman …").
  if (prevOwner) return prevOwner;
  if (prev) {
    // North Korea named there in any role ("… that not a single North
    // Korean was fighting for Russia") makes its troops the topic; else
    // the last actor named. An adjective of a place is no owner ("Auf
    // russischem Staatsgebiet …"); one of troops is ("die russischen
    // Truppen …").
    if (findCues(prev).some(([, code]) => code === 'KP')) return 'KP';
    const p = findActorCues(prev).filter(
      ([k]) => !isAdjectiveCue(prev, k) || headsTroops(prev, k),
    );
    if (p.length) return (p[p.length - 1] as readonly [number, string])[1];
  }
  if (headline && findActorCues(headline).some(([, c]) => c === 'KP'))
    return 'KP';
  // Last resort: the nearest actor anywhere in the sentence ("Some 1,800 of
  // the country's soldiers have died …, after Kim Jong Un …").
  let best: [number, string] | null = null;
  for (const [k, code, role] of cues) {
    // A country in a later clause owns nothing of this one.
    if (
      k > num &&
      code !== 'KP' &&
      !ownsTroops(toks, k) &&
      breaksBetween(toks, num, k)
    )
      continue;
    if (role === 'actor' && (!best || Math.abs(k - num) < best[0]))
      best = [Math.abs(k - num), code];
  }
  if (best) return best[1];
  // No owner named anywhere near: the passage passed the gate, so it is
  // about North Korea's troops ("Die Entsendung der etwa 11.000 Soldaten
  // …") and speaks of its own, wherever it names North Korea or Korea.
  return 'KP';
}
