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
    if (ev) return { unit: 'soldiers', event: ev, actor, next: k + 1, demonym: false };
    const unit = matchUnitWord(t, lang);
    if (unit) {
      // Compounds name the actor: "Nordkorea-Soldaten", "KPA-Truppen".
      const head = t.lower.includes('-') ? matchActor(t.lower) : null;
      return { unit, event: null, actor: head ?? actor, next: k + 1, demonym: false };
    }
    if (!isModifier(t, lang)) return null;
    actor = actor ?? matchActor(pair) ?? matchActor(t.lower);
  }
  return null;
}

/** True when the actor cue at `k` is a place, partner or source instead. */
function isNonActorCue(toks: readonly Token[], k: number): boolean {
  const prev = toks[k - 1]?.lower ?? '';
  const next = toks[k + 1]?.lower ?? '';
  const t = toks[k] as Token;
  const tail = t.lower.split('-').pop() ?? '';
  return NON_ACTOR_PREPOSITIONS.has(prev) || SOURCE_HEADS.has(next) ||
    (t.lower.includes('-') && SOURCE_HEADS.has(tail)) || prev === 'laut' ||
    prev === 'according' || (toks[k - 2]?.lower === 'according');
}

/** Actor cues of a sentence as [token index, code], non-actors removed. */
export function findActorCues(toks: readonly Token[]): [number, string][] {
  const out: [number, string][] = [];
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (!t.isWord) continue;
    const code = matchActor(`${t.lower} ${toks[k + 1]?.lower ?? ''}`);
    if (code && !isNonActorCue(toks, k)) out.push([k, code]);
  }
  return out;
}

/**
 * Whose troops a figure counts: the noun's own modifier, then an origin
 * phrase after it ("aus Nordkorea"), then the nearest actor before it in
 * the sentence, then the previous sentence, then the headline.
 */
export function resolveActor(toks: readonly Token[], num: number,
  unit: UnitMatch, prev: readonly Token[] | null,
  headline: readonly Token[] | null): string | null {
  if (unit.actor) return unit.actor;
  const after = toks[unit.next];
  if (after && /^(?:aus|from|of)$/u.test(after.lower)) {
    const code = matchActor(`${toks[unit.next + 1]?.lower ?? ''} ${toks[unit.next + 2]?.lower ?? ''}`);
    if (code) return code;
  }
  const cues = findActorCues(toks);
  const before = cues.filter(([k]) => k < num);
  if (before.length) return (before[before.length - 1] as [number, string])[1];
  const later = cues.filter(([k]) => k >= unit.next);
  if (later.length) return (later[0] as [number, string])[1];
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
  const cues = EVENT_CUES[lang];
  const killed = hasCue(toks, a, wideEnd, cues.killed);
  const wounded = hasCue(toks, a, wideEnd, cues.wounded);
  if (hasCue(toks, a, wideEnd, cues.casualties) || (killed && wounded)) return 'casualties';
  if (killed) return 'killed';
  if (wounded) return 'wounded';
  if (hasCue(toks, a, wideEnd, cues.captured)) return 'captured';
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
  if (hasCue(toks, 0, toks.length, cues.training, lang === 'de')) return 'training';
  return 'deployed';
}
