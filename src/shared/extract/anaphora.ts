/**
 * Figures without a noun of their own whose troops were named before
 * ("8,000 of them", "davon 300", "About 11,000 are already in Kursk",
 * "rund tausend weitere"); the count anchors before a figure ("die Zahl
 * der Soldaten … auf 12.000") are in `count-anchor.ts`.
 */
import type { Language, Unit } from '../claim.js';
import {
  EVENT_NOUNS,
  KP_DEMONYMS,
  QUALIFIER_WORDS,
  UNIT_WORDS,
} from './lexicon/claims.js';
import { isCapitalized, type Token } from './text.js';
import type { UnitMatch } from './types.js';
import { EN_AFTER_BARE } from './lexicon/topic.js';
import {
  SUBJECT_VERBS,
  PARTICIPLES,
  MORE_WORDS,
  COPULAS,
  TOPIC_WORDS,
  DE_ADVERBS,
  ANAPHORS,
  AFTER_BARE,
  RELATIVE_SUBJECTS,
  PAST_FORMS,
  AUXILIARIES,
} from './lexicon/anaphora.js';
import { matchCasualtyCue } from './event.js';
import { originAfter, ownerOf } from './topic.js';
import { matchUnitWord, membersOf } from './unit.js';

/** True when the token after a figure shows it has no noun of its own. */
export function standsAlone(next: Token | undefined, lang: Language): boolean {
  if (!next || !next.isWord) return true;
  return AFTER_BARE.has(next.lower) && (lang === 'en' || !isCapitalized(next));
}

// Words that may open a bare subject before its figure: qualifiers,
// articles and "weitere" ("Die ersten 1.000 sollen …", "Weitere circa 3.000").
export const OPENERS: ReadonlySet<string> = new Set([
  ...QUALIFIER_WORDS,
  'die',
  'der',
  'the',
  'ersten',
  'first',
  'letzten',
  'last',
  'weitere',
  'another',
  'further',
  'additional',
  'wohl',
  'perhaps',
  // "davon allein 17 an einem Tag", "darunter sogar 40 Offiziere".
  'allein',
  'sogar',
]);

/**
 * True when "davon", "darunter", "including" or "among them" stands before
 * the figure, over qualifiers ("darunter sogar 12 Offiziere"): the figure
 * counts a part of what the clause before counts.
 */
export function followsPartWord(toks: readonly Token[], num: number): boolean {
  let b = num - 1;
  while (b >= 0 && num - b <= 3 && OPENERS.has((toks[b] as Token).lower))
    b -= 1;
  const w = toks[b]?.lower ?? '';
  return TOPIC_WORDS.has(w) || (w === 'them' && toks[b - 1]?.lower === 'among');
}

/**
 * True when the figure whose tokens are [num, end) counts a part of the
 * count before it: "darunter etwa 500 Offiziere", "davon rund 600 Tote",
 * "including 300 officers", "4,000 of them", "von denen 1.000".
 */
export function countsPart(
  toks: readonly Token[],
  num: number,
  end: number,
): boolean {
  const next = toks[end]?.lower ?? '';
  return (
    followsPartWord(toks, num) ||
    ((next === 'of' || next === 'von') &&
      ANAPHORS.has(toks[end + 1]?.lower ?? ''))
  );
}

/**
 * The length of an English contact relative clause at token `k`, or 0:
 * "the 11,000 it sent last autumn", "the 3,000 Washington was talking
 * about". Its subject is a pronoun or, with `names`, one capitalised name
 * (not a plural people: "the 3,000 Russians killed" is a noun phrase);
 * then an optional auxiliary and a past form.
 */
export function contactRelativeLength(
  toks: readonly Token[],
  k: number,
  names = true,
): number {
  const subject = toks[k];
  if (!subject?.isWord) return 0;
  if (
    !RELATIVE_SUBJECTS.has(subject.lower) &&
    !(names && isCapitalized(subject) && !/s$/u.test(subject.lower))
  )
    return 0;
  let v = k + 1;
  if (AUXILIARIES.has(toks[v]?.lower ?? '')) v += 1;
  const verb = toks[v]?.lower ?? '';
  const past =
    PAST_FORMS.has(verb) ||
    /[a-z]ed$/u.test(verb) ||
    (v > k + 1 && /[a-z]ing$/u.test(verb));
  return past ? v - k + 1 : 0;
}

/** True when a contact relative clause follows the figure at `end`. */
export const contactRelativeAt = (
  toks: readonly Token[],
  end: number,
): boolean => contactRelativeLength(toks, end) > 0;

/**
 * "seien es (damit) etwa 14.000", "Es sind knapp 11.000": `b` is the last
 * word before the figure.
 */
function isCopulaEs(toks: readonly Token[], b: number): boolean {
  let k = b;
  // Adverbs and a short time phrase may stand between: "so waren es im
  // April bereits mehr als 4.700".
  for (;;) {
    if (k > 0 && DE_ADVERBS.has((toks[k] as Token).lower)) k -= 1;
    else if (k > 1 && /^(?:im|am|zum|bis)$/u.test(toks[k - 1]?.lower ?? ''))
      k -= 2;
    else break;
  }
  const w = toks[k]?.lower ?? '';
  const before = toks[k - 1]?.lower ?? '';
  return (
    (w === 'es' && COPULAS.has(before)) || (COPULAS.has(w) && before === 'es')
  );
}

/** The unit of the nearest troop noun before token `num` (or in `prev`). */
export function antecedent(
  toks: readonly Token[],
  num: number,
  prev: readonly Token[] | null,
  lang: Language,
): Unit | null {
  return antecedentOf(toks, num, prev, lang)?.[0] ?? null;
}

/** The nearest troop noun before token `num` (or in `prev`): its unit and owner. */
function antecedentOf(
  toks: readonly Token[],
  num: number,
  prev: readonly Token[] | null,
  lang: Language,
): [Unit, string | null] | null {
  // Bounded look-back: the antecedent is near, and the cost stays flat.
  for (const list of [
    toks.slice(Math.max(0, num - 40), num),
    (prev ?? []).slice(-40),
  ]) {
    // The nearest North Korean troops, else the nearest troops: the others
    // named near them are often the source ("nach Angaben der ukrainischen
    // Spezialkräfte", "Ukrainian soldiers say").
    // The unit is the nearest's ("500 Offiziere, drei davon").
    let nearest: [Unit, string | null] | null = null;
    for (let k = list.length - 1; k >= 0; k -= 1) {
      const t = list[k] as Token;
      const demonym = isKpDemonym(list, k);
      // Loss nouns stand for soldiers: "3.000 Getöteten …, so waren es …".
      const loss =
        EVENT_NOUNS.has(t.lower) && (lang === 'en' || isCapitalized(t));
      // Two-word nouns: "the construction crews — … 15,000 of them".
      const pair = PAIR_HEADS.has(t.lower)
        ? UNIT_WORDS.get(`${list[k - 1]?.lower ?? ''} ${t.lower}`)
        : undefined;
      // "die Angehörigen eines Pionierregiments … Neun von ihnen".
      const members = membersOf(list, k);
      const u =
        demonym || loss || members
          ? 'soldiers'
          : (pair ?? matchUnitWord(t, lang));
      if (!u) continue;
      const owner = demonym
        ? 'KP'
        : (members?.actor ?? ownerOf(list, k) ?? originAfter(list, k));
      nearest = nearest ?? [u, owner];
      if (owner === 'KP') return [nearest[0], owner];
    }
    if (nearest) return nearest;
  }
  return null;
}

// The second words of two-word troop nouns ("construction crews").
const PAIR_HEADS = new Set(
  [...UNIT_WORDS.keys()]
    .filter((w) => w.includes(' '))
    .map((w) => w.slice(w.indexOf(' ') + 1)),
);

/** True for "Nordkoreaner", "North Koreans" (two tokens) at token `k`. */
function isKpDemonym(toks: readonly Token[], k: number): boolean {
  const w = (toks[k] as Token).lower;
  return (
    KP_DEMONYMS.has(w) || (w === 'koreans' && toks[k - 1]?.lower === 'north')
  );
}

/** The first troop noun after token `from` in the sentence, with its owner. */
export function postcedentOf(
  toks: readonly Token[],
  from: number,
  lang: Language,
): [Unit, string | null] | null {
  for (let k = from; k < toks.length && k - from <= 40; k += 1) {
    const t = toks[k] as Token;
    if (isKpDemonym(toks, k)) return ['soldiers', 'KP'];
    const u = matchUnitWord(t, lang);
    if (u) return [u, ownerOf(toks, k)];
  }
  return null;
}

/**
 * A figure without a noun of its own that stands for troops named before:
 * "8,000 of them", "N von ihnen", "davon N", or a bare subject ("About
 * 11,000 are already in Kursk"). The unit is the antecedent's.
 */
export function findAnaphoricUnit(
  toks: readonly Token[],
  num: number,
  end: number,
  prev: readonly Token[] | null,
  lang: Language,
): UnitMatch | null {
  const next = toks[end]?.lower ?? '';
  let to = -1;
  // "more than 1,000 of the dead", "300 der Toten": a part of a loss.
  const loss =
    (next === 'of' || next === 'der') &&
    (next === 'der' || toks[end + 1]?.lower === 'the')
      ? EVENT_NOUNS.get(toks[end + (next === 'der' ? 1 : 2)]?.lower ?? '')
      : undefined;
  // "nine of its members", "a dozen of his men": a possessive's group.
  const own =
    next === 'of' &&
    /^(?:its|their|his|her)$/u.test(toks[end + 1]?.lower ?? '') &&
    /^(?:members|men|soldiers|troops|fighters)$/u.test(
      toks[end + 2]?.lower ?? '',
    );
  if (
    (next === 'of' || next === 'von') &&
    ANAPHORS.has(toks[end + 1]?.lower ?? '')
  ) {
    to = end + 2;
  } else if (own) to = end + 3;
  else if (loss) to = end + (next === 'der' ? 2 : 3);
  else if (next === 'davon' || next === 'darunter') to = end + 1;
  // "rund tausend weitere wurden verwundet", "three more were captured".
  // The word after must not be a noun of its own ("1.000 weitere Granaten").
  else if (
    MORE_WORDS.has(next) &&
    (!toks[end + 1]?.isWord ||
      SUBJECT_VERBS.has(toks[end + 1]?.lower ?? '') ||
      (lang === 'en' && EN_AFTER_BARE.has(toks[end + 1]?.lower ?? '')) ||
      (lang === 'de' && !isCapitalized(toks[end + 1] as Token)) ||
      // "17 were killed and three others wounded".
      matchCasualtyCue(toks[end + 1]?.lower ?? '', lang) !== null)
  )
    to = end + 1;
  else {
    // Walk back over the qualifier ("davon mindestens 300", "About 11,000").
    let b = num - 1;
    while (b >= 0 && num - b <= 3 && OPENERS.has((toks[b] as Token).lower))
      b -= 1;
    const before = toks[b];
    // "Davon seien mindestens 10.000 …", "Darunter sind rund 500 …": the
    // verb of a fronted "davon" stands between it and the figure.
    const fronted =
      before && SUBJECT_VERBS.has(before.lower) ? toks[b - 1] : before;
    if (fronted && TOPIC_WORDS.has(fronted.lower) && lang === 'de') to = end;
    // "North Korean troops (about 11,000) are …": the noun before "(".
    else if (
      before?.text === '(' &&
      toks[b - 1] &&
      matchUnitWord(toks[b - 1] as Token, lang)
    )
      to = end + 1;
    // "on top of the 11,000 already deployed", "die 11.000 bereits
    // verlegten": a determiner, the figure, a participle.
    else if (
      (PARTICIPLES.has(next) ||
        (lang === 'en' && contactRelativeAt(toks, end))) &&
      [toks[num - 1], toks[num - 2]].some((t) =>
        /^(?:the|die|der|den|those)$/u.test(t?.lower ?? ''),
      )
    )
      to = end;
    // "Derzeit seien es etwa 11.000": the figure is the predicate.
    else if (!toks[end]?.isWord && isCopulaEs(toks, b)) to = end;
    // A bare subject opens the sentence or a clause after a comma ("Of the
    // 11,000 sent, 4,000 have been killed").
    else if ((b < 0 || before?.text === ',') && SUBJECT_VERBS.has(next))
      to = end;
    // "and that another 15 are missing", "weitere 300 seien gefallen".
    else if (
      /^(?:another|further|weitere)$/u.test(toks[num - 1]?.lower ?? '') &&
      SUBJECT_VERBS.has(next)
    )
      to = end;
  }
  if (to < 0) return null;
  // The antecedent's owner is the figure's: "Pyongyang's soldiers … 7,000
  // of them", whatever other country the sentence names. With none before,
  // the noun may follow: "'about 2,000 of them have died,' …, referring to
  // the North Korean soldiers sent to Russia".
  const found =
    antecedentOf(toks, num, prev, lang) ??
    postcedentOf(toks, to, lang) ??
    (own ? (['soldiers', null] as [Unit, null]) : null);
  if (!found) return null;
  // "at least 30 of them were officers", "About 5,000 of them will be
  // military construction workers": the predicate names the unit.
  const predicate = predicateUnit(toks, to, lang);
  return {
    unit: predicate ?? (own ? 'soldiers' : found[0]),
    event: loss ?? null,
    actor: found[1],
    next: to,
    demonym: false,
  };
}

const PREDICATE_MODALS =
  /^(?:will|would|could|may|might|should|must|werden|würden|sollen|sollten|dürften|könnten)$/u;
const PREDICATE_COPULAS = /^(?:be|are|were|is|was|sind|seien|waren|wären)$/u;

/**
 * The unit a bare figure's predicate names: "the other 5,000 will be
 * military construction workers", "1,000 of them are officers". Up to
 * three words may stand between the copula and the noun.
 */
export function predicateUnit(
  toks: readonly Token[],
  end: number,
  lang: Language,
): Unit | null {
  let k = end;
  if (PREDICATE_MODALS.test(toks[k]?.lower ?? '')) k += 1;
  if (!PREDICATE_COPULAS.test(toks[k]?.lower ?? '')) return null;
  for (let j = k + 1; j <= k + 4 && j < toks.length; j += 1) {
    const t = toks[j] as Token;
    if (!t.isWord) return null;
    const u = matchUnitWord(t, lang);
    if (u) return u;
  }
  return null;
}
