/**
 * One figure's claim: the rules that decide whether a number in a sentence
 * counts North Korean troops, and read its unit, qualifier, event and
 * claimant from the sentence and its neighbours. `claims.ts` runs them
 * over a text.
 */
import type { Claim, Language } from '../claim.js';
import { findAttribution } from './attribution.js';
import { findClauseAttribution } from './clause-source.js';
import { resolveActor } from './actor.js';
import { hasPresenceCue, matchCasualtyCue } from './event.js';
import { eventInContext, leadPlans } from './event-context.js';
import { countsPart, findAnaphoricUnit, predicateUnit } from './anaphora.js';
import { findStrongBody, findUnitBefore } from './count-anchor.js';
import { findEarlierLevel, opensWithEarlierLevel } from './levels.js';
import { findPostQualifier, findUnitAfter } from './unit.js';
import { findTokenIndex, type Span, type Token } from './text.js';
import { IMPLAUSIBLE_MIN } from './lexicon/claims.js';
import type { NumberMention } from './number/parse.js';
import { findQualifier } from './qualifier.js';
import {
  hasMilitaryContext,
  hasLabourContext,
  isArmySize,
  comparesMeasure,
  isCoordinated,
  isGapped,
  isParallel,
  isScore,
  isReference,
  isSubunitSize,
  isHomeStrength,
  quotesEarlierVersion,
} from './filters.js';
import {
  countsFormer,
  countsOwnNoun,
  isMarketLevel,
  opensInThePast,
} from './context-filters.js';
import { turnSource, type Turn } from './speaker.js';
import { claimSource } from './subject.js';
import { findTopicUnit, troopOwner } from './topic.js';

// Token window around a figure that the context rules may read.
export const WINDOW = 60;
/** Builds the claim of one figure, or null when it is not a KP claim. */
export function buildClaim(
  text: string,
  lower: string | null,
  m: NumberMention,
  sentences: readonly Span[],
  si: number,
  tokens: (i: number) => Token[],
  edge: (i: number, side: 'head' | 'tail') => Token[],
  lang: Language,
  carry: Claim | null,
  opening: Claim | null,
  attributions: Map<number, string | null>,
  hasHeadline: boolean,
  turns: () => readonly Turn[],
): Claim | null {
  if (m.kind !== 'count' || m.value < 2 || m.value >= IMPLAUSIBLE_MIN)
    return null;
  if (isScore(text, m) || isReference(text, m)) return null;
  // Rules look at most WINDOW tokens either side, so a huge sentence costs
  // the same per figure as a normal one (linear time overall).
  const all = tokens(si);
  const at = findTokenIndex(all, m.start);
  const from = Math.max(0, at - WINDOW);
  const toks = all.length > 2 * WINDOW ? all.slice(from, at + WINDOW) : all;
  const shift = toks === all ? 0 : from;
  const num = at - shift;
  const end = findTokenIndex(toks, m.end);
  const post = findPostQualifier(toks, end);
  let unit =
    findUnitAfter(toks, end + (post?.[1] ?? 0), lang) ??
    findStrongBody(toks, num, end);
  const adjacent = unit !== null;
  const prev = si > 0 ? edge(si - 1, 'tail') : null;
  if (!unit && !m.yearLike) unit = findUnitBefore(toks, num, end, prev, lang);
  let anaphoric = false;
  if (!unit && !m.yearLike) {
    unit = findAnaphoricUnit(toks, num, end, prev, lang);
    anaphoric = unit !== null;
  }
  const headline = hasHeadline ? edge(0, 'head') : null;
  // "155-Millimeter-Granaten": a figure glued to a word is no bare count.
  const glued = /^[-\u2010\u2011]\p{L}/u.test(text.slice(m.end, m.end + 2));
  const topical = !unit && !m.yearLike && !glued;
  if (topical)
    unit = findTopicUnit(
      toks,
      num,
      end,
      m.value,
      prev,
      si > 0 ? headline : null,
      lang,
      si > 1 ? edge(0, 'head') : null,
    );
  // The claim before this figure, when it stands in the same sentence.
  const before =
    carry && carry.end > (sentences[si] as Span).start ? carry : null;
  // Ellipsis: "300 Soldaten getötet und etwa 2.700 verwundet", "…, then
  // 10,000" reuse the noun and actor of the figure before it; a figure in
  // the same frame ("spricht von fünf gefangenen …, Selenskyj hatte noch
  // von zwei gesprochen") also its event.
  const parallel =
    !adjacent &&
    before !== null &&
    isParallel(toks, num, findTokenIndex(toks, before.start));
  // "… has climbed to 20,000 workers, up from roughly 5,000": an earlier
  // level of the claim before counts what it counts, whatever the topic.
  if (topical && unit && before && unit.unit !== before.unit) {
    const level = findEarlierLevel(toks, num, end, before, lang);
    if (level) unit = { ...unit, unit: level.unit };
  }
  if (parallel && unit && unit.event === null)
    unit = { ...unit, event: (before as Claim).event };
  if (
    !unit &&
    before &&
    (parallel ||
      matchCasualtyCue(toks[end]?.lower ?? '', lang) ||
      isGapped(toks, num))
  ) {
    unit = {
      unit: before.unit,
      event: parallel ? before.event : null,
      actor: before.actor,
      next: end,
      demonym: false,
    };
  }
  if (!unit && !m.yearLike)
    unit = findEarlierLevel(
      toks,
      num,
      end,
      before ?? (opensWithEarlierLevel(toks, num) ? carry : null),
      lang,
    );
  if (
    !unit ||
    countsFormer(toks, end, unit.next) ||
    (!adjacent && countsOwnNoun(toks, num, end, lang))
  )
    return null;
  // "…, down from a peak of around 1,300" after square kilometres.
  if (!adjacent && unit.next === end && comparesMeasure(toks, num)) return null;
  // "the other 5,000 will be military construction workers": a bare
  // figure's predicate names its unit.
  const named = adjacent ? null : predicateUnit(toks, end, lang);
  if (named) unit = { ...unit, unit: named };
  // A headline's context is its lead ("Rund 10.000 Nordkoreaner in
  // Russland\nEin Teil der Truppen …"), a sentence's also the one before.
  if (unit.demonym && hasLabourContext(toks, num))
    unit = { ...unit, unit: 'workers' };
  else if (
    unit.demonym &&
    !hasMilitaryContext(toks, lang) &&
    !(prev !== null && hasMilitaryContext(prev, lang)) &&
    !(
      si === 0 &&
      hasHeadline &&
      sentences.length > 1 &&
      hasMilitaryContext(edge(1, 'head'), lang)
    ) &&
    // Or the opening sentence of a short passage ("… footage of North
    // Korean infantry …. Hermes said his crew had hit 27 of the North
    // Koreans").
    !(si === 2 && hasMilitaryContext(edge(0, 'head'), lang))
  )
    return null;
  // A bare year-like number is a count only with its noun right after it.
  if (m.yearLike && (!adjacent || unit.next - end > 3)) return null;
  if (
    isArmySize(toks, num, m.value) ||
    quotesEarlierVersion(toks) ||
    isSubunitSize(toks, num) ||
    isHomeStrength(toks, num) ||
    isMarketLevel(toks, num) ||
    opensInThePast(all)
  )
    return null;
  // Without a headline, the lead sentence sets the topic ("Wie viele
  // Nordkoreaner stehen noch in Russland? … Der britische Geheimdienst geht
  // von etwa elftausend Mann aus").
  const lead = headline ?? (si > 1 ? edge(0, 'head') : null);
  const actor = resolveActor(
    toks,
    num,
    unit,
    prev,
    si > 0 ? lead : null,
    unit.actor ? null : troopOwner(prev, lang),
  );
  if (actor !== 'KP') return null;
  let [qualifier, qStart] = findQualifier(text, lower, m, lang);
  if (qualifier === 'exact' && post) qualifier = post[0];
  // "ten thousand men at least", "2,000 troops or more".
  const tail = adjacent ? findPostQualifier(toks, unit.next) : null;
  if (qualifier === 'exact' && tail) qualifier = tail[0];
  // "roughly 300 killed and 2,700 wounded": the qualifier of the first of
  // two coordinated figures holds for the second.
  if (
    qualifier === 'exact' &&
    before &&
    before.qualifier !== 'exact' &&
    before.qualifier !== 'range' &&
    m.value >= 10 &&
    isCoordinated(toks, num, before.end)
  )
    qualifier = before.qualifier;
  // After a part ("…, including some 600 dead, up from roughly 3,000") a
  // figure relates to the whole the part was counted from.
  const base = (before && WHOLES.get(before)) ?? before;
  let event = eventInContext(
    toks,
    num,
    unit,
    lang,
    base,
    opening,
    anaphoric,
    unit.next === end,
  );
  // A headline's figure with no presence of its own is what its lead
  // reports: "Shoigu: 6,000 North Korean military personnel bound for
  // Kursk\nAbout 5,000 of them will be …", "Bis zu 10.000 Mann? Seoul
  // warnt vor neuem Kontingent".
  if (
    event === 'deployed' &&
    si === 0 &&
    hasHeadline &&
    sentences.length > 1 &&
    !hasPresenceCue(toks, num, unit, lang) &&
    leadPlans(edge(1, 'head'), lang)
  )
    event = 'projected';
  const next = si + 1 < sentences.length ? edge(si + 1, 'head') : null;
  // Attribution depends on the sentence only: computed once per sentence
  // (dense passages hold many figures per sentence).
  let attribution = shift === 0 ? attributions.get(si) : undefined;
  if (attribution === undefined) {
    attribution = findAttribution(
      text,
      toks,
      next,
      lang,
      prev,
      si === 0 && headline !== null,
      attributions.get(si - 1) ?? null,
    );
    if (shift === 0) attributions.set(si, attribution);
  }
  // Several sources in one sentence ("Seoul's NIS said …; the Pentagon put
  // the number at …"): the figure's own clause names its source first.
  const clause = findClauseAttribution(text, toks, num, lang);
  attribution = clause ?? attribution;
  // A transcript's speaker owns the figures of their turn, unless the turn
  // itself names a source ("Pentagon briefing — … RYDER: It is.").
  attribution = turnSource(text, turns(), m.start, attribution);
  // A part of a count ("…, darunter etwa 500 Offiziere", "4,000 of them")
  // is told by whoever told the count, unless its own clause names
  // another ("…, geht Kiew davon aus, dass 3.000 von ihnen …").
  const part =
    before !== null &&
    clause === null &&
    (countsPart(toks, num, end) ||
      (WHOLES.has(before) && isCoordinated(toks, num, before.end)));
  if (part) attribution = before.attribution;
  const sentence = sentences[si] as Span;
  const endOff = adjacent ? (toks[unit.next - 1] as Token).end : m.end;
  const value = m.value;
  const low =
    qualifier === 'range'
      ? m.low
      : qualifier === 'at_least' || qualifier === 'more_than'
        ? value
        : null;
  const high = qualifier === 'range' || qualifier === 'up_to' ? value : null;
  const claim: Claim = {
    value,
    low,
    high,
    qualifier,
    unit: unit.unit,
    actor,
    event,
    attribution,
    source: claimSource(attribution, edge(0, 'head')),
    text: text.slice(qStart, endOff),
    sentence: text.slice(sentence.start, sentence.end),
    start: qStart,
    end: endOff,
  };
  if (part) WHOLES.set(claim, (before && WHOLES.get(before)) ?? before);
  return claim;
}

// Claims that count a part of another claim of their sentence → that whole.
const WHOLES = new WeakMap<Claim, Claim>();

/** True when the claim counts a part of the claim before it in its sentence. */
export const countsPartOfBefore = (claim: Claim): boolean => WHOLES.has(claim);
