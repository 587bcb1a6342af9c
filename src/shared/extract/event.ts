/**
 * Event rules of the claim extractor: what happened to the troops a figure
 * counts. Casualty cues in the figure's clause first, then future or modal
 * cues (projected), then training versus deployment by the nearer cue.
 */
import type { ClaimEvent, Language } from '../claim.js';
import type { UnitMatch } from './types.js';
import { EVENT_CUES, OTHER_CUES } from './lexicon/claims.js';
import type { Token } from './text.js';
import {
  MEMO_MAX,
  clauseAround,
  hasCue,
  matchesCue,
  nearestCue,
  nearestTraining,
  isRotatedOut,
  isSentHome,
  outOfAction,
} from './event-cues.js';
import {
  attributiveEvent,
  isAlreadyThere,
  isLossOfAnother,
  isLevelSoFar,
  isPartitiveWhole,
} from './event-scope.js';
import { isConditionalSend, isProjected } from './event-plans.js';
import {
  RELATIVES,
  PAST,
  PLAN_VERBS,
  EXPECT_VERBS,
  CONJUNCTIONS,
  FINITE,
  REPLACING,
  CASUALTY_EVENTS,
  AUXILIARIES,
} from './lexicon/events.js';

export { CASUALTY_EVENTS } from './lexicon/events.js';

/** The casualty-family event of a cue word, or null. */
export function matchCasualtyCue(w: string, lang: Language): ClaimEvent | null {
  const memo = CASUALTY_MEMO[lang];
  let got = memo.get(w);
  if (got === undefined) {
    got = null;
    for (const ev of CASUALTY_EVENTS) {
      if (EVENT_CUES[lang][ev].some((c) => matchesCue(w, c, false))) {
        got = ev;
        break;
      }
    }
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(w, got);
  }
  return got;
}

// Casualty events of words, per language (see `matchesAny`).
const CASUALTY_MEMO: Readonly<
  Record<Language, Map<string, ClaimEvent | null>>
> = { de: new Map(), en: new Map() };

/**
 * The casualty event nearest the figure in [a, b): cues outside the noun
 * phrase first ("captured two wounded soldiers" is a capture).
 */
function findCasualtyEvent(
  toks: readonly Token[],
  a: number,
  b: number,
  num: number,
  nounEnd: number,
  lang: Language,
): ClaimEvent | null {
  for (const inside of [false, true]) {
    let best: [number, ClaimEvent, number] | null = null;
    for (let k = a; k < b; k += 1) {
      if ((k >= num && k < nounEnd) !== inside) continue;
      // A loss noun counted by its own figure ("3,000 casualties") says
      // nothing about this one; a year before it is no count ("im Oktober
      // 2024 getötet").
      const before = k > 0 ? (toks[k - 1] as Token).text : '';
      if (
        k - 1 !== num &&
        /^\d/u.test(before) &&
        !/^(?:19|20)\d\d$/u.test(before)
      )
        continue;
      // "to replace losses", "um die Verluste auszugleichen": the losses
      // are why troops come, not what the figure counts.
      const ev =
        matchCasualtyCue((toks[k] as Token).lower, lang) ??
        outOfAction(toks, k);
      if (!ev || makesGood(toks, k) || isCause(toks, k)) continue;
      if (
        k >= nounEnd &&
        isLossOfAnother(toks, nounEnd, k, (w) => !!matchCasualtyCue(w, lang))
      )
        continue;
      // Cues after the figure bind closer than cues before it; auxiliaries
      // do not part them ("300 had died and 2,700 had been injured").
      let d = Math.abs(k - num) + (k < num ? 0.5 : 0);
      for (let j = num + 1; j < k; j += 1)
        if (AUXILIARIES.test((toks[j] as Token).lower)) d -= 1;
      if (!best || d < best[0]) best = [d, ev, k];
    }
    if (!best) continue;
    const [, ev, k] = best;
    // "killed or wounded", "captured, killed or wounded": a list of kinds
    // of loss is casualties; "captured" with one other stays apart.
    const kinds = new Set([ev]);
    for (const step of [1, -1]) {
      // "ums Leben gekommen oder verletzt", "killed in action or wounded".
      let from = k + step;
      while (step === 1 && LOSS_TAILS.has(toks[from]?.lower ?? '')) from += 1;
      for (let c = from; kinds.size < 4; c += 2 * step) {
        const joint = toks[c];
        const other = matchCasualtyCue(toks[c + step]?.lower ?? '', lang);
        if (
          !joint ||
          !other ||
          !(CONJUNCTIONS.has(joint.lower) || joint.text === ',')
        )
          break;
        kinds.add(other);
      }
    }
    if (kinds.size >= 3 || (kinds.size === 2 && !kinds.has('captured'))) {
      return 'casualties';
    }
    return ev;
  }
  return null;
}

// Words that end a loss phrase before a list goes on.
const LOSS_TAILS = new Set(['leben', 'gekommen', 'worden', 'in', 'action']);

const CAUSES = new Set([
  'after',
  'following',
  'nach',
  'wegen',
  'despite',
  'trotz',
]);

/**
 * True when the loss noun at `k` is a cause ("pulled out of Kursk after
 * heavy losses", "nach schweren Verlusten abgezogen"), not what is counted.
 */
function isCause(toks: readonly Token[], k: number): boolean {
  if (
    !/^(?:losses|verlusten|verluste|casualties)$/u.test(
      (toks[k] as Token).lower,
    )
  )
    return false;
  // "after heavy losses", "after suffering heavy losses".
  for (let j = k - 1; j >= 0 && k - j <= 3; j -= 1)
    if (CAUSES.has(toks[j]?.lower ?? '')) return true;
  return false;
}

/**
 * The loss the clause before names, for a part of it: "… habe mehrere
 * Dutzend nordkoreanische Soldaten getötet, davon allein 17 an einem Tag",
 * "… were killed or wounded, of whom some 300 …". Null when the figure's
 * clause does not follow a comma.
 */
export function antecedentLoss(
  toks: readonly Token[],
  num: number,
  lang: Language,
): ClaimEvent | null {
  const [a] = clauseAround(toks, num);
  if (a < 2 || toks[a - 1]?.text !== ',') return null;
  const [pa, pb] = clauseAround(toks, a - 2);
  return findCasualtyEvent(toks, pa, pb, a - 2, a - 2, lang);
}

const REPLACED = /^(?:replaced|ersetzt|ersetzte|ersetzten|abgelöst)$/u;

/**
 * True when the figure counts the troops that replace those withdrawn:
 * "rotated 2,000 out … and replaced them with another 3,000", "… und
 * durch weitere 3.000 ersetzt".
 */
function isReplacement(
  toks: readonly Token[],
  a: number,
  num: number,
  next: number,
): boolean {
  for (let k = a; k < num; k += 1)
    if (REPLACED.test((toks[k] as Token).lower)) return true;
  return [next, next + 1].some((k) => REPLACED.test(toks[k]?.lower ?? ''));
}

/** True when a verb of making good stands next to the loss noun at `k`. */
function makesGood(toks: readonly Token[], k: number): boolean {
  // German puts the verb last: "die Verluste im Gebiet Kursk ausgleichen".
  for (let j = k - 6; j <= k + 5; j += 1)
    if (j !== k && REPLACING.has(toks[j]?.lower ?? '')) return true;
  return false;
}

/**
 * Where an English relative clause after the figure's noun begins ("the
 * first leg of a deployment that could eventually reach 12,000"): its
 * modal is about another figure. Else `b`.
 */
function relativeStart(
  toks: readonly Token[],
  from: number,
  b: number,
): number {
  for (let k = from + 1; k < b; k += 1)
    if (/^(?:that|which)$/u.test((toks[k] as Token).lower)) return k;
  return b;
}

/** End of the figure's own predicate: a second "and <verb> …" is cut off. */
function predicateEnd(toks: readonly Token[], from: number, b: number): number {
  for (let k = from; k < b; k += 1) {
    if (
      /^(?:and|und|but|aber)$/u.test((toks[k] as Token).lower) &&
      FINITE.has(toks[k + 1]?.lower ?? '')
    )
      return k;
  }
  return b;
}

/**
 * The event of a figure: the noun's own event, then casualty cues in the
 * figure's clause (and a relative clause on it), then future/modal cues in
 * the figure's own clause, then training, else deployed.
 */
export function classifyEvent(
  toks: readonly Token[],
  num: number,
  unit: UnitMatch,
  lang: Language,
): ClaimEvent {
  if (unit.event) return unit.event;
  const attributive = attributiveEvent(toks, num, unit.next);
  if (attributive) return attributive;
  let [a, whole] = clauseAround(toks, num);
  // "„mehr als 4.000“ nordkoreanische Militärangehörige getötet": quotes
  // around the figure alone do not end its clause.
  if (whole === num + 1 && /^[“”"]$/u.test(toks[whole]?.text ?? '')) {
    whole = clauseAround(toks, whole + 1)[1];
    if (a >= 2 && /^[„“"]$/u.test(toks[a - 1]?.text ?? ''))
      a = clauseAround(toks, a - 2)[0];
  }
  // "3,000 exhausted, badly fed troops were pulled back": the clause goes
  // on past commas inside the noun phrase.
  if (unit.next > whole) whole = clauseAround(toks, unit.next - 1)[1];
  // "weitere 6.000 Militärangehörige, darunter Pioniere und Bauarbeiter,
  // in die Region Kursk verlegen wird": the clause goes on after a list.
  if (
    toks[whole]?.text === ',' &&
    /^(?:darunter|including|among)$/u.test(toks[whole + 1]?.lower ?? '')
  ) {
    const [, ib] = clauseAround(toks, whole + 1);
    if (toks[ib]?.text === ',') whole = clauseAround(toks, ib + 1)[1];
  }
  const b = relativeStart(
    toks,
    unit.next,
    predicateEnd(toks, unit.next, whole),
  );
  let wideEnd = b;
  // A relative clause on the noun belongs to it; so does the main clause
  // that resumes after it ("2.000 Soldaten, die …, wurden verlegt").
  if (toks[b]?.text === ',' && RELATIVES.has(toks[b + 1]?.lower ?? '')) {
    const [, rb] = clauseAround(toks, b + 1);
    wideEnd = rb;
    if (toks[rb]?.text === ',') wideEnd = clauseAround(toks, rb + 1)[1];
  }
  // "Von den rund 11.000 entsandten Soldaten seien bis März 1.000
  // gefallen": the whole of a partitive is the force, not its part's loss.
  if (isPartitiveWhole(toks, num, unit.next))
    return isProjected(toks, num, unit.next, lang) ? 'projected' : 'deployed';
  if (
    !isReplacement(toks, a, num, unit.next) &&
    (isRotatedOut(toks, a, b) || isSentHome(toks, a, wideEnd))
  )
    return 'other';
  const casualty = findCasualtyEvent(toks, a, wideEnd, num, unit.next, lang);
  if (casualty) return casualty;
  // A fact box's label: "Killed as of January 2025 (NIS): about 300".
  if (toks[a - 1]?.text === ':') {
    let la = a - 1;
    while (la > 0 && !/^[.;:]$/u.test((toks[la - 1] as Token).text)) la -= 1;
    const label =
      a - 1 - la <= 10
        ? findCasualtyEvent(toks, la, a - 1, num, unit.next, lang)
        : null;
    if (label) return label;
  }
  // "rotated in to replace units that were withdrawn": the units that go
  // are not the ones counted.
  let otherEnd = unit.next;
  while (otherEnd < b && !REPLACING.has((toks[otherEnd] as Token).lower))
    otherEnd += 1;
  if (
    hasCue(toks, a, otherEnd, OTHER_CUES[lang]) &&
    !isReplacement(toks, a, num, unit.next)
  )
    return 'other';
  let projected = isProjected(toks, a, b, lang);
  if (!projected && wideEnd > b) {
    const [, rb] = clauseAround(toks, b + 1);
    if (rb < wideEnd) projected = isProjected(toks, rb + 1, wideEnd, lang);
  }
  // "X erwartet, dass …": a plan verb in the clause that governs "dass".
  if (!projected && /^(?:dass|that)$/u.test(toks[a]?.lower ?? '') && a >= 2) {
    const [pa] = clauseAround(toks, a - 2);
    projected = hasCue(toks, pa, a - 1, EXPECT_VERBS);
  }
  if (
    !projected &&
    toks[a - 1]?.text === ',' &&
    a >= 2 &&
    toks
      .slice(a, b)
      .some((t) => t.lower === 'zu' || /^\p{Ll}+zu\p{Ll}+en$/u.test(t.text))
  ) {
    const [pa] = clauseAround(toks, a - 2);
    projected = hasCue(toks, pa, a - 1, PLAN_VERBS);
  }
  if (!projected) projected = isConditionalSend(toks, a, b);
  // "the 12,000-strong force already in Russia is likely to grow": the
  // plan is about more troops, not these.
  if (projected && (isAlreadyThere(toks, unit.next) || isLevelSoFar(toks, num)))
    projected = false;
  if (projected) return 'projected';
  // Presence: the nearer of a training and a deployment cue decides.
  const dTrain = nearestTraining(toks, num, lang);
  const dDeploy = nearestCue(toks, num, EVENT_CUES[lang].deployed, false);
  return dTrain < dDeploy ? 'training' : 'deployed';
}

// Presence cues that are places, not verbs: they do not tell a plan from
// a presence.
const PLACE_CUES = new Set(['kursk', 'front', 'einsatz']);
const PRESENCE_CUES: Readonly<Record<Language, readonly string[]>> = {
  de: EVENT_CUES.de.deployed.filter((c) => !PLACE_CUES.has(c)),
  en: EVENT_CUES.en.deployed.filter((c) => !PLACE_CUES.has(c)),
};

/**
 * True when the figure's clause has a word of presence or past of its own
 * ("arrived", "bereits", "were sent"), so it does not share another
 * figure's plan.
 */
export function hasPresenceCue(
  toks: readonly Token[],
  num: number,
  unit: UnitMatch,
  lang: Language,
): boolean {
  const [a, b] = clauseAround(toks, num);
  const cues = PRESENCE_CUES[lang];
  for (let k = a; k < Math.max(b, unit.next); k += 1) {
    const w = (toks[k] as Token).lower;
    if (
      PAST.has(w) ||
      /^(?:already|bereits|schon|bislang|bisher|currently|derzeit)$/u.test(w)
    )
      return true;
    if (cues.some((c) => matchesCue(w, c, false))) return true;
  }
  return false;
}
