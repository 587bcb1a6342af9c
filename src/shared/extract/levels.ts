/**
 * Figures that state an earlier level of the count their sentence gives:
 * "at about 10,000 in late October, up from 3,000 a week earlier", "Statt
 * bisher 8.000 geht das Pentagon nun von 10.000 Soldaten aus".
 */
import type { Language, Unit } from '../claim.js';
import { contactRelativeAt, postcedentOf, standsAlone } from './anaphora.js';
import { pastQualifiers } from './qualifier.js';
import { CLAUSE_BREAKS, type Token } from './text.js';
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
  // "… auf etwa 2.000 gestiegen, nach gut 600 im Frühjahr".
  [',', 'nach'],
  ['statt'],
];

// "up from an estimate of 3,000 …": a count noun between cue and figure.
const ESTIMATE_NOUNS = /^(?:estimate|figure|count|toll|schätzung|zahl)$/u;

/**
 * How "up from", "statt bisher" … stands before the figure: 'plain', or
 * 'noun' with a count noun between ("up from an estimate of 3,000"), or
 * null.
 */
export function earlierCueBefore(
  toks: readonly Token[],
  num: number,
): 'plain' | 'noun' | null {
  return findEarlierCue(toks, num)?.form ?? null;
}

/** The earlier-level cue before the figure: its form and first token. */
function findEarlierCue(
  toks: readonly Token[],
  num: number,
): { form: 'plain' | 'noun'; start: number } | null {
  let b = pastQualifiers(toks, num);
  let form: 'plain' | 'noun' = 'plain';
  // "up from the 3,000 Washington cited": an article before the figure.
  if (/^(?:the|den|die)$/u.test(toks[b]?.lower ?? '')) b -= 1;
  // "of" may have been read as a qualifier word ("upwards of").
  const ofAt = /^(?:of|von)$/u.test(toks[b]?.lower ?? '') ? b : b + 1;
  if (
    /^(?:of|von)$/u.test(toks[ofAt]?.lower ?? '') &&
    ESTIMATE_NOUNS.test(toks[ofAt - 1]?.lower ?? '') &&
    /^(?:an?|the|its|their|his|her|einer|der|seiner|ihrer)$/u.test(
      toks[ofAt - 2]?.lower ?? '',
    )
  ) {
    b = ofAt - 3;
    form = 'noun';
  }
  const cue = EARLIER_LEVEL.find((words) =>
    words.every((w, j) => toks[b - words.length + 1 + j]?.lower === w),
  );
  return cue ? { form, start: b - cue.length + 1 } : null;
}

// "That's up from …", "This is down from …": the sentence opens with the
// cue, and the count it compares with is the last one before.
const LEVEL_OPENERS =
  /^(?:that's|that’s|this's|it's|it’s|that|this|it|which)$/u;

/**
 * True when the sentence opens with the earlier-level cue before the
 * figure ("That's up from the 3,000 Washington was talking about"): the
 * figure is an earlier level of the count of the sentence before.
 */
export function opensWithEarlierLevel(
  toks: readonly Token[],
  num: number,
): boolean {
  const k = findEarlierCue(toks, num)?.start ?? -1;
  const first = toks[0]?.lower ?? '';
  return (
    LEVEL_OPENERS.test(first) &&
    (k === 1 || (k === 2 && /^(?:is|was)$/u.test(toks[1]?.lower ?? '')))
  );
}

/** True when "up from", "statt bisher" … stands before the figure. */
export const followsEarlierCue = (
  toks: readonly Token[],
  num: number,
): boolean => earlierCueBefore(toks, num) !== null;

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
  const form = earlierCueBefore(toks, num);
  if (form === null) return null;
  // "up from an estimate of 3,000 the department gave": a relative clause
  // may follow the count noun's figure.
  const after = toks[end]?.lower ?? '';
  if (
    !standsAlone(toks[end], lang) &&
    after !== 'a' &&
    !(lang === 'en' && contactRelativeAt(toks, end)) &&
    !(
      form === 'noun' &&
      /^(?:the|that|which|it|they|die|der|es|sie)$/u.test(after)
    )
  )
    return null;
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

// Words that open the noun phrase of a restated count.
const DETERMINERS = /^(?:the|this|that|its|their|a|an|die|diese|eine|ihre)$/u;

const FIGURE_NOUNS = new Set([
  'figure',
  'estimate',
  'number',
  'toll',
  'tally',
  'count',
  'assessment',
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
  // "put the figure at 3,000", "die Zahl mit rund 900 angegeben"; "the
  // earlier figure, around 600, …" in apposition.
  const link = /^(?:at|auf|bei|von|of|mit|,)$/u;
  let b = pastQualifiers(toks, num, { stop: (w) => link.test(w) });
  if (!link.test(toks[b]?.lower ?? '')) return false;
  if (toks[b]?.text === ',' && toks[num + 1]?.text !== ',') return false;
  // "die Zahl noch mit rund 900 angegeben": an adverb may stand between.
  if (
    /^(?:noch|zunächst|bisher|damals|schon|bereits|zuletzt|inzwischen|nun|still|then|only|first|already|now)$/u.test(
      toks[b - 1]?.lower ?? '',
    )
  )
    b -= 1;
  if (!FIGURE_NOUNS.has(toks[b - 1]?.lower ?? '')) return false;
  // "a much lower figure of about 3,000", "Seoul's latest public estimate
  // of 4,700": adjectives and a possessive may stand before the noun.
  let d = b - 2;
  while (
    d > 0 &&
    b - 2 - d < 3 &&
    !DETERMINERS.test((toks[d] as Token).lower) &&
    /^\p{Ll}+$/u.test((toks[d] as Token).text)
  )
    d -= 1;
  const det = toks[d]?.lower ?? '';
  return DETERMINERS.test(det) || /['’]s$/u.test(det);
}

/**
 * True when a bare figure is another source's count in a clause of speech:
 * "Seoul geht eher von rund 2.000 aus", "der Geheimdienst kommt auf etwa
 * 4.700", "liege sie bei mindestens 1.500". It then counts what the count
 * before it counts.
 */
export function competingCount(toks: readonly Token[], num: number): boolean {
  const b = pastQualifiers(toks, num, {
    stop: (w) => /^(?:von|auf|bei)$/u.test(w),
  });
  const link = toks[b]?.lower ?? '';
  const verbs =
    link === 'von'
      ? SPEAKS_OF
      : link === 'auf'
        ? /^(?:kommt|kam|kommen|kamen)$/u
        : link === 'bei'
          ? /^(?:liegt|liege|lag|lägen|liegen)$/u
          : null;
  // "wir sprechen von etwa 3.000 zusätzlichen": an increment is new.
  const increment =
    /^(?:zusätzliche[nr]?|weitere[nr]?|more|additional|further|another)$/u;
  if (
    increment.test(toks[num + 1]?.lower ?? '') ||
    increment.test(toks[num - 1]?.lower ?? '')
  )
    return false;
  // "…, nennt Präsident Selenskyj kurz vor Jahresende bereits 3.000": the
  // verb names the figure itself, its speaker and a time between.
  if (!verbs) {
    for (let k = b; k >= 0 && b - k <= 8; k -= 1) {
      const t = toks[k] as Token;
      if (CLAUSE_BREAKS.has(t.text)) return false;
      if (NAMES_FIGURE.test(t.lower)) return true;
    }
    return false;
  }
  // The verb before the link, or (for "von … aus") the clause's end.
  for (let k = b - 1; k >= 0 && b - k <= 4; k -= 1)
    if (verbs.test((toks[k] as Token).lower)) return true;
  if (link !== 'von') return false;
  for (let k = num + 1; k < toks.length && k - num <= 4; k += 1) {
    const w = (toks[k] as Token).lower;
    if (/^(?:aus|gesprochen|ausgegangen)$/u.test(w)) return true;
    if (/^[,.;:]$/u.test(w)) break;
  }
  return false;
}

const SPEAKS_OF =
  /^(?:spricht|sprach|sprechen|sprachen|redet|geht|ging|gehen)$/u;

// Verbs whose object is the figure: "nennt Selenskyj bereits 3.000".
const NAMES_FIGURE =
  /^(?:nennt|nannte|nennen|nannten|zählt|zählte|meldet|meldete|melden|meldeten)$/u;
