/**
 * Sentence-level reasons a figure is no claim, and what a figure shares
 * with the one before it: the size of a whole army or formation, a
 * correction's account of an earlier version, demonyms outside a military
 * context, and coordinated figures ("300 killed and 2,700 wounded").
 */
import type { Language } from '../claim.js';
import {
  ARMY_SIZE_CUES,
  ARMY_SIZE_MIN,
  EVENT_CUES,
  UNIT_SUFFIXES,
} from './lexicon/claims.js';
import { pastQualifiers } from './qualifier.js';
import { CLAUSE_BREAKS, type Token } from './text.js';

const SIZE_VERBS = new Set([
  'umfasst',
  'umfassen',
  'umfasste',
  'zählt',
  'zählte',
  'comprises',
  'comprise',
  'comprised',
  'consists',
  'numbers',
]);
const FORMATIONS =
  /(?:korps|armee|division|brigade|verband|einheit|corps|army|unit)$/u;

/** True when the sentence describes the whole army or a formation's size. */
export function isArmySize(
  toks: readonly Token[],
  num: number,
  value: number,
): boolean {
  // "Das Sturmkorps umfasst bis zu 40.000 Mann": a formation, then a size
  // verb, then the figure.
  const verb = toks.findIndex((t, k) => k < num && SIZE_VERBS.has(t.lower));
  if (verb > 0 && toks.slice(0, verb).some((t) => FORMATIONS.test(t.lower))) {
    return true;
  }
  // "einer Eliteeinheit mit geschätzt 40.000 bis 50.000 Mann", "die
  // Spezialkräfte des Landes auf bis zu 200.000 Mann": a formation's size.
  let b = num - 1;
  while (
    b > 0 &&
    num - b <= 4 &&
    !/^(?:mit|with|des|of)$/u.test((toks[b] as Token).lower)
  )
    b -= 1;
  const link = toks[b]?.lower ?? '';
  if (
    (link === 'mit' || link === 'with') &&
    FORMATIONS.test(toks[b - 1]?.lower ?? '')
  )
    return true;
  if (
    /^(?:landes|country)$/u.test(toks[b + 1]?.lower ?? '') &&
    /^(?:des|of)$/u.test(link) &&
    /(?:kräfte|forces|streitkräfte|truppen|troops)$/u.test(
      toks[b - 1]?.lower ?? '',
    )
  )
    return true;
  if (value < ARMY_SIZE_MIN) return false;
  return toks.some((t) => ARMY_SIZE_CUES.some((c) => t.lower.startsWith(c)));
}

const EARLIER =
  /^(?:früheren|frühere|vorherigen|ursprünglichen|ersten|gestrigen|unserer|earlier|previous|original|first|our|yesterday's)$/u;
const VERSIONS =
  /^(?:fassung|version|versions|ausgabe|angabe|angaben|edition|print)$/u;
// "hat ihre frühere Angabe zurückgezogen", "retracted a report that …".
const RETRACTIONS = new Set([
  // "UPDATE — Removes claim in paragraph 3 that …", "wrongly stated",
  // "was earlier misreported as 3,000".
  'removes',
  'removed',
  'wrongly',
  'misreported',
  'misstated',
  'erroneously',
  'fälschlicherweise',
  'irrtümlich',
  'zurückgezogen',
  'zurückgenommen',
  'retracted',
  'retracts',
  'withdrew',
  'withdrawn',
]);

/**
 * True for a correction's account of what an earlier version said ("In
 * einer früheren Fassung hieß es, …", "An earlier version of this story
 * said …"): its figures were withdrawn, not claimed.
 */
export function quotesEarlierVersion(toks: readonly Token[]): boolean {
  // A retraction withdraws a statement; troops "withdrawn from the front"
  // are an event.
  const retracted =
    toks.some((t) => RETRACTIONS.has(t.lower)) &&
    toks.some((t) => STATEMENTS.test(t.lower));
  return (
    retracted ||
    toks.some(
      (t, k) =>
        EARLIER.test(t.lower) &&
        // "in our Tuesday edition".
        (VERSIONS.test(toks[k + 1]?.lower ?? '') ||
          VERSIONS.test(toks[k + 2]?.lower ?? '')),
    )
  );
}

const STATEMENTS =
  /^(?:report|reports|figure|figures|claim|claims|story|estimate|statement|angabe|angaben|meldung|bericht|zahl|aussage|behauptung|schätzung|article|artikel|number|headline|überschrift)$/u;

/**
 * True when the figure at `num` follows the claim ending at offset
 * `prevEnd` right after an "and"/"und" ("300 killed and 2,700", "300 Tote
 * und 2.700").
 */
export function isCoordinated(
  toks: readonly Token[],
  num: number,
  prevEnd: number,
): boolean {
  const conj = toks[num - 1];
  if (!conj || !/^(?:and|und|sowie)$/u.test(conj.lower)) return false;
  return (toks[num - 2]?.end ?? Infinity) <= prevEnd;
}

/** True when a demonym ("Nordkoreaner") stands in a military context. */
export function hasMilitaryContext(
  toks: readonly Token[],
  lang: Language,
): boolean {
  const memo = MILITARY_WORDS[lang];
  for (const t of toks) {
    let hit = memo.get(t.lower);
    if (hit === undefined) {
      hit = isMilitaryWord(t.lower, lang);
      if (memo.size >= 20_000) memo.clear();
      memo.set(t.lower, hit);
    }
    if (hit) return true;
  }
  return false;
}

// Whether a word is military, per language (words recur in every text).
const MILITARY_WORDS: Record<Language, Map<string, boolean>> = {
  de: new Map(),
  en: new Map(),
};
const EVENT_CUE_LISTS: Record<Language, readonly string[]> = {
  de: Object.values(EVENT_CUES.de).flat(),
  en: Object.values(EVENT_CUES.en).flat(),
};

function isMilitaryWord(w: string, lang: Language): boolean {
  return (
    EVENT_CUE_LISTS[lang].some(
      (c) => (c.length >= 5 && w.startsWith(c)) || w === c,
    ) ||
    UNIT_SUFFIXES.some(([s]) => w.endsWith(s)) ||
    /^(?:militär|military|armee|army|kampf|kämpf|krieg|front|gefecht|combat|fight|battle|war$|officer|offizier|commander|kommandeur|brigade|battalion|bataillon|regiment|gedient|dienten$|served$|serving$)/u.test(
      w,
    )
  );
}

// Work that makes North Koreans workers: "arbeiten … auf Baustellen",
// "working on building sites", "in Fabriken".
const LABOUR =
  /^(?:arbeiten|arbeitet|arbeiteten|gearbeitet|work|works|working|worked|work-related|baustellen|baustelle|fabriken|fabrik|factories|factory|textilfabriken|sites|beschäftigt|employed|toil|toiled|toiling|labour|labor|logging|arbeits|arbeitsvisa|arbeitskräfte|holzfällerlager)$/u;

/**
 * True when the clause around a demonym at `k` speaks of work ("mehr als
 * 15.000 Nordkoreaner arbeiten in Russland, viele auf Baustellen"): they
 * count as workers, not soldiers.
 */
export function hasLabourContext(toks: readonly Token[], k: number): boolean {
  for (let j = Math.max(0, k - 4); j < toks.length && j <= k + 20; j += 1) {
    if (LABOUR.test((toks[j] as Token).lower)) return true;
  }
  return false;
}

const SUBUNITS =
  /^(?:groups|teams|squads|gruppen|trupps|stoßtrupps|sturmgruppen|kampfgruppen|assault|units)$/u;

/**
 * True for the size of the small groups a force is split into ("assault
 * groups of 20 to 30 men", "in Gruppen von 20, 30 Mann"): no head count.
 */
export function isSubunitSize(toks: readonly Token[], num: number): boolean {
  const link = toks[num - 1]?.lower ?? '';
  if (!/^(?:of|von|zu|à)$/u.test(link)) return false;
  return SUBUNITS.test(toks[num - 2]?.lower ?? '');
}

/**
 * True for a formation's strength at home ("the Storm Corps, put at 40,000
 * to 45,000 men at home", "eine Spezialeinheit, die in Nordkorea insgesamt
 * auf 40.000 Mann kommt"): the figure's clause places the troops in North
 * Korea, so they are not the force abroad.
 */
export function isHomeStrength(toks: readonly Token[], num: number): boolean {
  let a = num;
  while (a > 0 && !CLAUSE_BREAKS.has((toks[a - 1] as Token).text)) a -= 1;
  let b = num;
  while (b < toks.length && !CLAUSE_BREAKS.has((toks[b] as Token).text)) b += 1;
  // "…, which at home is estimated to number 40,000 to 50,000".
  const relative = /^(?:which|die|der|das)$/u.test(toks[a]?.lower ?? '');
  for (let k = a; k + 1 < b; k += 1) {
    const w = (toks[k] as Token).lower;
    const next = (toks[k + 1] as Token).lower;
    if (w === 'at' && next === 'home' && (k > num || relative)) return true;
    if (
      w === 'in' &&
      (next === 'nordkorea' ||
        (next === 'north' && toks[k + 2]?.lower === 'korea'))
    )
      return true;
  }
  return false;
}

/**
 * A document's or item's number, not a count: "die schriftliche Frage Nr.
 * 9/142", "resolution No. 2397", "Drucksache 20/1234".
 */
export function isReference(
  text: string,
  m: { start: number; end: number },
): boolean {
  if (/\d\//u.test(text.slice(Math.max(0, m.start - 2), m.start))) return true;
  if (text[m.end] === '/' && /\d/u.test(text[m.end + 1] ?? '')) return true;
  // "Nr. 142", "No. 2397", "Nummer 9": only then read the words before.
  const before = text.slice(Math.max(0, m.start - 8), m.start);
  return (
    /[.r]\s*$/iu.test(before) &&
    /\b(?:nr\.?|no\.|nos\.|nummer)\s*$/iu.test(before)
  );
}

// Measures that are no head count.
const MEASURES =
  /^(?:square|sq|km|km²|kilometres|kilometers|kilometre|kilometer|quadratkilometer|quadratkilometern|miles|meilen|hectares|hektar|prozent|percent|per|shells|granaten|rounds|geschosse|dollars?|euros?|tonnen|tons|tonnes|inhabitants|einwohner|einwohnern|residents)$/u;

// Nouns of a measure before its figure: "a population of 5,000".
const MEASURE_NOUNS =
  /^(?:population|bevölkerung|einwohnerzahl|area|fläche|territory|length|länge|budget|cost|kosten)$/u;

/**
 * True when a bare figure compares with a measure named just before it:
 * "roughly 1,000 square kilometres of Russian territory, down from a peak
 * of around 1,300", "von 40.000 Quadratkilometern auf 4.000".
 */
export function comparesMeasure(toks: readonly Token[], num: number): boolean {
  // "a pre-war population of around 5,000": the measure's own noun.
  // (The walk past qualifiers also steps over "of", as in "upwards of".)
  let b = pastQualifiers(toks, num);
  if (/^(?:of|von)$/u.test(toks[b]?.lower ?? '')) b -= 1;
  if (MEASURE_NOUNS.test(toks[b]?.lower ?? '')) return true;
  let linked = false;
  for (let k = num - 1; k >= 0 && num - k <= 16; k -= 1) {
    const t = toks[k] as Token;
    if (/^(?:from|von|than|als|to|auf)$/u.test(t.lower)) linked = true;
    if (/^\d/u.test(t.text))
      return linked && MEASURES.test(toks[k + 1]?.lower ?? '');
  }
  return false;
}

/** A score or tally, not a count: "by a vote of 443-0", "mit 520:110". */
export function isScore(
  text: string,
  m: { start: number; end: number; low: number | null },
): boolean {
  return (
    m.low === null &&
    (/^[-\u2010\u2011–:]\d/u.test(text.slice(m.end, m.end + 2)) ||
      /\d[-\u2010\u2011–:]$/u.test(
        text.slice(Math.max(0, m.start - 2), m.start),
      ))
  );
}

// "…, then 10,000", "…, dann 10.000": the later figure of a sequence.
const THEN = /^(?:then|dann|danach|später|later)$/u;

/**
 * True when a figure continues the sequence of the one before it after a
 * comma: "the Pentagon spoke of 3,000 soldiers in October, then 10,000 a
 * week later", "…, eine Woche später dann von 10.000".
 */
export function isGapped(toks: readonly Token[], num: number): boolean {
  let b = pastQualifiers(toks, num);
  if (/^(?:von|of|auf|at|to)$/u.test(toks[b]?.lower ?? '')) b -= 1;
  return (
    THEN.test(toks[b]?.lower ?? '') &&
    toks.slice(Math.max(0, b - 4), b).some((t) => t.text === ',')
  );
}

/** The word before the figure at `num`, past its qualifiers. */
function governor(toks: readonly Token[], num: number): string {
  const b = pastQualifiers(toks, num, {
    stop: (w) => GOVERNORS.test(w),
    also: (w) => TIME_ADVERBS.test(w),
  });
  return toks[b]?.lower ?? '';
}

const GOVERNORS = /^(?:von|auf|bei|at|of|to)$/u;
const TIME_ADVERBS =
  /^(?:inzwischen|bereits|schon|noch|nun|jetzt|derzeit|now|already|still)$/u;

/**
 * True when a bare figure repeats the frame of the figure before it in
 * its sentence: "X spricht von fünf gefangenen Nordkoreanern, Y hatte
 * noch von zwei gesprochen", "puts it at 11,000, the Pentagon at 10,000".
 * `prior` is the token index of the figure before.
 */
export function isParallel(
  toks: readonly Token[],
  num: number,
  prior: number,
): boolean {
  const g = governor(toks, num);
  return (
    GOVERNORS.test(g) &&
    governor(toks, prior) === g &&
    toks.slice(prior, num).some((t) => t.text === ',')
  );
}
