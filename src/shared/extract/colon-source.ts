/**
 * Sources around a colon: a headline's ("Seoul: North Korea has lost 300
 * soldiers", "N. Korea has sent 12,000 troops: NIS") and a speaker's whose
 * words follow it ("Der Militärökonom X verweist auf Satellitenbilder: …").
 */
import type { Language } from '../claim.js';
import { BATTLE_PLACES } from './lexicon/sources.js';
import { RUBRICS } from './lexicon/source-words.js';
import { isVague, joinSource, readBackward } from './source-phrase.js';
import { matchCasualtyCue } from './event.js';
import { leadEnd } from './subject.js';
import { canonicalSource } from './source.js';
import { isCapitalized, type Token } from './text.js';

// Verbs of a speaker whose words follow a colon: "Der Militärökonom X
// verweist auf Satellitenbilder: …", "Oberst a. D. Y formuliert es so: „…“".
const BEFORE_COLON =
  /^(?:verweist|formuliert|sagt|sagte|erklärt|erklärte|schreibt|schrieb|betont|warnt|fasst|says|said|writes|wrote|explains|puts|put|notes|argues|warns)$/u;

/**
 * The speaker of what follows a colon (`colon` is its index in `toks`):
 * the subject before a speech verb in the words before it.
 */
function colonSpeaker(
  text: string,
  toks: readonly Token[],
  colon: number,
  lang: Language,
): string | null {
  if (colon < 2 || colon > 14) return null;
  const verb = toks.findIndex(
    (t, k) => k < colon && BEFORE_COLON.test(t.lower),
  );
  if (verb < 1) return null;
  const src = readBackward(text, toks, verb, lang);
  return src && !isVague(src) ? src : null;
}

// Nouns of a count whose owner's figures follow a colon.
const COUNT_NOUNS =
  /^(?:numbers|figures|estimates?|count|tally|data|assessment|zahlen|angaben|schätzung)$/u;

/**
 * The owner of the figures a colon opens: "weighs the NIS's latest
 * numbers: around 4,700 …", "Seoul's count: 14,000".
 */
function colonOwner(
  text: string,
  toks: readonly Token[],
  colon: number,
): string | null {
  if (colon < 2 || !COUNT_NOUNS.test(toks[colon - 1]?.lower ?? '')) return null;
  let p = colon - 2;
  while (p >= 0 && colon - p <= 4 && !/['’]s$/u.test((toks[p] as Token).lower))
    p -= 1;
  const owner = toks[p];
  if (p < 0 || !owner || !isCapitalized(owner)) return null;
  let a = p;
  while (a > 0 && isCapitalized(toks[a - 1] as Token) && p - a < 4) a -= 1;
  const words = joinSource(text, toks.slice(a, p + 1))?.replace(/['’]s$/u, '');
  return words && canonicalSource(words) ? words : null;
}

/**
 * A headline's source before or after a colon: "Seoul: North Korea has
 * lost 300 soldiers", "N. Korea has sent 12,000 troops: NIS".
 */
export function colonSource(
  text: string,
  all: readonly Token[],
  lang: Language,
): string | null {
  const from = leadEnd(all);
  const toks = from ? all.slice(from) : all;
  const head = toks.findIndex((t) => t.text === ':');
  const lead = toks.slice(0, head);
  if (
    head > 0 &&
    head <= 3 &&
    lead.every(
      (t) =>
        t.isWord &&
        isCapitalized(t) &&
        !RUBRICS.has(t.lower) &&
        // A fact box's label: "Gefallen: etwa 600", "Killed: some 1,000".
        matchCasualtyCue(t.lower, lang) === null &&
        !BATTLE_PLACES.some((p) => t.lower.startsWith(p)),
    )
  ) {
    const src = joinSource(text, lead);
    return src && !isVague(src) ? src : null;
  }
  const speaker =
    colonSpeaker(text, toks, head, lang) ?? colonOwner(text, toks, head);
  if (speaker) return speaker;
  let c = toks.length - 1;
  while (c >= 0 && toks.length - c <= 5 && toks[c]?.text !== ':') c -= 1;
  // "Antwort: Ja.": what follows a role's colon is speech, not a source.
  if (RUBRICS.has(toks[c - 1]?.lower ?? '')) return null;
  const tail = toks.slice(c + 1).filter((t) => t.isWord);
  if (
    c < 1 ||
    tail.length === 0 ||
    toks.length - c > 5 ||
    !tail.every((t) => isCapitalized(t))
  )
    return null;
  return joinSource(text, tail);
}
