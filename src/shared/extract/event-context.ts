/**
 * A figure's event in the context of the claims around it: an earlier
 * level ("up from 600") or a restatement ("put the figure at 3,000")
 * counts what the figure it refers to counts, a part ("30 of them", "davon
 * allein 17") is a part of the losses before it, and a figure with no
 * event word shares the plan of the one before it.
 */
import type { Claim, ClaimEvent, Language } from '../claim.js';
import { followsPartWord } from './anaphora.js';
import {
  CASUALTY_EVENTS,
  antecedentLoss,
  classifyEvent,
  hasPresenceCue,
} from './event.js';
import { isPartitiveWhole } from './event-scope.js';
import { isProjected } from './event-plans.js';
import { isGapped } from './filters.js';
import { competingCount, followsEarlierCue, restatesFigure } from './levels.js';
import type { Token } from './text.js';
import type { UnitMatch } from './types.js';

/**
 * The event of the figure at `num`; `before` is the claim before it in
 * its sentence, `opening` the first claim of the sentence before,
 * `anaphoric` tells that its noun was named before ("of them") and `bare`
 * that it has no noun of its own at all.
 */
export function eventInContext(
  toks: readonly Token[],
  num: number,
  unit: UnitMatch,
  lang: Language,
  before: Claim | null,
  opening: Claim | null,
  anaphoric: boolean,
  bare: boolean,
): ClaimEvent {
  // "has climbed to around 2,000, up from 600 in April": an earlier level
  // of the figure before it counts what that figure counts.
  let event =
    before && followsEarlierCue(toks, num)
      ? before.event
      : classifyEvent(toks, num, unit, lang);
  // "… werde 1.000 Pioniere entsenden. Hinzu kämen 5.000
  // Militärbauarbeiter": an addition to a plan is planned too.
  if (
    event === 'deployed' &&
    !before &&
    opening?.event === 'projected' &&
    /^(?:hinzu|dazu)$/u.test(toks[0]?.lower ?? '')
  )
    event = 'projected';
  // "von 3.000 getöteten …, danach von 4.000": a later figure of the
  // sequence counts the same.
  if (event === 'deployed' && before && isGapped(toks, num))
    event = before.event;
  // "will send 6,000 — 1,000 sappers … and 5,000 builders —": a figure
  // with no event word of its own shares the plan of the one before it in
  // the sentence.
  if (
    event === 'deployed' &&
    before &&
    (before.event === 'projected' || before.event === 'training') &&
    !hasPresenceCue(toks, num, unit, lang)
  )
    event = before.event;
  // "about 1,000 … were killed or wounded, and at least 30 of them were
  // officers": a part of the losses before it in the sentence; "…, while
  // Kyiv put the figure at 4,000": another count of them.
  const part = anaphoric || followsPartWord(toks, num);
  // "Die ukrainische Seite spricht von etwa viertausend Toten. Seoul geht
  // eher von rund 2.000 aus": a bare figure of another source.
  if (
    event === 'deployed' &&
    (part ||
      restatesFigure(toks, num) ||
      (bare && competingCount(toks, num))) &&
    !isPartitiveWhole(toks, num, unit.next)
  ) {
    // "In January the agency had put the figure at 3,000": the count of
    // the sentence before, when it names none of its own.
    const earlier = before ?? (part ? null : opening);
    if (
      earlier &&
      (CASUALTY_EVENTS as readonly string[]).includes(earlier.event)
    )
      event = earlier.event;
    else if (!before && part) event = antecedentLoss(toks, num, lang) ?? event;
  }
  return event;
}

// A lead that warns of or announces what is to come.
const WARNS =
  /^(?:warnt|warnte|warnen|warns|warned|warning|angekündigt|kündigte|announced|announces|rechnet|rechnen|expects)$/u;

/**
 * True when a headline's lead speaks of a plan: a warning, an
 * announcement, or a future or modal of its own (`isProjected`).
 */
export function leadPlans(lead: readonly Token[], lang: Language): boolean {
  return (
    lead.some((t) => WARNS.test(t.lower)) ||
    isProjected(lead, 0, lead.length, lang)
  );
}
