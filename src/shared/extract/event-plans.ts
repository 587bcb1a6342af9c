/**
 * Plans among the event rules: whether a figure's clause projects it
 * (future and modal cues, deadlines ahead, German "wird … entsenden"), and
 * the modals of likelihood or of reported speech that do not.
 */
import type { Language } from '../claim.js';
import {
  PERFECT_AUXILIARIES,
  PROJECTION_CUES,
  QUALIFIER_WORDS,
} from './lexicon/claims.js';
import {
  FUTURE_MARKERS,
  LIKELIHOOD,
  PAST,
  REPORTATIVE,
  STATIVES,
} from './lexicon/events.js';
import { MONTHS } from './number/lexicon.js';
import type { Token } from './text.js';

/** True when [a, b) holds a future or modal cue that is not reportative. */
export function isProjected(
  toks: readonly Token[],
  a: number,
  b: number,
  lang: Language,
): boolean {
  let modal = false;
  let reportative = false;
  let future = false;
  let deadline = false;
  let past = false;
  let plainModal = false;
  let ongoing = false;
  let prepared = false;
  let now = false;
  for (let k = a; k < b; k += 1) {
    const t = toks[k] as Token;
    const next = toks[k + 1]?.lower ?? '';
    // "soll … entsandt haben", "could have been killed" report the past.
    // Not "könnten zusätzlich 5000 Mann sein": a participle comes first.
    if (
      modal &&
      PERFECT_AUXILIARIES.has(t.lower) &&
      (lang === 'en' || /^\p{Ll}/u.test(toks[k - 1]?.text ?? ''))
    )
      return false;
    if (t.text === 'May') continue;
    // "the Ukrainians will tell you it's fallen to 8,000": a future of speech.
    if (
      /^(?:will|would)$/u.test(t.lower) &&
      /^(?:tell|say|insist|argue|confirm)$/u.test(next)
    )
      continue;
    if ((t.lower === 'set' || t.lower === 'going') && next !== 'to') continue;
    if (REPORTATIVE.has(t.lower)) reportative = true;
    else if (PROJECTION_CUES[lang].has(t.lower)) {
      modal = true;
      if (t.lower === 'vorbereitet') prepared = true;
      else if (!/^würden?$/u.test(t.lower)) plainModal = true;
    }
    if (ONGOING.test(t.lower)) ongoing = true;
    if (NOW.test(t.lower)) now = true;
    if (FUTURE_MARKERS.has(t.lower)) future = true;
    // Headline future: "North Korea to send 6,000 more troops".
    if (
      t.lower === 'to' &&
      !finiteBefore(toks, a, k) &&
      /^\p{Lu}/u.test(toks[k - 1]?.text ?? '') &&
      !MONTHS.has(toks[k - 1]?.lower ?? '') &&
      /^\p{Ll}/u.test(toks[k + 1]?.text ?? '') &&
      !/^(?:the|a|an|its|their)$/u.test(next)
    )
      modal = true;
    // "6,000 more soldiers are to be sent", "30,000 more troops to be sent
    // in the coming months": a plan.
    if (
      t.lower === 'to' &&
      next === 'be' &&
      (/^(?:is|are|was|were)$/u.test(toks[k - 1]?.lower ?? '') ||
        /^(?:sent|deployed|dispatched|shipped|transferred)$/u.test(
          toks[k + 2]?.lower ?? '',
        ))
    )
      modal = true;
    // "bis Dezember", "by the end of the year" — a deadline ahead unless
    // the clause is in the past ("had 11,000 soldiers in Russia by December").
    if (
      (t.lower === 'bis' || t.lower === 'by') &&
      (MONTHS.has(next) || /^(?:ende|zum|the|end|jahresende)$/u.test(next))
    )
      deadline = true;
    if (PAST.has(t.lower)) past = true;
  }
  // "in Russland würden derzeit rund 11.000 Soldaten ausgebildet": the
  // subjunctive of reported speech about what goes on now.
  // "würden derzeit … auf den Einsatz vorbereitet": being prepared now is
  // training; "hat die Entsendung vorbereitet" stays a plan.
  if (modal && !plainModal && (prepared ? now : ongoing)) modal = false;
  if (deadline && !past) modal = true;
  // German future: "wird … entsenden", "werden … eingesetzt werden".
  // Not "sollen derzeit … geschult werden": an infinitive after "sollen".
  const reportedNow = reportative && now && !deadline;
  if (!modal && lang === 'de' && !reportedNow && hasFutureWerden(toks, a, b))
    modal = true;
  // "könnten sich … befinden", "dürften es rund 10.000 sein": a modal of
  // likelihood about a present state is no projection.
  // "Es könnten zusätzlich bis zu 5000 Mann sein": an addition ahead.
  if (
    modal &&
    !deadline &&
    !future &&
    isStative(toks, a, b) &&
    !toks.slice(a, b).some((t) => INCREMENTS.test(t.lower))
  )
    return false;
  // German "sollen" in news is mostly "reportedly" ("sollen … kämpfen");
  // it projects only with a future marker ("sollen … geschickt werden",
  // "soll … steigen", "sollen … entsenden").
  return modal || (reportative && future && !reportedNow);
}

const NOW = /^(?:derzeit|zurzeit|gerade|momentan|aktuell)$/u;
const INCREMENTS = /^(?:zusätzlich|zusätzliche|additional|further)$/u;

// What goes on now: a present marker or a participle of training.
const ONGOING =
  /^(?:derzeit|zurzeit|gerade|momentan|aktuell|ausgebildet|trainiert|gedrillt|geschult|vorbereitet)$/u;

/** True when the clause's modal is one of likelihood and its verb a state. */
function isStative(toks: readonly Token[], a: number, b: number): boolean {
  let likely = false;
  let state = false;
  for (let k = a; k < b; k += 1) {
    const w = (toks[k] as Token).lower;
    if (PROJECTION_CUES.de.has(w) || PROJECTION_CUES.en.has(w)) {
      if (!LIKELIHOOD.has(w)) return false;
      likely = true;
    }
    // "could be as many as 15,000", "may be about 12,000": a level.
    const next = toks[k + 1];
    if (
      STATIVES.has(w) ||
      (w === 'be' &&
        next !== undefined &&
        (QUALIFIER_WORDS.has(next.lower) || /^\d/u.test(next.text)))
    )
      state = true;
  }
  return likely && state;
}

/** "wird … entsenden": a form of "werden" and an infinitive ending the clause. */
function hasFutureWerden(
  toks: readonly Token[],
  a: number,
  b: number,
): boolean {
  const aux = toks
    .slice(a, b)
    .some((t) => /^(?:wird|werden|werde)$/u.test(t.lower));
  if (!aux) return false;
  let k = b - 1;
  while (k > a && !(toks[k] as Token).isWord) k -= 1;
  const last = (toks[k] as Token).lower;
  const before = toks[k - 1]?.lower ?? '';
  // "…, dass Nordkorea 1.000 Minenräumer entsenden wird": verb-last.
  const subordinate =
    /^(?:wird|werden)$/u.test(last) &&
    /en$/u.test(before) &&
    !/^ge/u.test(before);
  return /en$/u.test(last) &&
    !/^ge/u.test(last) &&
    !/^(?:wird|werden|werde)$/u.test(last)
    ? true
    : subordinate || (last === 'werden' && /t$/u.test(before));
}

/**
 * True when a finite verb stands in [a, k): then "to" is a purpose ("rotated
 * 2,500 fighters into Kursk to replace …"), not a headline's future.
 */
function finiteBefore(toks: readonly Token[], a: number, k: number): boolean {
  for (let j = a; j < k; j += 1) {
    const w = (toks[j] as Token).lower;
    if (/^\p{Ll}+ed$/u.test(w) || /^(?:has|have|is|are|was|were|had)$/u.test(w))
      return true;
  }
  return false;
}

// Verbs of sending: in a condition they name a deployment still to come.
const SEND_VERBS =
  /^(?:schick(?:t|en|te|ten)?|entsend(?:et|en)|send(?:et|en|s)?|verleg(?:t|en)|deploys?|dispatch(?:es)?)$/u;
// Sentence openers of a condition: German verb-first ("Sollte Pjöngjang
// … schicken, …"), English "Should", and the conjunctions.
const CONDITION_OPENERS = /^(?:sollte|sollten|should)$/u;
const CONDITION_WORDS = /^(?:wenn|falls|sofern|if)$/u;

/**
 * True when the figure's clause [a, b) is a condition about sending
 * troops: "Sollte Pjöngjang …, weitere 5.000 Mann schicken, wäre das …",
 * "Es würde mich nicht wundern, wenn Pjöngjang noch einmal 20.000 Mann
 * schickt", "if Pyongyang sends another 10,000". A condition is a
 * deployment that may come: `projected`.
 */
export function isConditionalSend(
  toks: readonly Token[],
  a: number,
  b: number,
): boolean {
  let sends = false;
  for (let k = a; k < b; k += 1)
    if (SEND_VERBS.test((toks[k] as Token).lower)) sends = true;
  if (!sends) return false;
  // "But if Pyongyang really does send …".
  const first = /^(?:but|and|aber|und|doch)$/u.test(toks[a]?.lower ?? '')
    ? a + 1
    : a;
  if (CONDITION_WORDS.test(toks[first]?.lower ?? '')) return true;
  // Verb-first: the sentence opens with the condition, and no main clause
  // (a comma and a finite verb) stands between it and the figure.
  if (!CONDITION_OPENERS.test(toks[0]?.lower ?? '')) return false;
  for (let k = 1; k < a; k += 1)
    if (
      (toks[k] as Token).text === ',' &&
      /^(?:wäre|wären|würde|würden|dann|would|then)$/u.test(
        toks[k + 1]?.lower ?? '',
      )
    )
      return false;
  return true;
}
