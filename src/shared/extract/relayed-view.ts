/**
 * Relayed views: a speaker who passes on a claimant's view in so many words
 * ("Lee said the NIS believes …", "…, der NIS schätze die Zahl …",
 * "erklärte der Abgeordnete Lee, nach Erkenntnissen des NIS seien …"): the
 * claimant is the source, not the speaker.
 */
import type { Language } from '../claim.js';
import { isInstitution, isVague, readForward } from './source-phrase.js';
import { canonicalSource } from './source.js';
import type { Token } from './text.js';

/** True for a phrase of a known claimant or an institution. */
export function namesClaimant(src: string): boolean {
  return !isVague(src) && (canonicalSource(src) !== null || isInstitution(src));
}

// Speech verbs that relay another claimant's view, and the verbs of that
// view: "Lee said the NIS believes …", "…, der NIS schätze die Zahl …".
const RELAYING = new Set([
  'said',
  'says',
  'told',
  'sagte',
  'sagt',
  'erklärte',
  'berichtete',
]);
const VIEWS = new Set([
  'believes',
  'estimates',
  'assesses',
  'thinks',
  'counts',
  'schätze',
  'schätzt',
  'gehe',
  'geht',
  'gehen',
]);

/** The claimant whose view a speaker relays, or null. */
export function relayedView(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (let k = 0; k < toks.length; k += 1) {
    if (!RELAYING.has((toks[k] as Token).lower)) continue;
    let j = k + 1;
    while (
      /^(?:that|dass|reporters|journalists|,)$/u.test(toks[j]?.lower ?? '')
    )
      j += 1;
    const src = readForward(text, toks, j, lang);
    if (!src || !namesClaimant(src)) continue;
    const end = text.indexOf(src, (toks[j] as Token).start) + src.length;
    let e = j;
    while (e < toks.length && (toks[e] as Token).end <= end) e += 1;
    if (VIEWS.has(toks[e]?.lower ?? '')) return src;
    // "…, erklärte der Abgeordnete Lee, nach Erkenntnissen des NIS seien
    // …": the agency's view in so many words after the speaker.
    if (toks[e]?.text === ',') {
      const inner = agencyAfter(text, toks, e + 1, lang);
      if (inner) return inner;
    }
  }
  return null;
}

const VIEW_NOUNS =
  /^(?:erkenntnissen|angaben|einschätzung|schätzung|schätzungen)$/u;

/** "nach Erkenntnissen des NIS", "according to the NIS" at `k`, or null. */
function agencyAfter(
  text: string,
  toks: readonly Token[],
  k: number,
  lang: Language,
): string | null {
  let at = -1;
  if (toks[k]?.lower === 'nach' && VIEW_NOUNS.test(toks[k + 1]?.lower ?? ''))
    at = k + 2;
  else if (toks[k]?.lower === 'according' && toks[k + 1]?.lower === 'to')
    at = k + 2;
  if (at < 0) return null;
  const src = readForward(text, toks, at, lang);
  const id = src && !isVague(src) ? canonicalSource(src)?.id : undefined;
  return id && id !== 'kr-gov' && id !== 'media' ? src : null;
}

// German reported speech: the subjunctive that carries a speaker's account
// on from one sentence to the next.
const SUBJUNCTIVE = new Set([
  'sei',
  'seien',
  'habe',
  'hätten',
  'würden',
  'wären',
  'könne',
]);
const TRAILING_SPEECH = new Set([
  'erklärte',
  'sagte',
  'teilte',
  'berichtete',
  'hieß',
  'betonte',
  'ergänzte',
]);

/**
 * True when the next sentence goes on with the same account and names its
 * speaker at the end: "… rund 5.000 Soldaten verloren, davon etwa 1.800
 * Tote. Die übrigen seien verwundet oder würden vermisst, erklärte ein
 * Sprecher der ukrainischen Streitkräfte."
 */
export function reportGoesOn(next: readonly Token[]): boolean {
  if (!next.some((t) => SUBJUNCTIVE.has(t.lower))) return false;
  return next.some(
    (t, k) =>
      k > 0 && next[k - 1]?.text === ',' && TRAILING_SPEECH.has(t.lower),
  );
}

/**
 * True when the speaker a next sentence names ("Das sagte …") replaces
 * this sentence's claimant: one the table does not know, the same claimant
 * named more precisely, or a country alone that speaks through its
 * president or ministers ("Die Ukraine geht davon aus … . Das sagte
 * Präsident Selenskyj"). An agency stays the source when another claimant
 * speaks ("Der NIS geht von … aus. Das teilte der Abgeordnete Lee mit").
 */
export function speakerReplaces(own: string, speaker: string): boolean {
  const mine = canonicalSource(own);
  if (mine === null) return true;
  const theirs = canonicalSource(speaker);
  if (theirs?.id === mine.id) return true;
  return (
    own.split(/\s+/u).length === 1 &&
    mine.id.endsWith('-gov') &&
    theirs?.country === mine.country
  );
}
