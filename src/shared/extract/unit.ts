/**
 * Unit rules of the claim extractor: the noun a figure counts (soldiers,
 * officers, workers), found after the figure through adjectives ("rund
 * 12.000 nordkoreanische Soldaten", "a 9,000-strong contingent"), and
 * qualifiers after the figure ("3,000 or so"). Figures without a noun of
 * their own are handled in `anaphora.ts`.
 */
import type { Language, Unit } from '../claim.js';
import type { UnitMatch } from './types.js';
import { matchActor } from './actor.js';
import {
  DE_NON_MODIFIERS,
  EN_MODIFIERS,
  EVENT_NOUNS,
  KP_DEMONYMS,
  UNIT_SUFFIXES,
  UNIT_WORDS,
} from './lexicon/claims.js';
import { isCapitalized, type Token } from './text.js';

// Words of a concession inside a noun phrase: ", if inexperienced,".
const CONCESSIONS = new Set(['if', 'though', 'albeit', 'wenn', 'auch', 'aber']);

// Unit suffixes by their last three letters: every token near a figure is
// tested, so one map look-up replaces a scan of the whole list.
const SUFFIXES_BY_END = new Map<string, (readonly [string, Unit])[]>();
for (const entry of UNIT_SUFFIXES) {
  const list = SUFFIXES_BY_END.get(entry[0].slice(-3)) ?? [];
  list.push(entry);
  SUFFIXES_BY_END.set(entry[0].slice(-3), list);
}

/** The unit noun at the end of a (compound) word, or null. */
export function matchUnitWord(t: Token, lang: Language): Unit | null {
  if (!t.isWord) return null;
  const w = UNIT_WORDS.get(t.lower);
  // "Mann" is a unit only as a capitalized German noun ("10.000 Mann").
  if (w && (lang === 'en' || /^M[aä]nn/u.test(t.text))) return w;
  const list = SUFFIXES_BY_END.get(t.lower.slice(-3));
  if (list)
    for (const [suffix, unit] of list)
      if (t.lower.endsWith(suffix)) return unit;
  return null;
}

const DE_NP_ADVERBS = new Set([
  'bereits',
  'schon',
  'inzwischen',
  'derzeit',
  'insgesamt',
  'nun',
  'dort',
  'noch',
  'zusätzlich',
  'erneut',
  'kürzlich',
]);

/** True when `t` may stand between a number and its noun. */
function isModifier(t: Token, lang: Language): boolean {
  if (!t.isWord) return false;
  if (lang === 'en') {
    // Possessives belong to the noun phrase: "of the country's fighters".
    return (
      EN_MODIFIERS.has(t.lower) ||
      t.lower.includes('-') ||
      matchActor(t.lower) !== null ||
      matchActor(`${t.lower} `) !== null ||
      /['’]s$/u.test(t.lower) ||
      /^\p{Ll}+ly$/u.test(t.text) ||
      /(?:ed|al|ive|an|ese|ish|ic|ern)$/u.test(t.lower)
    );
  }
  if (DE_NON_MODIFIERS.has(t.lower)) return false;
  // Adverbs inside the noun phrase: "11.000 bereits entsandte Soldaten".
  if (DE_NP_ADVERBS.has(t.lower)) return true;
  if (matchActor(t.lower) !== null && !isCapitalized(t)) return true;
  return (
    !isCapitalized(t) &&
    t.lower.length >= 3 &&
    (/(?:e|en|er|es|em)$/u.test(t.lower) || t.lower === 'gut')
  );
}

const DE_PREPOSITIONS = new Set([
  'in',
  'im',
  'an',
  'am',
  'nach',
  'aus',
  'per',
  'über',
  'von',
  'vom',
  'mit',
  'bei',
  'auf',
  'zur',
  'zum',
  'ins',
  'seit',
]);
const DE_ARTICLES = /^(?:der|die|das|den|dem|des|ein|eine|einem|einen|einer)$/u;

/**
 * Length of a prepositional phrase inside a German attribute at `k` ("in
 * der Ukraine" in "zwei in der Ukraine festgehaltenen Soldaten"): a
 * preposition, an optional article, a noun, then an inflected participle
 * or adjective. 0 when there is none.
 */
function attributivePhrase(toks: readonly Token[], k: number): number {
  if (!DE_PREPOSITIONS.has((toks[k] as Token).lower)) return 0;
  let j = k + 1;
  if (DE_ARTICLES.test(toks[j]?.lower ?? '')) j += 1;
  // An adjective may stand in the phrase: "in den besetzten Gebieten".
  if (
    toks[j] &&
    !isCapitalized(toks[j] as Token) &&
    /e[nrms]?$/u.test((toks[j] as Token).lower)
  )
    j += 1;
  const noun = toks[j];
  if (!noun || !noun.isWord || !isCapitalized(noun)) return 0;
  // "im Gebiet Kursk": a noun and a name.
  if (toks[j + 1]?.isWord && isCapitalized(toks[j + 1] as Token)) j += 1;
  const after = toks[j + 1];
  if (!after || !after.isWord || isCapitalized(after)) return 0;
  return /(?:en|ten|te|ene|enen|nen)$/u.test(after.lower) ? j + 1 - k : 0;
}

/** The actor named inside an attributive phrase ("aus Nordkorea"), if any. */
function innerActor(
  toks: readonly Token[],
  k: number,
  n: number,
): string | null {
  if (!/^(?:aus|von|vom)$/u.test((toks[k] as Token).lower)) return null;
  for (let j = k + 1; j < k + n; j += 1) {
    const code = matchActor((toks[j] as Token).lower);
    if (code) return code;
  }
  return null;
}

// "12.000 Angehörige der nordkoreanischen Streitkräfte", "members of the
// Korean People's Army": a member noun, a genitive and an armed force.
const MEMBERS =
  /^(?:angehörige|angehörigen|mitglieder|mitgliedern|members|soldiers|soldaten)$/u;
const ARMED_FORCES =
  /(?:streitkräfte|spezialkräfte|armee|army|forces|truppen|einheiten|units|corps|korps|volksarmee|regiments?|brigaden?|bataillons?|battalions?|kontingents?|contingent)$/u;

/** The armed force a member noun at `k` belongs to, as a unit match, or null. */
export function membersOf(toks: readonly Token[], k: number): UnitMatch | null {
  if (!MEMBERS.test((toks[k] as Token).lower)) return null;
  // "Angehörige der Streitkräfte", "Angehörige seiner Spezialkräfte",
  // "Angehörigen nordkoreanischer Spezialkräfte".
  const link = toks[k + 1]?.lower ?? '';
  const genitiveAdjective = /^\p{Ll}.*er$/u.test(toks[k + 1]?.text ?? '');
  if (
    !/^(?:der|des|eines|einer|of|von|seiner|ihrer|their|its)$/u.test(link) &&
    !genitiveAdjective
  )
    return null;
  let actor: string | null = null;
  for (
    let j = genitiveAdjective ? k + 1 : k + 2;
    j < toks.length && j <= k + 6;
    j += 1
  ) {
    const t = toks[j] as Token;
    actor =
      actor ??
      matchActor(`${t.lower} ${toks[j + 1]?.lower ?? ''}`) ??
      matchActor(t.lower);
    if (ARMED_FORCES.test(t.lower))
      return {
        unit: 'soldiers',
        event: null,
        actor,
        next: j + 1,
        demonym: false,
      };
    if (!t.isWord) return null;
  }
  return null;
}

/** Finds the unit noun right after the figure (through adjectives). */
export function findUnitAfter(
  toks: readonly Token[],
  i: number,
  lang: Language,
): UnitMatch | null {
  let actor: string | null = null;
  let pending: UnitMatch | null = null;
  for (let k = i; k < toks.length && k - i < 9; k += 1) {
    const t = toks[k] as Token;
    // "von „mehr als tausend“ getöteten Nordkoreanern": a quote of the
    // figure alone ends before its noun.
    if (k === i && /^[“”"»«’]$/u.test(t.text)) continue;
    const pair = `${t.lower} ${toks[k + 1]?.lower ?? ''}`;
    if (KP_DEMONYMS.has(pair)) {
      return {
        unit: 'soldiers',
        event: null,
        actor: 'KP',
        next: k + 2,
        demonym: true,
      };
    }
    if (KP_DEMONYMS.has(t.lower)) {
      // "13.000 Nordkoreaner als Arbeiter", "… als Bau- und
      // Fabrikarbeiter": the role noun decides.
      const at = suspended(toks, k + 2) ? k + 5 : k + 2;
      const role =
        /^(?:als|as)$/u.test(toks[k + 1]?.lower ?? '') && toks[at]
          ? matchUnitWord(toks[at] as Token, lang)
          : null;
      if (role)
        return {
          unit: role,
          event: null,
          actor: 'KP',
          next: at + 1,
          demonym: false,
        };
      return {
        unit: 'soldiers',
        event: null,
        actor: 'KP',
        next: k + 1,
        demonym: true,
      };
    }
    const ev = EVENT_NOUNS.get(t.lower);
    if (ev && !pending) {
      // "Tote und Verletzte", "killed and wounded" together are casualties.
      const other = EVENT_NOUNS.get(toks[k + 2]?.lower ?? '');
      // "killed, wounded or captured": a list of kinds of loss.
      const both =
        other &&
        other !== ev &&
        /^(?:und|oder|and|or|,)$/u.test(toks[k + 1]?.lower ?? '');
      let last = k + 2;
      while (
        both &&
        /^(?:und|oder|and|or|,)$/u.test(toks[last + 1]?.lower ?? '') &&
        EVENT_NOUNS.has(toks[last + 2]?.lower ?? '')
      )
        last += 2;
      pending = {
        unit: 'soldiers',
        event: both ? 'casualties' : ev,
        actor,
        next: both ? last + 1 : k + 1,
        demonym: false,
      };
      // "1.500 getöteten und verwundeten Nordkoreanern": attributes of
      // the demonym or noun right after them, which names the owner.
      if (both) {
        const head = toks[last + 1];
        if (head && KP_DEMONYMS.has(head.lower))
          return { ...pending, actor: 'KP', next: last + 2 };
        return pending;
      }
      // "two wounded North Korean soldiers": then it was an adjective.
      continue;
    }
    // A suspended compound: "Bau- und Textilarbeiter": the noun is the
    // last member's.
    if (suspended(toks, k)) {
      k += 2;
      continue;
    }
    const members = membersOf(toks, k);
    if (members) return { ...members, actor: members.actor ?? actor };
    // Two-word nouns: "service members", "military personnel".
    const two = lang === 'en' ? UNIT_WORDS.get(pair) : undefined;
    if (two)
      return { unit: two, event: null, actor, next: k + 2, demonym: false };
    const unit = matchUnitWord(t, lang);
    if (unit) {
      // Compounds name the actor: "Nordkorea-Soldaten", "KPA-Truppen".
      const head = t.lower.includes('-') ? matchActor(t.lower) : null;
      return {
        unit,
        event: null,
        actor: head ?? actor,
        next: k + 1,
        demonym: false,
      };
    }
    // English noun-noun compounds: "construction workers", "assault troops".
    const compound =
      lang === 'en' &&
      !isCapitalized(t) &&
      t.isWord &&
      toks[k + 1] !== undefined &&
      (matchUnitWord(toks[k + 1] as Token, lang) !== null ||
        // "3,000 young North Korean soldiers": an owner follows.
        matchActor(
          `${(toks[k + 1] as Token).lower} ${toks[k + 2]?.lower ?? ''}`,
        ) !== null);
    // "zwei in der Ukraine festgehaltenen Soldaten", "1.500 per Schiff
    // gebrachten Soldaten": a phrase inside the attribute.
    const inner = lang === 'de' ? attributivePhrase(toks, k) : 0;
    if (inner > 0) {
      actor = actor ?? innerActor(toks, k, inner);
      k += inner - 1;
      continue;
    }
    // Coordinated attributes: "1.500 getöteten und verwundeten
    // Nordkoreanern", "11,000 young, poorly equipped soldiers".
    // A concession between commas: "11,000 battle-ready, if
    // combat-inexperienced, soldiers", "junge, wenn auch erfahrene".
    const concession =
      CONCESSIONS.has(t.lower) && toks[k - 1]?.text === ',' && k - 1 > i;
    const joined =
      k > i &&
      (/^(?:und|oder|and|or)$/u.test(t.lower) ||
        concession ||
        (t.text === ',' &&
          (isModifier(toks[k - 1] as Token, lang) ||
            CONCESSIONS.has(toks[k - 1]?.lower ?? '')))) &&
      toks[k + 1] !== undefined &&
      (isModifier(toks[k + 1] as Token, lang) ||
        (t.text === ',' && CONCESSIONS.has(toks[k + 1]?.lower ?? '')));
    if (!isModifier(t, lang) && !compound && !joined) return pending;
    actor = actor ?? matchActor(pair) ?? matchActor(t.lower);
  }
  return pending;
}

/** True for the first member of "Bau- und Textilarbeiter" at `k`. */
function suspended(toks: readonly Token[], k: number): boolean {
  return (
    (toks[k]?.isWord ?? false) &&
    toks[k + 1]?.text === '-' &&
    /^(?:und|oder|sowie)$/u.test(toks[k + 2]?.lower ?? '')
  );
}

const POST_QUALIFIERS: readonly (readonly [
  string,
  string,
  'approx' | 'at_least' | 'more_than',
])[] = [
  ['or', 'so', 'approx'],
  ['at', 'least', 'at_least'],
  ['or', 'more', 'at_least'],
  ['and', 'more', 'at_least'],
  ['oder', 'mehr', 'at_least'],
  ['und', 'mehr', 'at_least'],
];

/**
 * A qualifier after the figure ("3,000 or so soldiers", "10,000 or more
 * troops"), and how many tokens it spans, or null.
 */
export function findPostQualifier(
  toks: readonly Token[],
  end: number,
): ['approx' | 'at_least' | 'more_than', number] | null {
  const a = toks[end]?.lower ?? '';
  const b = toks[end + 1]?.lower ?? '';
  for (const [x, y, q] of POST_QUALIFIERS)
    if (a === x && b === y) return [q, 2];
  if (a === 'plus' || a === '-plus') return ['more_than', 1];
  return null;
}
