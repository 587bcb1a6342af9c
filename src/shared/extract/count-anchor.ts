/**
 * Figures whose noun stands before them, as the anchor of a count: "die
 * Zahl der Soldaten … auf 12.000", "losses … top 6,000", "the contingent
 * … at 9,000", "bringing the total it has deployed to about 14,000".
 */
import type { ClaimEvent, Language } from '../claim.js';
import { KP_DEMONYMS } from './lexicon/claims.js';
import { matchActor } from './actor.js';
import { isCapitalized, type Token } from './text.js';
import type { UnitMatch } from './types.js';
import { RELATIVES } from './lexicon/events.js';
import {
  antecedent,
  contactRelativeLength,
  OPENERS,
  standsAlone,
} from './anaphora.js';
import { findUnitAfter } from './unit.js';
import { matchCasualtyCue } from './event.js';
import { hasLabourContext } from './filters.js';

// Anchors of "die Zahl der … Soldaten … auf N" and "the number of … to N".
// Level verbs ("troops … number 12k") and loss nouns ("losses … top 6,000",
// "Verluste … auf 4.700") count as anchors too.
const COUNT_ANCHOR =
  /(?:^|-)(?:zahl|anzahl|gesamtzahl|truppenzahl|stärke|truppenstärke|number|numbers|numbered|numbering|total|totals|totalled|totaled|contingent|kontingent|presence|präsenz|verluste|gesamtverluste|verlustzahl|opferzahl|losses|casualties|toll)$/u;
// Loss nouns as anchors: the figure counts casualties, not presence.
const LOSS_ANCHORS = new Set([
  'verluste',
  'gesamtverluste',
  'verlustzahl',
  'opferzahl',
  'losses',
  'casualties',
  'toll',
]);
// Words before the figure that make it a change, not the level ("um 2.000").
const DELTA_WORDS = new Set(['um', 'by']);

/** Finds "the number of <unit> … N" with the unit before the figure. */
export function findUnitBefore(
  toks: readonly Token[],
  num: number,
  end: number,
  prev: readonly Token[] | null,
  lang: Language,
): UnitMatch | null {
  const next = toks[end];
  // The figure must stand alone: no noun of its own may follow it.
  if (next && next.isWord && (lang === 'de' ? isCapitalized(next) : false))
    return null;
  if (DELTA_WORDS.has(toks[num - 1]?.lower ?? '')) return null;
  for (let k = num - 1; k >= 0 && num - k <= 20; k -= 1) {
    const t = toks[k] as Token;
    if (!t.isWord && t.text !== ',' && t.text !== '-') return null;
    if (/^\d/u.test(t.text)) return null;
    if (!COUNT_ANCHOR.test(t.lower)) continue;
    // "After the losses in January, roughly 3,000 were pulled back": a
    // loss noun in another clause is no anchor.
    if (
      LOSS_ANCHORS.has(t.lower.split('-').pop() ?? '') &&
      toks.slice(k + 1, num).some((w) => w.text === ',')
    )
      return null;
    if (LOSS_ANCHORS.has(t.lower.split('-').pop() ?? '')) {
      const ev = t.lower.endsWith('toll') ? 'killed' : 'casualties';
      // The adjective before the loss noun names whose: "North Korean losses".
      const pair = (j: number): string =>
        `${toks[j]?.lower ?? ''} ${toks[j + 1]?.lower ?? ''}`;
      // … or a phrase after it: "die Verluste unter den Nordkoreanern".
      let after: string | null = null;
      if (/^(?:unter|among|der|des|of)$/u.test(toks[k + 1]?.lower ?? '')) {
        for (let j = k + 2; j < num && j <= k + 5 && after === null; j += 1) {
          const w = (toks[j] as Token).lower;
          after = KP_DEMONYMS.has(w) ? 'KP' : matchActor(pair(j));
        }
      }
      const actor =
        after ??
        (k >= 2
          ? (matchActor(pair(k - 2)) ?? matchActor(pair(k - 1)))
          : k >= 1
            ? matchActor(pair(k - 1))
            : null);
      return { unit: 'soldiers', event: ev, actor, next: end, demonym: false };
    }
    for (let u = k; u < num; u += 1) {
      const unitHit = findUnitAfter(toks, u, lang);
      // A demonym counts here: the anchor says it is a head count.
      if (unitHit && unitHit.next <= num) {
        const event =
          unitHit.event ?? relativeEvent(toks, unitHit.next, num, lang);
        // "The number of North Koreans working on building sites has
        // climbed to 20,000": the demonym's own clause says they work.
        if (unitHit.demonym && hasLabourContext(toks, u))
          return {
            ...unitHit,
            unit: 'workers',
            demonym: false,
            event,
            next: end,
          };
        return { ...unitHit, event, next: end };
      }
      if (/^truppen|^soldaten|^troop/u.test((toks[u] as Token).lower)) {
        return {
          unit: 'soldiers',
          event: null,
          actor: null,
          next: end,
          demonym: false,
        };
      }
    }
    // "… 1,500 troops, bringing the total to 12,000": the noun came
    // earlier, and only a level word stands between anchor and figure
    // (not "in total across two rotations").
    // "bringing the total it has deployed to about 14,000": a contact
    // relative clause may follow the anchor.
    const from = k + 1 + contactRelativeLength(toks, k + 1, false);
    const levelOnly =
      num - from <= 3 &&
      standsAlone(next, lang) &&
      toks
        .slice(from, num)
        .every(
          (w) =>
            /^(?:at|auf|to|bei|of|von|now|nun)$/u.test(w.lower) ||
            OPENERS.has(w.lower),
        );
    for (let u = k - 1; levelOnly && u >= 0 && k - u <= 30; u -= 1) {
      const unitHit = findUnitAfter(toks, u, lang);
      if (unitHit && unitHit.next <= k && !unitHit.demonym && !unitHit.event) {
        return { ...unitHit, next: end };
      }
    }
    // "the North Korean contingent … at 11,000": the anchor is a troop body;
    // "their number … at 11,000": the troops were named a sentence earlier.
    const level = /^(?:at|auf|to|bei|of|von)$/u;
    let q = num - 1;
    while (
      q > k &&
      !level.test((toks[q] as Token).lower) &&
      OPENERS.has((toks[q] as Token).lower)
    )
      q -= 1;
    const troops =
      TROOP_ANCHORS.test(t.lower) &&
      standsAlone(next, lang) &&
      level.test(toks[q]?.lower ?? '');
    const owner = toks[k - 1]?.lower ?? '';
    const unit = troops
      ? 'soldiers'
      : /^(?:their|ihre|deren|its|seine)$/u.test(owner)
        ? antecedent(toks, k, prev, lang)
        : null;
    return unit
      ? { unit, event: null, actor: null, next: end, demonym: false }
      : null;
  }
  return null;
}

/**
 * The casualty event of a relative clause after the counted noun: "Die
 * Zahl der Soldaten, die getötet wurden, ist auf 600 gestiegen", "the
 * number of soldiers who were captured has risen to 12".
 */
function relativeEvent(
  toks: readonly Token[],
  from: number,
  to: number,
  lang: Language,
): ClaimEvent | null {
  if (toks[from]?.text !== ',') return null;
  if (!RELATIVES.has(toks[from + 1]?.lower ?? '')) return null;
  for (let j = from + 2; j < to; j += 1) {
    const t = toks[j] as Token;
    if (t.text === ',') return null;
    const ev = matchCasualtyCue(t.lower, lang);
    if (ev) return ev;
  }
  return null;
}

const TROOP_ANCHORS =
  /(?:contingent|kontingent|truppenzahl|truppenstärke|truppenkontingent|force|truppe|expeditionary|presence|präsenz)$/u;

// Troop bodies counted by a "-strong" figure: "a 12,000-strong contingent".
const BODIES =
  /^(?:contingent|force|forces|army|corps|unit|group|detachment|deployment|wave|kontingent|truppe|einheit|verband|korps|welle)$/u;

/** "a 12,000-strong contingent", "ein 12.000 Mann starkes Kontingent". */
export function findStrongBody(
  toks: readonly Token[],
  num: number,
  end: number,
): UnitMatch | null {
  const own = toks[num]?.lower ?? '';
  const starke = /^(?:starke|starkes|starken|köpfige|köpfiges)$/u;
  let k = -1;
  if (/-(?:strong|man)$/u.test(own) && end === num + 1) k = end;
  else if (
    toks[end]?.lower === 'mann' &&
    starke.test(toks[end + 1]?.lower ?? '')
  )
    k = end + 2;
  else if (/-(?:köpfige|köpfiges|starke|starkes|mann)$/u.test(own)) k = end;
  // "ein 10.000-Mann-Kontingent": the body is part of the compound.
  else if (/-mann-(?:kontingent|truppe|einheit|verband|korps)$/u.test(own))
    return {
      unit: 'soldiers',
      event: null,
      actor: null,
      next: num + 1,
      demonym: false,
    };
  // "Pyongyang's first contingent, some 11,000 strong, …": the body
  // before the figure.
  else if (toks[end]?.lower === 'strong') return strongAfter(toks, num, end);
  // Adjectives may come between: "a 9,000-strong North Korean contingent".
  let actor: string | null = null;
  for (
    let j = 0;
    k >= 0 && j < 3 && !BODIES.test(toks[k]?.lower ?? '');
    j += 1
  ) {
    const t = toks[k];
    if (!t || !t.isWord) return null;
    actor = actor ?? matchActor(`${t.lower} ${toks[k + 1]?.lower ?? ''}`);
    k += 1;
  }
  if (k < 0 || !BODIES.test(toks[k]?.lower ?? '')) return null;
  return { unit: 'soldiers', event: null, actor, next: k + 1, demonym: false };
}

/** "Pyongyang's first contingent, some 11,000 strong": the body before. */
function strongAfter(
  toks: readonly Token[],
  num: number,
  end: number,
): UnitMatch | null {
  let k = num - 1;
  while (
    k >= 0 &&
    k >= num - 3 &&
    /^\p{Ll}/u.test(toks[k]?.text ?? '') &&
    !BODIES.test(toks[k]?.lower ?? '')
  )
    k -= 1;
  if (toks[k]?.text === ',') k -= 1;
  // "…, but Ukrainian intelligence claimed it was about 3,000 strong": a
  // pronoun for the body, before a copula.
  const pronoun =
    /^(?:it|they)$/u.test(toks[k + 1]?.lower ?? '') &&
    /^(?:is|was|are|were)$/u.test(toks[k + 2]?.lower ?? '');
  if (!BODIES.test(toks[k]?.lower ?? '') && !pronoun) return null;
  let actor: string | null = null;
  for (let j = k - 1; !pronoun && j >= 0 && j >= k - 3 && !actor; j -= 1)
    actor = matchActor(`${toks[j]?.lower ?? ''} ${toks[j + 1]?.lower ?? ''}`);
  return {
    unit: 'soldiers',
    event: null,
    actor,
    next: end + 1,
    demonym: false,
  };
}
