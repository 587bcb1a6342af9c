/**
 * Figures whose event is not their clause's: the whole a partitive takes
 * its losses from ("Of the 11,000 sent, 1,000 have died") and troops said
 * to be there already while the clause plans more.
 */
import {
  EVENT_NOUNS,
  PROJECTION_CUES,
  QUALIFIER_WORDS,
} from './lexicon/claims.js';
import { CONJUNCTIONS, FINITE } from './lexicon/events.js';
import type { ClaimEvent } from '../claim.js';
import { pastQualifiers } from './qualifier.js';
import type { Token } from './text.js';

// Adverbs between "von den" and the figure: "von den ursprünglich 11.000".
const WHOLE_ADVERBS = new Set([
  'ursprünglich',
  'insgesamt',
  'zunächst',
  'originally',
  'initially',
  'estimated',
  'geschätzt',
]);

// The article and preposition that open the whole ("of the", "von den"),
// which "in the region of" also holds.
const LINKS = new Set([
  'of',
  'the',
  'those',
  'von',
  'den',
  'aus',
  'out',
  'des',
  'der',
]);

// Words of a part stated as a share: "rund ein Drittel", "nearly half".
// Shares of a whole: "ein Drittel", "jeder vierte", "every fifth".
const SHARES =
  /^(?:\d.*|drittel|viertel|hälfte|prozent|third|quarter|half|percent|per|zweite|dritte|vierte|fünfte|zehnte|fourth|fifth|tenth)$/u;

/**
 * True when the figure at `num` is the whole of a partitive that a later
 * part of the sentence counts: "Von den ursprünglich rund 11.000
 * entsandten Soldaten seien etwa 1.000 getötet worden", "Of the roughly
 * 11,000 who crossed over, a good 1,000 have fallen", "out of 12,000,
 * nearly a third".
 */
export function isPartitiveWhole(
  toks: readonly Token[],
  num: number,
  nounEnd: number,
): boolean {
  const b = pastQualifiers(toks, num, {
    stop: (w) => LINKS.has(w),
    also: (w) => WHOLE_ADVERBS.has(w),
    reach: 4,
  });
  const w = toks[b]?.lower ?? '';
  const link = toks[b - 1]?.lower ?? '';
  const opens =
    (/^(?:den|the|those)$/u.test(w) && /^(?:von|of|aus)$/u.test(link)) ||
    (w === 'of' && link === 'out') ||
    // "ein Drittel des ursprünglich etwa 11.000 Mann starken Kontingents".
    (/^(?:des|der)$/u.test(w) && SHARES.test(link) && !/^\d/u.test(link));
  if (opens && /^(?:des|der)$/u.test(w)) return true;
  if (!opens) return false;
  // The part before it: "about 4,700 of the roughly 15,000 deployed",
  // "some 4,000 men dead … out of the roughly 12,000 deployed".
  const linkAt = b - 1;
  for (let k = linkAt - 1; k >= 0 && linkAt - k <= 14; k -= 1) {
    const t = toks[k] as Token;
    if (t.text === '.' || t.text === ';') break;
    if (/^\d/u.test(t.text) || SHARES.test(t.lower)) return true;
  }
  for (let k = nounEnd; k < toks.length && k - nounEnd <= 25; k += 1) {
    const t = toks[k] as Token;
    if (t.text === '.' || t.text === ';') return false;
    if (SHARES.test(t.lower)) return true;
  }
  return false;
}

const ALREADY = new Set(['already', 'bereits', 'schon']);
const BETWEEN = new Set([
  'or',
  'so',
  'are',
  'is',
  'were',
  'sind',
  'waren',
  'who',
  'die',
  'that',
  ',',
]);

/**
 * True when "already" follows the figure's noun and no plan follows it:
 * "the 12,000-strong force already in Russia", "the twelve thousand or so
 * already there" (not "already plans to send").
 */
export function isAlreadyThere(
  toks: readonly Token[],
  nounEnd: number,
): boolean {
  for (let k = nounEnd; k < toks.length && k - nounEnd <= 3; k += 1) {
    const w = (toks[k] as Token).lower;
    // "the 11,000 troops so far deployed" too.
    const soFar = w === 'so' && toks[k + 1]?.lower === 'far';
    if (ALREADY.has(w) || soFar) {
      const next = toks[k + (soFar ? 2 : 1)]?.lower ?? '';
      return !PROJECTION_CUES.de.has(next) && !PROJECTION_CUES.en.has(next);
    }
    // Only "or so" and a copula may stand between: "sollen schon im Juli
    // eintreffen" is a plan.
    if (!BETWEEN.has(w)) return false;
  }
  return false;
}

// Adverbs before a figure that make it the level so far: "Zu den bisher
// rund 11.000 könnten 3.000 hinzukommen", "the 11,000 so far deployed".
const SO_FAR = /^(?:bisher|bislang|derzeit|already|currently)$/u;

/** True when the figure is the level so far ("zu den bisher rund 11.000"). */
export function isLevelSoFar(toks: readonly Token[], num: number): boolean {
  const b = pastQualifiers(toks, num);
  const w = toks[b]?.lower ?? '';
  return SO_FAR.test(w) || (w === 'far' && toks[b - 1]?.lower === 'so');
}

// Participles and adjectives of loss before the troop noun ("2,000
// wounded North Korean soldiers", "1.500 getöteten und verwundeten
// Nordkoreanern") are the loss nouns' words, and these: "101 fallen
// soldiers", "the captured men".
const ATTRIBUTIVE: ReadonlyMap<string, ClaimEvent> = new Map([
  ['fallen', 'killed'],
  ['captured', 'captured'],
]);

/** Words of a capture: what a captor does to the counted troops. */
export const CAPTURE =
  /^(?:captured|capture|prisoners?|pows|gefangen|gefangene[nr]?|gefangengenommen|kriegsgefangene[nr]?|gefangennahme|gefangenschaft)$/u;

/**
 * The event a loss word between figure and noun gives, or null; a capture
 * in the sentence outranks it ("zwei verwundete Soldaten gefangen
 * genommen" were captured).
 */
export function attributiveEvent(
  toks: readonly Token[],
  num: number,
  next: number,
): ClaimEvent | null {
  const found = new Set<ClaimEvent>();
  for (let k = num + 1; k < next - 1; k += 1) {
    const w = (toks[k] as Token).lower;
    const ev = EVENT_NOUNS.get(w) ?? ATTRIBUTIVE.get(w);
    if (ev) found.add(ev);
  }
  if (found.size && toks.some((t) => CAPTURE.test(t.lower))) return null;
  if (found.has('killed') && found.has('wounded')) return 'casualties';
  return found.size === 1 ? ([...found][0] as ClaimEvent) : null;
}

// Nouns of a count of troops that may stand between a force and its losses.
const TROOP_NOUNS = new Set([
  'mann',
  'soldaten',
  'soldiers',
  'troops',
  'men',
  'of',
  'davon',
]);

// A figure token that is a count, not a year.
const isCount = (t: Token | undefined): boolean =>
  t !== undefined && /^\d/u.test(t.text) && !/^(?:19|20)\d\d$/u.test(t.text);

/**
 * True when the loss word at `k`, after the figure's noun phrase (which
 * ends at `nounEnd`), counts another figure's troops: the force is the
 * subject and the losses its object ("the 11,000-strong force has lost
 * 4,000 men", "Die Truppe von 11.000 Mann hat schon 4.000 verloren").
 * Either another figure follows the loss word as its object, or one stands
 * between the two after a verb of the first ("… hat … 4.000 … verloren");
 * figures that are alternatives ("1,000, possibly 2,000, were killed")
 * share the loss.
 */
export function isLossOfAnother(
  toks: readonly Token[],
  nounEnd: number,
  k: number,
  isLoss: (w: string) => boolean,
): boolean {
  // "… 3,000 killed or wounded": only loss words from a figure to `k`.
  const lossWordsUpTo = (from: number): boolean => {
    for (let j = from; j < k; j += 1) {
      const w = (toks[j] as Token).lower;
      if (!isLoss(w) && !CONJUNCTIONS.has(w)) return false;
    }
    return true;
  };
  // "lost 4,000", "lost some 4,000", "lost more than 4,000".
  for (let j = k + 1; j <= k + 4 && j < toks.length; j += 1) {
    const t = toks[j] as Token;
    if (/^\d/u.test(t.text)) return isCount(t);
    if (!QUALIFIER_WORDS.has(t.lower)) break;
  }
  let verb = false;
  for (let j = nounEnd; j < k; j += 1) {
    const t = toks[j] as Token;
    if (FINITE.has(t.lower)) verb = true;
    // A count of its own ("4.000 Mann", or bare right before the loss
    // word), not a year, a span of days or a group ours is among.
    else if (
      verb &&
      isCount(t) &&
      (TROOP_NOUNS.has(toks[j + 1]?.lower ?? '') || lossWordsUpTo(j + 1))
    )
      return true;
  }
  return false;
}
