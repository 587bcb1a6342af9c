/**
 * Bare figures whose noun is the topic of the passage: "Statt bisher 8.000
 * geht das Pentagon nun von 10.000 Soldaten aus", "Our estimate remains
 * 11,000 to 12,000", "tops 14,000", "rund 1.000 der Soldaten", "at least
 * 100 of the troops had died", "seien etwa 4.000 getötet worden". The
 * figure has no noun of its own (German nouns are capitalized; in English
 * only function words, verbs and participles may follow it), and a troop
 * noun stands in the same sentence, the one before or the headline. That
 * noun gives the unit, and it must not belong to another country
 * ("referred to Russian servicemen").
 */
import type { Language, Unit } from '../claim.js';
import { matchActor } from './actor.js';
import { EVENT_NOUNS, KP_DEMONYMS } from './lexicon/claims.js';
import {
  BARE_BEFORE_NOT,
  EN_AFTER_BARE,
  TOPIC_BODIES,
  KP_TOPICS,
} from './lexicon/topic.js';
import { pastQualifiers } from './qualifier.js';
import { isCapitalized, type Token } from './text.js';
import type { UnitMatch } from './types.js';
import { matchUnitWord } from './unit.js';

// Nouns a bare figure after "of" measures instead of troops.
const MEASURES =
  /^(?:population|bevölkerung|einwohnern?|capacity|kapazität|range|reichweite|area|fläche|budget|cost|costs|kosten|price|preis|length|länge|distance|entfernung)$/u;

// Smallest bare figure read as troops: below it, bare numbers are mostly
// paragraph numbers, ages, counts of things ("UPDATE 2", "aged 20").
const BARE_MIN = 100;

/** True when the token after a figure shows that it has no noun of its own. */
function endsBare(
  toks: readonly Token[],
  end: number,
  lang: Language,
): boolean {
  const next = toks[end];
  if (!next) return true;
  // "155-Millimeter-Granaten", "170-mm guns": the figure is part of a word.
  if (next.start === (toks[end - 1] as Token).end && next.text === '-')
    return false;
  if (!next.isWord) return !/^[%$€£]/u.test(next.text);
  // "rund 1.000 der Soldaten", "100 of the troops": partitives are read by
  // the topic search below.
  if (lang === 'de') {
    if (isCapitalized(next)) return next.lower === 'mann';
    // "rund 200 weitreichende Artilleriegeschütze": an adjective, then
    // the figure's own noun.
    const after = toks[end + 1];
    return !(
      /e[nrms]?$/u.test(next.lower) &&
      next.lower.length > 4 &&
      !/^(?:dieser|diese|diesen|jener|jene|unserer|seiner|ihrer|einer)$/u.test(
        next.lower,
      ) &&
      after?.isWord &&
      isCapitalized(after) &&
      !/^(?:seien|wären|waren|sollen|könnten|dürften|werden|wurden)$/u.test(
        next.lower,
      )
    );
  }
  if (EN_AFTER_BARE.has(next.lower)) return true;
  // "1,000 wounded", "3,000 killed in …", but not "100 armored vehicles":
  // a participle counts as bare only when no noun follows it.
  if (!/(?:ed|ing)$/u.test(next.lower) || isCapitalized(next)) return false;
  const after = toks[end + 1];
  return (
    !after ||
    !after.isWord ||
    isCapitalized(after) ||
    EN_AFTER_BARE.has(after.lower)
  );
}

/** A troop noun at `t`: its unit, or null. */
function troopNoun(
  t: Token,
  lang: Language,
  before: Token | undefined,
): Unit | null {
  const u = matchUnitWord(t, lang);
  if (u) return u;
  if (KP_DEMONYMS.has(t.lower) || TOPIC_BODIES.has(t.lower)) return 'soldiers';
  // "Of the North Koreans sent to Russia, about 2,000 …": two tokens.
  if (t.lower === 'koreans' && before?.lower === 'north') return 'soldiers';
  // "Tote", "casualties": the loss nouns stand for soldiers too.
  if (EVENT_NOUNS.has(t.lower) && (lang === 'en' || isCapitalized(t)))
    return 'soldiers';
  return null;
}

const NEGATIONS = new Set(['nicht', 'not', 'kein', 'keine', 'no']);

/** True when a negation stands at most two words before token `k`. */
function isNegated(list: readonly Token[], k: number): boolean {
  return [list[k - 1], list[k - 2]].some((t) => NEGATIONS.has(t?.lower ?? ''));
}

/** The actor code named right before the noun at `k` ("Pyongyang's soldiers"), if any. */
export function ownerOf(
  toks: readonly Token[],
  k: number,
  german = false,
): string | null {
  // A demonym names its own owner: "mehr als 10.000 Nordkoreaner".
  if (KP_DEMONYMS.has((toks[k] as Token).lower)) return 'KP';
  for (let j = k - 1; j >= 0 && k - j <= 3; j -= 1) {
    const t = toks[j] as Token;
    if (!t.isWord) return null;
    // The figure ends the noun phrase; before it only a possessive may
    // name the owner ("Pyongyang's 9,000 soldiers", not "nach Angaben
    // Kiews etwa 9.000 Soldaten").
    if (/^\d/u.test(t.text)) {
      const before = toks[j - 1]?.lower ?? '';
      return /['’]s$/u.test(before) ? matchActor(before) : null;
    }
    const code =
      matchActor(`${t.lower} ${toks[j + 1]?.lower ?? ''}`) ??
      matchActor(t.lower);
    if (code) return code;
    // An article opens the noun phrase: "the Americans put the contingent
    // at …" names no owner of the contingent.
    if (/^(?:the|a|an)$/u.test(t.lower)) return null;
    // A German noun ends the phrase: "nach Erkenntnissen des
    // südkoreanischen Geheimdienstes weitere Soldaten" names no owner.
    if (german && isCapitalized(t)) return null;
  }
  return null;
}

/** The country after a troop noun: "troops from North Korea", "Soldaten aus Nordkorea". */
export function originAfter(toks: readonly Token[], k: number): string | null {
  if (!/^(?:from|aus)$/u.test(toks[k + 1]?.lower ?? '')) return null;
  const a = toks[k + 2]?.lower ?? '';
  return matchActor(`${a} ${toks[k + 3]?.lower ?? ''}`) ?? matchActor(a);
}

/**
 * The nearest troop noun in `list`, searching outwards from `from`, with
 * its owner; with `owned`, the nearest one whose owner is named. Soldiers
 * win over workers and officers, which a bare figure counts only when no
 * soldiers are named ("counting soldiers, engineers and deminers, up from
 * a peak of roughly 15,000").
 */
function nearestNoun(
  list: readonly Token[],
  from: number,
  skip: readonly [number, number] | null,
  lang: Language,
  owned = false,
): [Unit, string | null] | null {
  let other: [Unit, string | null] | null = null;
  for (let d = 1; d < list.length; d += 1) {
    for (const k of [from - d, from + d]) {
      if (k < 0 || k >= list.length) continue;
      if (skip && k >= skip[0] && k < skip[1]) continue;
      const unit = troopNoun(list[k] as Token, lang, list[k - 1]);
      // "bezog sich nicht auf Soldaten, sondern auf Arbeitskräfte".
      if (!unit || isNegated(list, k)) continue;
      const owner = ownerOf(list, k);
      if (owned && owner === null) continue;
      if (unit === 'soldiers') return [unit, owner];
      other = other ?? [unit, owner];
    }
  }
  return other;
}

/**
 * The North Korean troop noun of a sentence before, with its owner: the
 * topic a bare figure continues, whatever other troops that sentence
 * names ("… 12,000 North Korean soldiers … traded fire with Ukrainian
 * forces. Ukraine's defense minister puts the number … at 11,000").
 */
function kpNoun(
  list: readonly Token[],
  lang: Language,
): [Unit, string | null] | null {
  // Every bare figure of a sentence asks about the same lists: memoised
  // (a passage has one language).
  const known = KP_NOUN_MEMO.get(list);
  if (known !== undefined) return known;
  let found: [Unit, string | null] | null = null;
  for (let k = list.length - 1; k >= 0 && !found; k -= 1) {
    const unit =
      troopNoun(list[k] as Token, lang, list[k - 1]) ??
      (KP_TOPICS.has((list[k] as Token).lower) ? 'soldiers' : null);
    if (unit && !isNegated(list, k) && ownerOf(list, k, lang === 'de') === 'KP')
      found = [unit, 'KP'];
  }
  KP_NOUN_MEMO.set(list, found);
  return found;
}

const KP_NOUN_MEMO = new WeakMap<
  readonly Token[],
  [Unit, string | null] | null
>();

// The nouns of a count whose value a bare figure gives: "put the number at
// about 12,000", "the figure from Seoul is about 15,000".
const FRAMES =
  /^(?:number|numbers|figure|figures|estimate|estimates|total|count|tally|assessment|zahl|zahlen|schätzung|schätzungen|gesamtzahl|größenordnung)$/u;
// What may stand between the count's noun and its figure.
const FRAME_LINKS =
  /^(?:is|was|stands|stood|at|of|now|still|to|has|had|risen|rose|grown|reached|be|auf|bei|liegt|liege|liegen|lag|lägen|beträgt|betrage|betrug|von|sei|ist|war|inzwischen|nun|jetzt|derzeit|mittlerweile|massing|near|the|front|a|little|just|well|around|in|total|\()$/u;

/**
 * True when the figure gives the value of a count named just before it
 * ("the number is now over 10,000", "puts it at 11,000", "eine Zahl von
 * 4.000"), and that count is of no other thing ("the number of shells").
 */
function countFrame(toks: readonly Token[], num: number): boolean {
  let k = pastQualifiers(toks, num, { reach: Infinity });
  for (let n = 0; k >= 0 && n < 6; n += 1, k -= 1) {
    const w = (toks[k] as Token).lower;
    if (
      FRAMES.test(w) ||
      (w === 'it' && /^puts?$/u.test(toks[k - 1]?.lower ?? ''))
    )
      return !/^(?:of|der|des)$/u.test(toks[k + 1]?.lower ?? '');
    if (!FRAME_LINKS.test(w)) return false;
  }
  return false;
}

/**
 * The unit of a bare figure from the troop noun of its sentence, of the
 * previous sentence or of the headline; null when the figure has a noun of
 * its own, is small, or its topic is another country's troops.
 */
export function findTopicUnit(
  toks: readonly Token[],
  num: number,
  end: number,
  value: number,
  prev: readonly Token[] | null,
  headline: readonly Token[] | null,
  lang: Language,
  lead: readonly Token[] | null = null,
): UnitMatch | null {
  if (value < BARE_MIN || !endsBare(toks, end, lang)) return null;
  const before = toks[num - 1]?.lower ?? '';
  if (BARE_BEFORE_NOT.has(before)) return null;
  // "a Russian grouping of about 50,000": the body the figure measures
  // names its owner.
  const p = pastQualifiers(toks, num, { reach: Infinity });
  // "a pre-war population of around 5,000": the figure measures a thing.
  if (
    /^(?:of|von)$/u.test(toks[p]?.lower ?? '') &&
    MEASURES.test(toks[p - 1]?.lower ?? '')
  )
    return null;
  if (
    /^(?:of|von)$/u.test(toks[p]?.lower ?? '') &&
    /(?:grouping|group|force|army|contingent|corps|gruppierung|verband|truppe|armee|kontingent)$/u.test(
      toks[p - 1]?.lower ?? '',
    )
  ) {
    const body = ownerOf(toks, p - 1);
    if (body !== null && body !== 'KP') return null;
  }
  const context = (list: readonly Token[]): [Unit, string | null] | null =>
    kpNoun(list, lang) ?? nearestNoun(list, list.length, null, lang);
  const found =
    nearestNoun(toks, num, [num, end], lang) ??
    kpNoun(toks, lang) ??
    (prev ? context(prev) : null) ??
    (headline ? context(headline) : null) ??
    (lead && lead !== toks ? context(lead) : null);
  if (!found)
    return countFrame(toks, num)
      ? {
          unit: 'soldiers',
          event: null,
          actor: null,
          next: end,
          demonym: false,
        }
      : null;
  const [unit, owner] = found;
  if (owner !== null && owner !== 'KP') return null;
  // The troops' owner, named with the topic noun or with the troop noun of
  // the sentence before ("die nordkoreanischen Einheiten … Rund 1.000 der
  // Soldaten").
  const actor = owner ?? troopOwner(prev, lang);
  return { unit, event: null, actor, next: end, demonym: false };
}

/**
 * The owner of the troops that `toks` (the sentence before) speaks of:
 * North Korea when any troop noun there is North Korean, else the owner of
 * the last owned troop noun, else null.
 */
export function troopOwner(
  toks: readonly Token[] | null,
  lang: Language,
): string | null {
  if (!toks) return null;
  let last: string | null = null;
  for (let k = 0; k < toks.length; k += 1) {
    if (!troopNoun(toks[k] as Token, lang, toks[k - 1])) continue;
    const owner = ownerOf(toks, k, lang === 'de');
    if (owner === 'KP') return owner;
    last = owner ?? last;
  }
  return last;
}
