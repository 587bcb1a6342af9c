/**
 * Cue roles decided by the words after a country cue: a named speaker
 * ("NATO's Mark Rutte said") or a German clause of speech ("Während Kiew
 * von bis zu 5.000 Toten ausgeht") make the cue a source, not the owner of
 * the troops.
 */
import { SPEAKER_VERBS } from './lexicon/actors.js';
import { CLAUSE_BREAKS, type Token } from './text.js';

/**
 * True when up to three capitalised words from `j` name the speaker of a
 * speech verb: "NATO's Mark Rutte said", "Ukraine's President Volodymyr
 * Zelensky says".
 */
export function namedSpeaker(toks: readonly Token[], j: number): boolean {
  for (let n = 0; n < 4; n += 1) {
    const t = toks[j + n];
    if (!t || !t.isWord || !/^\p{Lu}/u.test(t.text)) return false;
    if (SPEAKER_VERBS.has(toks[j + n + 1]?.lower ?? '')) return true;
  }
  return false;
}

// "Seoul hatte noch von …", "Die Ukraine hat von … gesprochen": the
// auxiliary and adverbs before "von".
const SPEECH_ADVERBS =
  /^(?:noch|bereits|schon|zunächst|zuletzt|damals|nun|inzwischen|nur|stets|hat|hatte|habe|hätte|haben|hatten)$/u;

// Verbs that close a German clause in which "X von N …" is what X says.
const SPEAKS_OF_END =
  /^(?:ausgeht|ausging|ausgehen|ausgingen|spricht|sprach|sprechen|gesprochen|redet)$/u;

/**
 * True when "von" follows the cue and its clause ends in a speech verb:
 * "Während Kiew von bis zu 5.000 Toten ausgeht, …", "…, dass Seoul von
 * 2.000 Gefallenen spricht".
 */
export function speaksOfLater(toks: readonly Token[], j: number): boolean {
  while (SPEECH_ADVERBS.test(toks[j]?.lower ?? '')) j += 1;
  if (toks[j]?.lower !== 'von') return false;
  for (let k = j + 1; k < toks.length && k - j <= 14; k += 1) {
    const t = toks[k] as Token;
    if (CLAUSE_BREAKS.has(t.text) || t.text === '.') return false;
    if (SPEAKS_OF_END.test(t.lower)) return true;
  }
  return false;
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
      /(?:soldaten|truppen|troops|soldiers|fighters|kämpfer|forces|personnel|offiziere|officers|infantry|infanterie|einheiten|units|kontingent|contingent)$/u.test(
        (toks[j] as Token).lower,
      )
    )
      return true;
  }
  return false;
}
