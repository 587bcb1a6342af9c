/**
 * Source phrases of the attribution rules: reading the name of a source
 * forward from "laut", "according to" … or backward from a speech verb,
 * through articles, adjectives, name joiners ("Institute for …"), documents
 * ("a note from …") and appositions; and telling named sources from vague
 * ones ("Berichten zufolge", "reports").
 */
import { canonicalSource } from './source.js';
import type { Language } from '../claim.js';
import { EVENT_NOUNS } from './lexicon/claims.js';
import { PRONOUN_SOURCES, VAGUE_SOURCES } from './lexicon/sources.js';
import { CLAUSE_BREAKS, isCapitalized, type Token } from './text.js';
import { isDateMonth, isNameQuote } from './phrase-edges.js';
import {
  STOP,
  ARTICLES,
  EN_SOURCE_WORDS,
  EN_NAMES,
  DOC_NOUNS,
  DOC_LINKS,
  DETERMINERS,
  NAME_JOINERS,
  ADVERBS,
  GENERIC_SOURCES,
  WITNESSES,
  NOT_SOURCES,
} from './lexicon/source-words.js';

const FRONTED_PREPOSITIONS = new Set([
  'in',
  'im',
  'mit',
  'bei',
  'beim',
  'vor',
  'nach',
  'auf',
  'aus',
  'an',
  'am',
  'gegenüber',
]);

// Institutions whose seat belongs to their name: "der Geheimdienst in
// Seoul", "the ministry in Kyiv", "Dem Geheimdienstausschuss der
// Nationalversammlung in Seoul zufolge".
const INSTITUTION =
  /(?:ministerium|dienst|regierung|behörde|generalstab|agentur|versammlung|ausschuss|ministry|agency|service|office|officials|government)(?:e?s)?$/u;

/** True when the phrase ends in an institution ("den Militärgeheimdienst"). */
export function isInstitution(phrase: string): boolean {
  return INSTITUTION.test(phrase.toLowerCase());
}

const GENITIVE_LINKS = new Set(['des', 'der', 'von']);

/** True when `t` may be part of a source phrase. */
function isSourceWord(t: Token, lang: Language, hasNoun: boolean): boolean {
  // German stop words that are English names ("Institute for the Study
  // of War", "MIT") stay in English source phrases.
  if (lang === 'en' && isCapitalized(t) && EN_NAMES.has(t.lower)) return true;
  if (!t.isWord || STOP.has(t.lower) || /^\d/u.test(t.text)) return false;
  if (isCapitalized(t)) return true;
  if (lang === 'en') return EN_SOURCE_WORDS.has(t.lower);
  // German: inflected adjectives before the noun, genitive articles after
  // it ("des Generalstabs der Ukraine"); "die", "das", "den", "dem" after
  // the noun open the next phrase ("des Generalstabs die Entsendung").
  if (ARTICLES.has(t.lower)) return !hasNoun || GENITIVE_LINKS.has(t.lower);
  return !hasNoun && /(?:e|en|er|es|em)$/u.test(t.lower);
}

/** Trims articles at both ends and joins the tokens as written. */
export function joinSource(
  text: string,
  toks: readonly Token[],
): string | null {
  let a = 0;
  let b = toks.length;
  while (a < b && ARTICLES.has((toks[a] as Token).lower)) a += 1;
  while (
    b > a &&
    (ARTICLES.has((toks[b - 1] as Token).lower) ||
      (toks[b - 1] as Token).lower === "'s")
  )
    b -= 1;
  if (a >= b) return null;
  return text.slice((toks[a] as Token).start, (toks[b - 1] as Token).end);
}

const ABBREVIATED = /^(?:\p{Lu}\.)+\p{Lu}$/u;

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our']);

/** Reads a source phrase forward from token `i`. */
export function readForward(
  text: string,
  toks: readonly Token[],
  i: number,
  lang: Language,
): string | null {
  let k = i;
  // "nach Angaben aus Moskau", "officials from Seoul".
  if (
    /^(?:aus|from)$/u.test(toks[k]?.lower ?? '') &&
    isCapitalized(toks[k + 1] ?? (toks[k] as Token))
  )
    k += 1;
  while (DETERMINERS.has(toks[k]?.lower ?? '') && k - i < 2) k += 1;
  if (
    DOC_NOUNS.has(toks[k]?.lower ?? '') &&
    DOC_LINKS.has(toks[k + 1]?.lower ?? '')
  ) {
    k += 2;
    while (DETERMINERS.has(toks[k]?.lower ?? '') && k - i < 6) k += 1;
  }
  const got: Token[] = [];
  let hasNoun = false;
  for (; k < toks.length && got.length < 8; k += 1) {
    const t = toks[k] as Token;
    if (t.text === '-' || t.text === '’' || t.text === "'") continue;
    // A quoted name: "Die «Neue Zürcher Zeitung» schreibt".
    if (isNameQuote(toks, k)) continue;
    // The dot of "U.S." / "U.K." is its own token.
    if (t.text === '.' && ABBREVIATED.test(toks[k - 1]?.text ?? '')) continue;
    // A date ends the phrase: "on 23 October the Pentagon confirmed".
    if (isDateMonth(toks, k)) break;
    // "Institute for the Study of War": joiners and an inner "the".
    const after = toks[k + 1]?.lower === 'the' ? toks[k + 2] : toks[k + 1];
    const joiner =
      hasNoun &&
      t.lower !== 'and' &&
      ((NAME_JOINERS.has(t.lower) &&
        isCapitalized(after ?? t) &&
        isCapitalized(toks[k - 1] ?? t)) ||
        (t.lower === 'the' &&
          NAME_JOINERS.has(toks[k - 1]?.lower ?? '') &&
          isCapitalized(toks[k + 1] ?? t)));
    if (!joiner && !isSourceWord(t, lang, hasNoun)) break;
    got.push(t);
    if (isCapitalized(t)) hasNoun = true;
    // A genitive opens a new noun phrase with its own adjectives: "der
    // Chef des ukrainischen Militärgeheimdienstes".
    if (lang === 'de' && hasNoun && GENITIVE_LINKS.has(t.lower))
      hasNoun = false;
  }
  // A German phrase ends in its noun: "Militärgeheimdienst von eher" is
  // "Militärgeheimdienst".
  const trailing = got.length;
  if (lang === 'de')
    while (got.length && !isCapitalized(got[got.length - 1] as Token))
      got.pop();
  if (got.length < trailing) return got.length ? joinSource(text, got) : null;
  // "der Sprecher des Sicherheitsrats, John Kirby, …": the name follows.
  if (toks[k]?.text === ',') {
    let m = k + 1;
    while (
      m < toks.length &&
      m - k <= 4 &&
      toks[m]?.isWord &&
      isCapitalized(toks[m] as Token) &&
      !STOP.has((toks[m] as Token).lower)
    )
      m += 1;
    const after = toks[m];
    if (
      m - k >= 3 &&
      (!after || !after.isWord || /^\p{Ll}/u.test(after.text))
    ) {
      return joinSource(text, toks.slice(k + 1, m));
    }
  }
  // "der Geheimdienst in Seoul", "the ministry in Kyiv": the seat of an
  // institution belongs to its name.
  const seat = toks[k];
  const place = toks[k + 1];
  if (
    got.length &&
    seat &&
    place &&
    /^(?:in|aus)$/u.test(seat.lower) &&
    INSTITUTION.test((got[got.length - 1] as Token).lower) &&
    isCapitalized(place) &&
    !STOP.has(place.lower)
  )
    got.push(seat, place);
  // A witness is a claimant only with an article: "the prisoner said", not
  // "$2,000 per soldier".
  const words = got.filter((t) => !ARTICLES.has(t.lower));
  if (
    words.length === 1 &&
    WITNESSES.has((words[0] as Token).lower) &&
    words.length === got.length
  )
    return null;
  return got.length ? joinSource(text, got) : null;
}

/** Reads a source phrase backward from token `i` (exclusive). */
export function readBackward(
  text: string,
  toks: readonly Token[],
  i: number,
  lang: Language,
): string | null {
  let end = i;
  while (end > 0 && ADVERBS.has((toks[end - 1] as Token).lower)) end -= 1;
  // Apposition: "the Institute …, a Seoul-based think tank, said".
  if (toks[end - 1]?.text === ',') {
    let c = end - 2;
    while (c >= 0 && end - c < 12 && toks[c]?.text !== ',') c -= 1;
    if (c > 0 && DETERMINERS.has(toks[c + 1]?.lower ?? '')) end = c;
  }
  const got: Token[] = [];
  // Words nearest the verb that are surely part of a source phrase.
  let strict = 0;
  let run = true;
  let k = end - 1;
  for (; k >= 0 && got.length < 8; k -= 1) {
    const t = toks[k] as Token;
    if (t.text === '.' && ABBREVIATED.test(toks[k - 1]?.text ?? '')) continue;
    if (isNameQuote(toks, k)) continue;
    if (isDateMonth(toks, k)) break;
    // "Seoul raised its estimate": after a possessive the verb is a noun.
    if (got.length === 0 && POSSESSIVES.has(t.lower)) break;
    // "Institute for National Security Strategy", "officials in Kyiv".
    // "Institute for the Study of War": a joiner may precede "the".
    const head = got[0]?.lower === 'the' ? got[1] : got[0];
    const joiner =
      head !== undefined &&
      isCapitalized(head) &&
      ((NAME_JOINERS.has(t.lower) && isCapitalized(toks[k - 1] ?? t)) ||
        (/^(?:in|aus)$/u.test(t.lower) &&
          (EN_SOURCE_WORDS.has(toks[k - 1]?.lower ?? '') ||
            INSTITUTION.test(toks[k - 1]?.lower ?? '') ||
            // "Die Botschaft der Ukraine in Berlin teilte mit".
            (lang === 'de' &&
              /^(?:der|des)$/u.test(toks[k - 2]?.lower ?? '') &&
              canonicalSource(toks[k - 1]?.text ?? null) !== null))));
    // A past-tense verb right before the speech verb is no subject
    // ("the Kremlin dismissed reports that …").
    // "G7 foreign ministers said": a group's name may hold a digit.
    const loose =
      lang === 'en' &&
      (t.isWord || /^G\d{1,2}$/u.test(t.text)) &&
      !STOP.has(t.lower) &&
      !DETERMINERS.has(t.lower) &&
      !/^\d/u.test(t.text) &&
      !(got.length === 0 && /ed$/u.test(t.lower));
    if (!joiner && !isSourceWord(t, lang, false) && !loose) break;
    got.unshift(t);
    if (run && (joiner || isSourceWord(t, lang, false))) strict += 1;
    else run = false;
  }
  // Plain lower-case words count only inside a closed noun phrase: from a
  // determiner or the clause start ("a Ukrainian drone unit commander").
  const before = toks[k];
  const closed =
    !before ||
    CLAUSE_BREAKS.has(before.text) ||
    DETERMINERS.has(before.lower) ||
    /^[„“"'»«]$/u.test(before.text);
  // German: a phrase after a preposition is a fronted adverbial, not the
  // subject ("In Seoul berichtete der Abgeordnete …", "Im Gespräch mit
  // einem Sender sagte Budanow …").
  if (lang === 'de' && before && FRONTED_PREPOSITIONS.has(before.lower))
    return null;
  const phrase = closed ? got : got.slice(got.length - strict);
  if (!phrase.length && end === i && toks[i - 1]?.text === ',') {
    // "John Kirby, Sprecher des …, äußerte": the name opens the sentence.
    const firstComma = toks.findIndex((t) => t.text === ',');
    // The title may be long: "Der Sekretär des russischen Sicherheitsrats,
    // Sergej Schoigu, kündigte …".
    if (firstComma > 0 && firstComma <= 7 && isCapitalized(toks[0] as Token)) {
      // "Der Sprecher des Pentagons, Mark Weller, äußerte": the name.
      const name = toks.slice(firstComma + 1, i - 1);
      if (
        name.length >= 2 &&
        name.length <= 3 &&
        name.every((t) => t.isWord && isCapitalized(t))
      )
        return joinSource(text, name);
      return joinSource(text, toks.slice(0, firstComma));
    }
  }
  return phrase.length ? joinSource(text, phrase) : null;
}

// First words of phrases that read like a source but name none: pronouns,
// numbers and the nouns of interviews and documents.

const MEETINGS = new Set([
  'sitzung',
  'anhörung',
  'meeting',
  'session',
  'hearing',
]);
const LINKS = new Set(['des', 'der', 'von', 'of']);

const EN_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'which', 'who']);

/** True when the phrase names no one ("Berichten", "er", "reports"). */
export function isVague(source: string): boolean {
  const words = source.toLowerCase().split(/[\s-]+/u);
  // No name at all: "seither", "but", "My own", "Antwort", "Eine Zahl";
  // "agency" and "officials" refer back to a named source.
  // "Gesamtzahl der Entsandten": a count, not its claimant.
  if (
    NOT_SOURCES.has(words[0] as string) ||
    PRONOUN_SOURCES.has(words[0] as string) ||
    /zahl(?:en)?$/u.test(words[0] as string)
  )
    return true;
  // An English phrase never holds a pronoun: "loss rate it" (said).
  if (words.some((w) => EN_PRONOUNS.has(w))) return true;
  // A meeting is where a source spoke, not who: "(einer nicht
  // öffentlichen) Sitzung des Geheimdienstausschusses in Seoul".
  const meeting = words.findIndex((w) => MEETINGS.has(w));
  if (meeting >= 0 && !words.slice(0, meeting).some((w) => LINKS.has(w)))
    return true;
  if (
    words.length === 1 &&
    !/\p{Lu}/u.test(source) &&
    !GENERIC_SOURCES.has(words[0] as string) &&
    !EN_SOURCE_WORDS.has(words[0] as string)
  )
    return true;
  // A phrase with a vague word ("die Truppen Berichten") is a mis-parse of
  // "… Berichten zufolge"; a digit or troop noun means we read the claim.
  // "state media", "South Korean media", "russische Staatsmedien" name
  // outlets; "media reports" alone does not.
  const outlets = (k: number): boolean =>
    /^(?:media|medien)$/u.test(words[k] as string) &&
    k === words.length - 1 &&
    k > 0 &&
    /^(?:state|staatliche[n]?|\p{L}+(?:an|ese|ish|sche|schen))$/u.test(
      words[k - 1] as string,
    );
  // "nordkoreanischen Spezialkräften", "North Korean special forces": the
  // North's troops are what is counted, never who counts them.
  if (
    /^(?:nordkorean|north$)/u.test(words[0] as string) &&
    /(?:kräften?|forces|einheiten|units|kämpfern?|fighters|personnel|personal)$/u.test(
      words[words.length - 1] as string,
    )
  )
    return true;
  return (
    words.every((w) => w === 'officials' || w === 'official') ||
    words.some(
      (w, k) =>
        (VAGUE_SOURCES.has(w) && !outlets(k)) ||
        EVENT_NOUNS.has(w) ||
        (/\d/u.test(w) && !/^g\d{1,2}$/u.test(w)) ||
        /(?:soldaten|truppen|troops|soldiers)$|^(?:mann|men)$/u.test(w),
    )
  );
}
