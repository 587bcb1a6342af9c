/**
 * Figures that state an earlier level of the count their sentence gives:
 * "at about 10,000 in late October, up from 3,000 a week earlier", "Statt
 * bisher 8.000 geht das Pentagon nun von 10.000 Soldaten aus".
 */
import type { Language, Unit } from '../claim.js';
import { QUALIFIER_WORDS } from './lexicon/claims.js';
import { postcedentOf, standsAlone } from './anaphora.js';
import type { Token } from './text.js';
import type { UnitMatch } from './types.js';

// Words before a figure that make it an earlier level of the count the
// sentence gives: "at about 10,000, up from 3,000", "statt bisher 8.000".
const EARLIER_LEVEL = [
  ['up', 'from'],
  ['down', 'from'],
  ['compared', 'with'],
  ['statt', 'bisher'],
  ['statt', 'zuvor'],
  ['nach', 'zuvor'],
  ['von', 'zuvor'],
  ['nach', 'bisher'],
  ['statt'],
];

/**
 * A bare figure that states an earlier level of the sentence's count:
 * "the number … at about 10,000 in late October, up from 3,000 a week
 * earlier", "Statt bisher 8.000 geht das Pentagon nun von 10.000
 * Soldaten aus". The unit is the claim's before it (`before`) or the
 * troop noun after it.
 */
export function findEarlierLevel(
  toks: readonly Token[],
  num: number,
  end: number,
  before: { unit: Unit; actor: string | null } | null,
  lang: Language,
): UnitMatch | null {
  if (!standsAlone(toks[end], lang) && toks[end]?.lower !== 'a') return null;
  let b = num - 1;
  while (
    b >= 0 &&
    num - b <= 3 &&
    QUALIFIER_WORDS.has((toks[b] as Token).lower)
  )
    b -= 1;
  const cue = EARLIER_LEVEL.find((words) =>
    words.every((w, j) => toks[b - words.length + 1 + j]?.lower === w),
  );
  if (!cue) return null;
  const found: [Unit, string | null] | null = before
    ? [before.unit, before.actor]
    : postcedentOf(toks, end, lang);
  if (!found) return null;
  return {
    unit: found[0],
    event: null,
    actor: found[1],
    next: end,
    demonym: false,
  };
}

const FIGURE_NOUNS = new Set([
  'figure',
  'number',
  'toll',
  'tally',
  'count',
  'zahl',
  'anzahl',
  'summe',
]);

/**
 * True when the figure restates another source's count of the claim
 * before it: "…, while the Ukrainian General Staff put the figure at
 * nearly 4,000", "der Generalstab in Seoul nennt hingegen eine Zahl von
 * etwa 300". It then counts what that claim counts.
 */
export function restatesFigure(toks: readonly Token[], num: number): boolean {
  const link = /^(?:at|auf|bei|von|of)$/u;
  let b = num - 1;
  while (
    b >= 0 &&
    num - b <= 3 &&
    !link.test((toks[b] as Token).lower) &&
    QUALIFIER_WORDS.has((toks[b] as Token).lower)
  )
    b -= 1;
  if (!link.test(toks[b]?.lower ?? '')) return false;
  return (
    FIGURE_NOUNS.has(toks[b - 1]?.lower ?? '') &&
    /^(?:the|this|that|its|their|die|diese|eine|ihre)$/u.test(
      toks[b - 2]?.lower ?? '',
    )
  );
}
