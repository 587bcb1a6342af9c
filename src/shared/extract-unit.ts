/**
 * Unit rules of the claim extractor: the noun a figure counts (soldiers,
 * officers, workers), found after the figure through adjectives, or before
 * it ("the number of troops … to 12,000").
 */
import type { ClaimEvent, Language, Unit } from './claim.js';
import { matchActor } from './extract-actor.js';
import {
  DE_NON_MODIFIERS,
  EN_MODIFIERS,
  EVENT_NOUNS,
  KP_DEMONYMS,
  UNIT_SUFFIXES,
  UNIT_WORDS,
} from './lexicon-claims.js';
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
    // Possessives belong to the noun phrase: "of the country's fighters".
    return EN_MODIFIERS.has(t.lower) || t.lower.includes('-') ||
      matchActor(t.lower) !== null || /['’]s$/u.test(t.lower) ||
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
    // Two-word nouns: "service members", "military personnel".
    const two = lang === 'en' ? UNIT_WORDS.get(pair) : undefined;
    if (two) return { unit: two, event: null, actor, next: k + 2, demonym: false };
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


// Anchors of "die Zahl der … Soldaten … auf N" and "the number of … to N".
// Level verbs ("troops … number 12k") and loss nouns ("losses … top 6,000",
// "Verluste … auf 4.700") count as anchors too.
const COUNT_ANCHOR = /(?:^|-)(?:zahl|anzahl|gesamtzahl|truppenzahl|stärke|truppenstärke|number|numbers|numbered|numbering|total|totals|totalled|totaled|contingent|kontingent|verluste|verlustzahl|opferzahl|losses|casualties|toll)$/u;
// Loss nouns as anchors: the figure counts casualties, not presence.
const LOSS_ANCHORS = new Set(['verluste', 'verlustzahl', 'opferzahl',
  'losses', 'casualties', 'toll']);
// Words before the figure that make it a change, not the level ("um 2.000").
const DELTA_WORDS = new Set(['um', 'by']);

/** Finds "the number of <unit> … N" with the unit before the figure. */
export function findUnitBefore(toks: readonly Token[], num: number, end: number,
  lang: Language): UnitMatch | null {
  const next = toks[end];
  // The figure must stand alone: no noun of its own may follow it.
  if (next && next.isWord && (lang === 'de' ? isCapitalized(next) : false)) return null;
  if (DELTA_WORDS.has(toks[num - 1]?.lower ?? '')) return null;
  for (let k = num - 1; k >= 0 && num - k <= 20; k -= 1) {
    const t = toks[k] as Token;
    if (!t.isWord && t.text !== ',' && t.text !== '-') return null;
    if (/^\d/u.test(t.text)) return null;
    if (!COUNT_ANCHOR.test(t.lower)) continue;
    if (LOSS_ANCHORS.has(t.lower.split('-').pop() ?? '')) {
      const ev = t.lower.endsWith('toll') ? 'killed' : 'casualties';
      return { unit: 'soldiers', event: ev, actor: null, next: end, demonym: false };
    }
    for (let u = k; u < num; u += 1) {
      const unitHit = findUnitAfter(toks, u, lang);
      if (unitHit && unitHit.next <= num && !unitHit.demonym) {
        return { ...unitHit, next: end };
      }
      if (/^truppen|^soldaten|^troop/u.test((toks[u] as Token).lower)) {
        return { unit: 'soldiers', event: null, actor: null, next: end, demonym: false };
      }
    }
    // "… 1,500 troops, bringing the total to 12,000": the noun came earlier.
    for (let u = k - 1; u >= 0 && k - u <= 20; u -= 1) {
      const unitHit = findUnitAfter(toks, u, lang);
      if (unitHit && unitHit.next <= k && !unitHit.demonym && !unitHit.event) {
        return { ...unitHit, next: end };
      }
    }
    return null;
  }
  return null;
}


// Pronouns that stand for troops named before: "8,000 of them", "davon".
const ANAPHORS = new Set(['them', 'those', 'these', 'ihnen', 'denen']);
// Verbs after a bare figure that make it the subject of a troop sentence:
// "About 11,000 are already in Kursk", "Rund 3.000 sind gefallen".
const SUBJECT_VERBS = new Set([
  'are', 'were', 'have', 'had', 'remain', 'remained', 'sind', 'waren',
  'seien', 'wären', 'befinden', 'befanden', 'stehen', 'standen', 'kämpfen',
  'kämpften', 'wurden', 'haben', 'hatten', 'sollen', 'died', 'starben',
  'fell', 'fielen', 'fought', 'serve', 'dienen',
]);
const TOPIC_WORDS = new Set(['davon', 'darunter', 'including', 'among']);

/** The unit of the nearest troop noun before token `num` (or in `prev`). */
function antecedent(toks: readonly Token[], num: number,
  prev: readonly Token[] | null, lang: Language): Unit | null {
  for (const list of [toks.slice(0, num), prev ?? []]) {
    for (let k = list.length - 1; k >= 0; k -= 1) {
      const t = list[k] as Token;
      const u = matchUnitWord(t, lang);
      if (u) return u;
      if (KP_DEMONYMS.has(t.lower)) return 'soldiers';
    }
  }
  return null;
}

/**
 * A figure without a noun of its own that stands for troops named before:
 * "8,000 of them", "N von ihnen", "davon N", or a bare subject ("About
 * 11,000 are already in Kursk"). The unit is the antecedent's.
 */
export function findAnaphoricUnit(toks: readonly Token[], num: number,
  end: number, prev: readonly Token[] | null, lang: Language): UnitMatch | null {
  const next = toks[end]?.lower ?? '';
  let to = -1;
  if ((next === 'of' || next === 'von') && ANAPHORS.has(toks[end + 1]?.lower ?? '')) {
    to = end + 2;
  } else if (next === 'davon' || next === 'darunter') to = end + 1;
  else {
    // Walk back over the qualifier ("davon mindestens 300").
    let b = num - 1;
    while (b >= 0 && (toks[b] as Token).isWord && num - b <= 3 &&
      !TOPIC_WORDS.has((toks[b] as Token).lower) &&
      /^\p{Ll}/u.test((toks[b] as Token).text)) b -= 1;
    const before = toks[b];
    const opens = b < 0 || before?.text === ',' || before?.text === ';';
    if (before && TOPIC_WORDS.has(before.lower) && lang === 'de') to = end;
    else if (opens && SUBJECT_VERBS.has(next) && b < 0) to = end;
  }
  if (to < 0) return null;
  const unit = antecedent(toks, num, prev, lang);
  return unit ? { unit, event: null, actor: null, next: to, demonym: false } : null;
}

const POST_QUALIFIERS: readonly (readonly [string, string, 'approx' | 'at_least' | 'more_than'])[] = [
  ['or', 'so', 'approx'], ['or', 'more', 'at_least'], ['and', 'more', 'at_least'],
  ['oder', 'mehr', 'at_least'], ['und', 'mehr', 'at_least'],
];

/**
 * A qualifier after the figure ("3,000 or so soldiers", "10,000 or more
 * troops"), and how many tokens it spans, or null.
 */
export function findPostQualifier(toks: readonly Token[],
  end: number): ['approx' | 'at_least' | 'more_than', number] | null {
  const a = toks[end]?.lower ?? '';
  const b = toks[end + 1]?.lower ?? '';
  for (const [x, y, q] of POST_QUALIFIERS) if (a === x && b === y) return [q, 2];
  if (a === 'plus' || a === '-plus') return ['more_than', 1];
  return null;
}
