/**
 * Figures that count something other than the force abroad, read from
 * their context: a market's level ("The KOSPI edged up 0.3% to 2,548"), a
 * German figure's own noun in a prepositional phrase ("auf fünf
 * Stützpunkten"), former soldiers ("19 von ihnen ehemalige Soldaten") and
 * sentences that open in an earlier war ("Im Koreakrieg …").
 */
import type { Language } from '../claim.js';
import { isCapitalized, type Token } from './text.js';

// Markets and prices a level may be quoted for.
const MARKET_WORDS =
  /^(?:kospi|kosdaq|nikkei|dax|index|leitindex|shares|stocks|aktien|won|rouble|ruble|rubel|yen|dollar|euro|points|punkte|börse|exchange)$/u;

/**
 * True for a market's level ("The KOSPI edged up 0.3% to 2,548", "der Won
 * stand bei 1.426"): a market word shortly before "to"/"at"/"auf"/"bei"
 * and the figure.
 */
export function isMarketLevel(toks: readonly Token[], num: number): boolean {
  if (!/^(?:to|at|auf|bei)$/u.test(toks[num - 1]?.lower ?? '')) return false;
  for (let k = num - 2; k >= 0 && num - k <= 7; k -= 1)
    if (MARKET_WORDS.test((toks[k] as Token).lower)) return true;
  return false;
}

// Prepositions whose phrase a bare German figure and its noun make up.
const PP_PREPOSITIONS = new Set(['auf', 'in', 'an', 'aus', 'bei', 'zu']);

/**
 * True when a German figure counts the capitalised noun right after it in
 * a prepositional phrase ("auf fünf Stützpunkten", "in drei Lagern"): that
 * noun is what it counts, not a topic's troops. `end` is the token after
 * the figure.
 */
export function countsOwnNoun(
  toks: readonly Token[],
  num: number,
  end: number,
  lang: Language,
): boolean {
  const next = toks[end];
  return (
    lang === 'de' &&
    next !== undefined &&
    next.isWord &&
    isCapitalized(next) &&
    PP_PREPOSITIONS.has(toks[num - 1]?.lower ?? '')
  );
}

const FORMER = /^(?:ehemalige[nrs]?|frühere[nrs]?|former|ex)$/u;
const SERVICE_NOUNS =
  /^(?:soldaten|soldat|soldiers|soldier|troops|truppen|kämpfer|fighters|militärs|servicemen|angehörige)$/u;

/**
 * True when the figure counts former soldiers ("19 von ihnen ehemalige
 * Soldaten der Volksarmee", "40 former soldiers among the defectors"): no
 * force, however they served. `end` is the token after the figure,
 * `next` the one after its noun.
 */
export function countsFormer(
  toks: readonly Token[],
  end: number,
  next: number,
): boolean {
  for (let k = end; k < next + 2 && k < toks.length; k += 1)
    if (
      FORMER.test((toks[k] as Token).lower) &&
      SERVICE_NOUNS.test(toks[k + 1]?.lower ?? '')
    )
      return true;
  return false;
}

// Time phrases of an earlier war: "Im Koreakrieg …", "During the Korean
// War …", "Schon zwischen 1966 und 1968 …", "In 1951 …".
const PAST_WARS =
  /^(?:koreakrieg|koreakriegs|koreakrieges|vietnamkrieg|vietnamkriegs|weltkrieg|weltkriegs|19\d\d(?:[-–]\d\d(?:\d\d)?)?)$/u;
const TIME_PREPOSITIONS =
  /^(?:im|in|während|zwischen|schon|bereits|damals|seit|during|between|back|from|von)$/u;

/**
 * True when the sentence opens in an earlier war ("Im Koreakrieg habe die
 * Sowjetunion … bis zu 26.000 Mann geschickt", "Schon zwischen 1966 und
 * 1968 flogen nordkoreanische Piloten …, waren es 87"): its figures are
 * history, not the force in Russia.
 */
export function opensInThePast(toks: readonly Token[]): boolean {
  for (let k = 0; k < toks.length && k < 10; k += 1) {
    const w = (toks[k] as Token).lower;
    const war =
      PAST_WARS.test(w) ||
      (w === 'korean' && toks[k + 1]?.lower === 'war') ||
      (w === 'world' && toks[k + 1]?.lower === 'war');
    if (war)
      return toks.slice(0, k).some((t) => TIME_PREPOSITIONS.test(t.lower));
  }
  return false;
}
