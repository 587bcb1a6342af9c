/**
 * Cue roles: how a country cue is used, as the owner of troops, as a
 * source or as a place. A named speaker ("NATO's Mark Rutte said") or a
 * German clause of speech ("Während Kiew von bis zu 5.000 Toten ausgeht")
 * make the cue a source; "nach Russland" and "im Fernen Osten Russlands"
 * are places.
 */
import { NON_ACTOR_PREPOSITIONS, SOURCE_HEADS } from './lexicon/claims.js';
import {
  COUNT_FRAMES,
  GERMAN_INVERSION,
  REGION_NOUNS,
  SOURCE_HEAD_ENDS,
  SOURCE_INTRODUCERS,
  SPEAKER_FILLERS,
  SPEAKER_VERBS,
} from './lexicon/actors.js';
import { CLAUSE_BREAKS, type Token } from './text.js';

/**
 * True when up to three capitalised words from `j` name the speaker of a
 * speech verb: "NATO's Mark Rutte said", "Ukraine's President Volodymyr
 * Zelensky says".
 */
export function namedSpeaker(toks: readonly Token[], j: number): boolean {
  for (let n = 0; n < 4; n += 1) {
    const t = toks[j + n];
    if (!t || !t.isWord) return false;
    // "NATO's secretary general says", "Ukraine's defense minister puts":
    // a title in lower case, not a phrase of its own ("… of the …").
    if (!/^\p{Lu}/u.test(t.text) && TITLE_STOPS.has(t.lower)) return false;
    if (SPEAKER_VERBS.has(toks[j + n + 1]?.lower ?? '')) return true;
  }
  return false;
}

// Words that end a speaker's title: articles, prepositions, conjunctions.
const TITLE_STOPS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'and',
  'or',
  'but',
  'der',
  'die',
  'das',
  'des',
  'den',
  'dem',
  'ein',
  'eine',
  'von',
  'zu',
  'im',
  'in',
  'am',
  'und',
  'oder',
  'aber',
  'who',
  'which',
  'that',
  'dass',
]);

// "Seoul hatte noch von …", "Die Ukraine hat von … gesprochen": the
// auxiliary and adverbs before "von".
const SPEECH_ADVERBS =
  /^(?:noch|bereits|schon|zunächst|zuletzt|damals|nun|inzwischen|nur|stets|dagegen|jedoch|aber|selbst|wiederholt|kürzlich|jüngst|anfangs|ursprünglich|hat|hatte|habe|hätte|haben|hatten)$/u;

// Verbs that close a German clause in which "X von N …" is what X says.
const SPEAKS_OF_END =
  /^(?:ausgeht|ausging|ausgehen|ausgingen|spricht|sprach|sprechen|gesprochen|redet)$/u;

/**
 * True when "von" follows the cue and its clause ends in a speech verb:
 * "Während Kiew von bis zu 5.000 Toten ausgeht, …", "…, dass Seoul von
 * 2.000 Gefallenen spricht".
 */
export function speaksOfLater(toks: readonly Token[], j: number): boolean {
  const cue = j;
  for (;;) {
    if (SPEECH_ADVERBS.test(toks[j]?.lower ?? '')) j += 1;
    // A time between: "hatte am Vormittag noch von zwei gesprochen",
    // "schon im Oktober 2024 von 1500 … sprach".
    else if (
      /^(?:am|im)$/u.test(toks[j]?.lower ?? '') &&
      /^\p{Lu}/u.test(toks[j + 1]?.text ?? '')
    )
      j += /^\d{4}$/u.test(toks[j + 2]?.text ?? '') ? 3 : 2;
    // "Hatte Kiew Mitte des Monats noch von etwa 200 … gesprochen",
    // "Ende Januar von 3.000".
    else if (/^(?:mitte|ende|anfang)$/u.test(toks[j]?.lower ?? '')) {
      j += /^(?:des|der)$/u.test(toks[j + 1]?.lower ?? '') ? 3 : 2;
      if (/^\d{4}$/u.test(toks[j]?.text ?? '')) j += 1;
    } else break;
  }
  if (toks[j]?.lower !== 'von') return false;
  for (let k = j + 1; k < toks.length && k - j <= 14; k += 1) {
    const t = toks[k] as Token;
    if (CLAUSE_BREAKS.has(t.text) || t.text === '.') break;
    if (SPEAKS_OF_END.test(t.lower)) return true;
  }
  // Gapping after a comma: "Budanows Behörde sprach von knapp 11.000,
  // Seoul zunächst nur von 3.000": the verb of the clause before.
  if (toks[cue - 2]?.text !== ',') return false;
  for (let k = cue - 3; k >= 0 && cue - k <= 20; k -= 1)
    if (SPEAKS_OF_END.test((toks[k] as Token).lower)) return true;
  return false;
}

/**
 * True when "für"/"for" (and an article) stand before the cue at `k`:
 * "Schätzungen für die ukrainische Seite", "For the Russian side, …" name
 * whose troops are counted.
 */
export function isBeneficiary(toks: readonly Token[], k: number): boolean {
  const prev = toks[k - 1]?.lower ?? '';
  return (
    /^(?:für|for)$/u.test(prev) ||
    (/^(?:die|den|der|the)$/u.test(prev) &&
      /^(?:für|for)$/u.test(toks[k - 2]?.lower ?? ''))
  );
}

/** True when token `k` stands inside round brackets of its sentence. */
export function inBrackets(toks: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 8; j -= 1) {
    const t = (toks[j] as Token).text;
    if (t === ')') return false;
    if (t === '(') return true;
  }
  return false;
}

/** True when the cue at `k` is an adjective ("ukrainischen", "Russian"). */
export function isAdjectiveCue(toks: readonly Token[], k: number): boolean {
  const t = toks[k] as Token;
  const head =
    toks[k + 1] && /^korea/u.test((toks[k + 1] as Token).lower)
      ? (toks[k + 1] as Token)
      : t;
  return /^\p{Ll}/u.test(t.text) || /(?:an|ian|ese|ish)$/u.test(head.lower);
}

/** True when a troop noun follows the cue at `k` ("among North Korean fighters"). */
export function headsTroops(toks: readonly Token[], k: number): boolean {
  for (let j = k + 1; j <= k + 3 && j < toks.length; j += 1) {
    if (
      /(?:soldaten|truppen|troops|soldiers|fighters|kämpfer|forces|kräfte|personnel|offiziere|officers|infantry|infanterie|einheiten|units|kontingent|contingent)$/u.test(
        (toks[j] as Token).lower,
      )
    )
      return true;
  }
  return false;
}

/** How an actor cue is used: as the actor, as a source, or as a place. */
export type CueRole = 'actor' | 'source' | 'place';

/**
 * The role of the actor cue at `k` spanning `span` tokens: "nach
 * Russland" and "in eastern Russia" are places, "South Korea's spy agency"
 * is a source.
 */
export function roleOfCue(
  toks: readonly Token[],
  k: number,
  span: number,
): CueRole {
  const prev = toks[k - 1];
  const next = toks[k + span]?.lower ?? '';
  const t = toks[k] as Token;
  const last = toks[k + span - 1] as Token;
  const tail = last.lower.split('-').pop() ?? '';
  // "on North Korean infantry", "mit nordkoreanischen Truppen": an
  // adjective that heads troops names their owner after any preposition.
  if (isAdjectiveCue(toks, k) && headsTroops(toks, k)) return 'actor';
  // "Auf russischer Seite …", "on the Ukrainian side": whose side.
  // Not the side that speaks ("Die ukrainische Seite spricht von …",
  // "from the South Korean side").
  if (
    /^(?:seite|side)$/u.test(next) &&
    !SPEAKER_VERBS.has(toks[k + span + 1]?.lower ?? '') &&
    !/^(?:from|von|vonseiten)$/u.test(toks[k - 2]?.lower ?? prev?.lower ?? '')
  )
    return 'actor';
  if (NON_ACTOR_PREPOSITIONS.has(prev?.lower ?? '')) return 'place';
  // "a Seoul-based outlet": where a body sits, not whose troops; "when it
  // reached Russia": where they went.
  if (/-based$/u.test(last.lower)) return 'place';
  if (
    /^(?:reached|entered|betraten)$/u.test(prev?.lower ?? '') ||
    /^(?:erreichte|erreichten|erreicht)$/u.test(next)
  )
    return 'place';
  // "an der Seite Russlands", "on the side of Russia", "alongside
  // Russia": the ally the troops fight with, not their owner.
  if (
    /^(?:seite|alongside)$/u.test(prev?.lower ?? '') ||
    (prev?.lower === 'of' && toks[k - 2]?.lower === 'side')
  )
    return 'place';
  // "rotated home from Russia": where they come back from.
  if (
    prev?.lower === 'from' &&
    /^(?:home|back)$/u.test(toks[k - 2]?.lower ?? '')
  )
    return 'place';
  // "Schätzungen für die ukrainische Seite": whose losses are counted.
  if (isBeneficiary(toks, k)) return 'actor';
  // A fact box's label: "Selenskyj (Dezember 2024): mehr als 3000 Tote"
  // (not a headline's "Putin: 700.000 Soldaten …").
  if (
    next === '(' &&
    toks
      .slice(k + span, k + span + 8)
      .some((t, i, all) => t.text === ')' && all[i + 1]?.text === ':')
  )
    return 'source';
  // A fact box's note in brackets: "etwa 11.000 (Herbst 2024, Schätzung
  // Seoul)", "(ebenfalls Seoul)".
  if (inBrackets(toks, k) && !/^(?:aus|from)$/u.test(prev?.lower ?? ''))
    return 'source';
  // The subject of a speech or estimate verb is a source: "Südkorea geht
  // von 15.000 Soldaten aus", "Kyiv says".
  // "Die ukrainische Seite spricht von …": with a noun between.
  if (
    SPEAKER_VERBS.has(next) ||
    (SPEAKER_FILLERS.has(next) &&
      SPEAKER_VERBS.has(toks[k + span + 1]?.lower ?? '')) ||
    namedSpeaker(toks, k + span) ||
    speaksOfLater(toks, k + span) ||
    relativeSpeaker(toks, k + span) ||
    // German inversion: "…, nennt Kiew eine Zahl von 4.000 Toten".
    (GERMAN_INVERSION.has(prev?.lower ?? '') && !isAdjectiveCue(toks, k))
  )
    return 'source';
  // One lower-case word may stand between ("in eastern Russia"), not a
  // relative pronoun ("…, in dem Russland monatlich 30.000 Mann verliere").
  if (
    prev &&
    prev.isWord &&
    /^\p{Ll}/u.test(prev.text) &&
    !/^(?:dem|denen|welchem|which|whom)$/u.test(prev.lower) &&
    NON_ACTOR_PREPOSITIONS.has(toks[k - 2]?.lower ?? '') &&
    !NON_ACTOR_PREPOSITIONS.has(prev.lower)
  )
    return 'place';
  if (
    SOURCE_HEADS.has(next) ||
    // "Zelensky's public figure", "Seoul's latest estimate".
    (/^\p{Ll}+$/u.test(next) &&
      COUNT_FRAMES.test(toks[k + span + 1]?.lower ?? '') &&
      /s$/u.test(last.lower)) ||
    (last.lower.includes('-') &&
      (SOURCE_HEADS.has(tail) ||
        SOURCE_HEAD_ENDS.some((h) => tail.endsWith(h)))) ||
    SOURCE_HEAD_ENDS.some((h) => next.endsWith(h))
  )
    return 'source';
  // "im Fernen Osten Russlands": a genitive of a region is a place.
  if (REGION_NOUNS.test(prev?.lower ?? '') && /s$/u.test(t.lower))
    return 'place';
  // "the figure from Seoul", "die Zahlen aus Kiew": whose count it is.
  if (
    /^(?:from|aus)$/u.test(prev?.lower ?? '') &&
    COUNT_FRAMES.test(toks[k - 2]?.lower ?? '')
  )
    return 'source';
  // Inside "nach Angaben des ukrainischen …", "according to Ukraine's …".
  // Only articles and adjectives may stand between introducer and cue.
  for (let j = k - 1; j >= 0 && k - j <= 4; j -= 1) {
    const w = toks[j] as Token;
    if (SOURCE_INTRODUCERS.has(w.lower)) return 'source';
    if (!w.isWord || !/^\p{Ll}/u.test(w.text)) break;
    // A verb ends the phrase: "Nach britischen Schätzungen verliert
    // Russland …" makes Russia the subject, not the source.
    if (
      !/(?:e|en|er|es|em|an|ian|ish|ese)$/u.test(w.lower) &&
      !/^(?:aus|von|vom|in|im|of|from|the)$/u.test(w.lower)
    )
      break;
  }
  return t.isWord ? 'actor' : 'place';
}

/**
 * True when a relative clause after the cue says it spoke: "Seoul, which
 * had first spoken of a mere 1,500 special forces", "Kiew, das von 3.000
 * Toten sprach".
 */
function relativeSpeaker(toks: readonly Token[], j: number): boolean {
  if (toks[j]?.text !== ',') return false;
  if (!/^(?:which|who|der|die|das)$/u.test(toks[j + 1]?.lower ?? ''))
    return false;
  for (let k = j + 2; k < toks.length && k - j <= 7; k += 1) {
    const w = (toks[k] as Token).lower;
    if (CLAUSE_BREAKS.has(w)) return false;
    if (SPEAKER_VERBS.has(w) || SPEAKS_OF_END.test(w) || w === 'spoken')
      return true;
  }
  return false;
}
