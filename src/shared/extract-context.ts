/**
 * Context rules of the claim extractor: the unit noun of a figure, whose
 * troops they are (actor) and what happened to them (event).
 */
import type { ClaimEvent, Language, Unit } from './claim.js';
import {
  ACTOR_PREFIXES,
  DE_NON_MODIFIERS,
  EN_MODIFIERS,
  EVENT_CUES,
  EVENT_NOUNS,
  KP_DEMONYMS,
  NON_ACTOR_PREPOSITIONS,
  PERFECT_AUXILIARIES,
  PROJECTION_CUES,
  SOURCE_HEADS,
  UNIT_SUFFIXES,
  UNIT_WORDS,
} from './lexicon-claims.js';
import { MONTHS } from './lexicon-numbers.js';
import { isCapitalized, type Token } from './extract-text.js';

/** The unit noun found for a figure. */
export interface UnitMatch {
  unit: Unit;
  /** Event carried by the noun itself ("Tote", "casualties"). */
  event: ClaimEvent | null;
  /** Actor named by a modifier or compound ("nordkoreanische", "KPA-"). */
  actor: string | null;
  /** Token index just after the noun. */
  next: number;
  /** Demonyms ("Nordkoreaner") need military context to be troops. */
  demonym: boolean;
}

/** ISO code of an actor cue at the start of `s` (lower case), or null. */
export function matchActor(s: string): string | null {
  for (const [p, code] of ACTOR_PREFIXES) if (s.startsWith(p)) return code;
  return null;
}

/** The unit noun at the end of a (compound) word, or null. */
function matchUnitWord(t: Token, lang: Language): Unit | null {
  if (!t.isWord) return null;
  const w = UNIT_WORDS.get(t.lower);
  // "Mann" is a unit only as a capitalized German noun ("10.000 Mann").
  if (w && (lang === 'en' || t.text === 'Mann')) return w;
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (t.lower.endsWith(suffix)) return unit;
  }
  return null;
}

/** True when `t` may stand between a number and its noun. */
function isModifier(t: Token, lang: Language): boolean {
  if (!t.isWord) return false;
  if (lang === 'en') {
    return EN_MODIFIERS.has(t.lower) || t.lower.includes('-') ||
      matchActor(t.lower) !== null ||
      /(?:ed|al|ive|an|ese|ish|ic|ern)$/u.test(t.lower);
  }
  if (DE_NON_MODIFIERS.has(t.lower)) return false;
  if (matchActor(t.lower) !== null && !isCapitalized(t)) return true;
  return !isCapitalized(t) && t.lower.length >= 3 &&
    (/(?:e|en|er|es|em)$/u.test(t.lower) || t.lower === 'gut');
}

/** Finds the unit noun right after the figure (through adjectives). */
export function findUnitAfter(toks: readonly Token[], i: number,
  lang: Language): UnitMatch | null {
  let actor: string | null = null;
  let pending: UnitMatch | null = null;
  for (let k = i; k < toks.length && k - i < 5; k += 1) {
    const t = toks[k] as Token;
    const pair = `${t.lower} ${toks[k + 1]?.lower ?? ''}`;
    if (KP_DEMONYMS.has(pair)) {
      return { unit: 'soldiers', event: null, actor: 'KP', next: k + 2, demonym: true };
    }
    if (KP_DEMONYMS.has(t.lower)) {
      return { unit: 'soldiers', event: null, actor: 'KP', next: k + 1, demonym: true };
    }
    const ev = EVENT_NOUNS.get(t.lower);
    if (ev && !pending) {
      // "Tote und Verletzte", "killed and wounded" together are casualties.
      const other = EVENT_NOUNS.get(toks[k + 2]?.lower ?? '');
      const both = other && other !== ev &&
        /^(?:und|oder|and|or)$/u.test(toks[k + 1]?.lower ?? '');
      pending = { unit: 'soldiers', event: both ? 'casualties' : ev, actor,
        next: both ? k + 3 : k + 1, demonym: false };
      // "two wounded North Korean soldiers": then it was an adjective.
      if (both) return pending;
      continue;
    }
    const unit = matchUnitWord(t, lang);
    if (unit) {
      // Compounds name the actor: "Nordkorea-Soldaten", "KPA-Truppen".
      const head = t.lower.includes('-') ? matchActor(t.lower) : null;
      return { unit, event: null, actor: head ?? actor, next: k + 1, demonym: false };
    }
    // English noun-noun compounds: "construction workers", "assault troops".
    const compound = lang === 'en' && !isCapitalized(t) && t.isWord &&
      toks[k + 1] !== undefined && matchUnitWord(toks[k + 1] as Token, lang) !== null;
    if (!isModifier(t, lang) && !compound) return pending;
    actor = actor ?? matchActor(pair) ?? matchActor(t.lower);
  }
  return pending;
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

const CLAUSE_BREAKS = new Set([',', ';', ':', '–', '—', '(', ')', '"', '„', '“']);
const RELATIVES = new Set([
  'die', 'der', 'das', 'denen', 'deren', 'welche', 'which', 'who', 'whom',
  'that',
]);

/** Token index range [a, b) of the clause around token `i`. */
function clauseAround(toks: readonly Token[], i: number): [number, number] {
  let a = i;
  while (a > 0 && !CLAUSE_BREAKS.has((toks[a - 1] as Token).text)) a -= 1;
  let b = i;
  while (b < toks.length && !CLAUSE_BREAKS.has((toks[b] as Token).text)) b += 1;
  return [a, b];
}

/** True when word `w` matches cue `c` (short cues must match whole). */
function matchesCue(w: string, c: string, loose: boolean): boolean {
  if (c.length < 5) return w === c;
  return loose ? w.includes(c) : w.startsWith(c);
}

/** True when any token in [a, b) matches a cue of the list. */
function hasCue(toks: readonly Token[], a: number, b: number,
  cues: readonly string[], loose = false): boolean {
  for (let k = a; k < b; k += 1) {
    const w = (toks[k] as Token).lower;
    if (cues.some((c) => matchesCue(w, c, loose))) return true;
  }
  return false;
}

/** Token distance from `num` to the nearest cue of the list (or Infinity). */
function nearestCue(toks: readonly Token[], num: number,
  cues: readonly string[], loose: boolean): number {
  let best = Infinity;
  for (let k = 0; k < toks.length; k += 1) {
    const w = (toks[k] as Token).lower;
    if (cues.some((c) => matchesCue(w, c, loose))) best = Math.min(best, Math.abs(k - num));
  }
  return best;
}

/** True when [a, b) holds a future or modal cue that is not reportative. */
function isProjected(toks: readonly Token[], a: number, b: number,
  lang: Language): boolean {
  let modal = false;
  for (let k = a; k < b; k += 1) {
    const t = toks[k] as Token;
    const next = toks[k + 1]?.lower ?? '';
    // "soll … entsandt haben", "could have been killed" report the past.
    if (modal && PERFECT_AUXILIARIES.has(t.lower)) return false;
    if (t.text === 'May') continue;
    if ((t.lower === 'set' || t.lower === 'going') && next !== 'to') continue;
    if (PROJECTION_CUES[lang].has(t.lower)) modal = true;
    // "bis Dezember", "by the end of the year".
    if ((t.lower === 'bis' || t.lower === 'by') &&
      (MONTHS.has(next) || /^(?:ende|zum|the|end|jahresende)$/u.test(next))) modal = true;
  }
  return modal;
}

const CASUALTY_EVENTS = ['casualties', 'killed', 'wounded', 'captured'] as const;
const CONJUNCTIONS = new Set(['und', 'oder', 'bzw', 'and', 'or']);

/** The casualty-family event of a cue word, or null. */
export function matchCasualtyCue(w: string, lang: Language): ClaimEvent | null {
  for (const ev of CASUALTY_EVENTS) {
    if (EVENT_CUES[lang][ev].some((c) => matchesCue(w, c, false))) return ev;
  }
  return null;
}

/**
 * The casualty event nearest the figure in [a, b): cues outside the noun
 * phrase first ("captured two wounded soldiers" is a capture); "getötet
 * oder verwundet" / "killed and wounded" together make `casualties`.
 */
function findCasualtyEvent(toks: readonly Token[], a: number, b: number,
  num: number, nounEnd: number, lang: Language): ClaimEvent | null {
  for (const inside of [false, true]) {
    let best: [number, ClaimEvent, number] | null = null;
    for (let k = a; k < b; k += 1) {
      if ((k >= num && k < nounEnd) !== inside) continue;
      const ev = matchCasualtyCue((toks[k] as Token).lower, lang);
      // Cues after the figure bind closer than cues before it.
      const d = Math.abs(k - num) + (k < num ? 0.5 : 0);
      if (ev && (!best || d < best[0])) best = [d, ev, k];
    }
    if (!best) continue;
    const [, ev, k] = best;
    for (const [c, o] of [[k + 1, k + 2], [k - 1, k - 2]] as const) {
      const other = matchCasualtyCue(toks[o]?.lower ?? '', lang);
      if (CONJUNCTIONS.has(toks[c]?.lower ?? '') && other && other !== ev &&
        other !== 'captured' && ev !== 'captured') return 'casualties';
    }
    return ev;
  }
  return null;
}

/**
 * The event of a figure: the noun's own event, then casualty cues in the
 * figure's clause (and a relative clause on it), then future/modal cues in
 * the figure's own clause, then training, else deployed.
 */
export function classifyEvent(toks: readonly Token[], num: number,
  unit: UnitMatch, lang: Language): ClaimEvent {
  if (unit.event) return unit.event;
  const [a, b] = clauseAround(toks, num);
  let wideEnd = b;
  // A relative clause on the noun belongs to it; so does the main clause
  // that resumes after it ("2.000 Soldaten, die …, wurden verlegt").
  if (toks[b]?.text === ',' && RELATIVES.has(toks[b + 1]?.lower ?? '')) {
    const [, rb] = clauseAround(toks, b + 1);
    wideEnd = rb;
    if (toks[rb]?.text === ',') wideEnd = clauseAround(toks, rb + 1)[1];
  }
  const casualty = findCasualtyEvent(toks, a, wideEnd, num, unit.next, lang);
  if (casualty) return casualty;
  let projected = isProjected(toks, a, b, lang);
  if (!projected && wideEnd > b) {
    const [, rb] = clauseAround(toks, b + 1);
    if (rb < wideEnd) projected = isProjected(toks, rb + 1, wideEnd, lang);
  }
  // "X erwartet, dass …": a plan verb in the clause that governs "dass".
  if (!projected && /^(?:dass|that)$/u.test(toks[a]?.lower ?? '') && a >= 2) {
    const [pa] = clauseAround(toks, a - 2);
    projected = hasCue(toks, pa, a - 1,
      ['erwartet', 'plant', 'expects', 'expected', 'plans', 'voraussichtlich']);
  }
  if (projected) return 'projected';
  // Presence: the nearer of a training and a deployment cue decides.
  const dTrain = nearestCue(toks, num, EVENT_CUES[lang].training, lang === 'de');
  const dDeploy = nearestCue(toks, num, EVENT_CUES[lang].deployed, false);
  return dTrain < dDeploy ? 'training' : 'deployed';
}
