/**
 * The learned chooser of a figure's claimant: among the hand rules' answer,
 * no claimant at all, and the phrases the tagger (`span-tagger.ts`) marked
 * in the passage, the candidate with the highest score wins. Features say
 * what kind of candidate it is, how far from the figure, whether the
 * source table knows it and whether it agrees with the rules; weights are
 * learned with the tagger's (`npm run train:attribution`).
 */
import type { Language } from '../claim.js';
import { isGeneric } from './attribution.js';
import { attributionMatches } from './same-source.js';
import { canonicalSource } from './source.js';
import type { Phrase } from './span-tagger.js';

/** One candidate claimant of a figure, with its features. */
export interface Candidate {
  attribution: string | null;
  features: string[];
}

/** Where the figure stands: its sentence and its token in the block. */
export interface FigureAt {
  si: number;
  token: number;
  /** Clause breaks between a phrase of its sentence and it (else -1). */
  breaks?: (p: Phrase) => number;
}

// Tagged phrases a figure weighs, nearest first: far ones are never right.
export const MAX_PHRASES = 6;

/** What the source table and the generic words say of a phrase. */
interface Facts {
  id: string | null;
  generic: boolean;
  words: number;
}

const FACTS = new Map<string, Facts>();
const FACTS_MAX = 5000;

function factsOf(text: string): Facts {
  let got = FACTS.get(text);
  if (!got) {
    got = {
      id: canonicalSource(text)?.id ?? null,
      generic: isGeneric(text),
      words: text.split(/\s+/u).length,
    };
    if (FACTS.size >= FACTS_MAX) FACTS.clear();
    FACTS.set(text, got);
  }
  return got;
}

// Every feature name is one of these constant strings, so that weight
// lookups hash no new string.
const named = (name: string, values: readonly unknown[]): string[] =>
  values.map((v) => `${name}=${String(v)}`);
const upTo = (n: number): number[] =>
  Array.from({ length: n + 1 }, (_, k) => k);
const KNOWN = named('known', [0, 1]);
const LENGTH = named('len', upTo(5));
const RULE_NULL = named('ruleNull', [false, true]);
const RANK = named('rank', upTo(3));
const SENTENCE = named('d', [-3, -2, -1, 0, 1, 2, 3]);
const LEFT = named(
  'td',
  upTo(5).map((k) => `L${k}`),
);
const RIGHT = named(
  'td',
  upTo(5).map((k) => `R${k}`),
);
const HEAD = named('head', [false, true]);
const PHRASES = named('nsp', upTo(4));
const STRENGTH = named('str', upTo(6));
const CROSSED = named('cx', upTo(2));

// Whether a phrase names the rules' claimant, per rule and phrase.
const MATCHES = new Map<string, Map<string, boolean>>();

function sameAsRule(rule: string, text: string): boolean {
  if (rule === text) return true;
  let byText = MATCHES.get(rule);
  if (!byText) {
    if (MATCHES.size >= FACTS_MAX) MATCHES.clear();
    MATCHES.set(rule, (byText = new Map()));
  }
  let got = byText.get(text);
  if (got === undefined) {
    got = attributionMatches(rule, text);
    if (byText.size >= FACTS_MAX) byText.clear();
    byText.set(text, got);
  }
  return got;
}

/** What every non-null candidate is described by. */
function describe(text: string, rule: string | null, out: string[]): void {
  const { id, generic, words } = factsOf(text);
  const ruleId = rule === null ? null : factsOf(rule).id;
  out.push(
    KNOWN[id ? 1 : 0] as string,
    LENGTH[Math.min(words, 5)] as string,
    RULE_NULL[rule === null ? 1 : 0] as string,
  );
  if (generic) out.push('generic');
  if (rule !== null && sameAsRule(rule, text)) out.push('matchRule');
  if (ruleId !== null && id === ruleId) out.push('sameIdRule');
  if (id === 'kp-gov') out.push('kp');
}

/** Distance order: by sentence, then by words. */
function nearest(phrases: readonly Phrase[], at: FigureAt): Phrase[] {
  const far = (p: Phrase): number =>
    Math.abs(p.si - at.si) * 1e6 + Math.abs(p.from - at.token);
  return [...phrases].sort((a, b) => far(a) - far(b)).slice(0, MAX_PHRASES);
}

// Language-tagged names, made once per feature name and language.
const PREFIXED: Record<Language, Map<string, string>> = {
  de: new Map(),
  en: new Map(),
};

/** Every feature once as it is and once for the language. */
function withLanguage(features: readonly string[], lang: Language): string[] {
  const names = PREFIXED[lang];
  const out: string[] = [];
  for (const f of features) {
    let tagged = names.get(f);
    if (tagged === undefined) {
      tagged = `${lang}:${f}`;
      names.set(f, tagged);
    }
    out.push(f, tagged);
  }
  return out;
}

/**
 * The candidates for a figure: no claimant, the rules' answer, and the
 * nearest tagged phrases (by sentence, then by words).
 */
export function candidatesFor(
  rule: string | null,
  phrases: readonly Phrase[],
  at: FigureAt,
  lang: Language,
): Candidate[] {
  const ruleNull = RULE_NULL[rule === null ? 1 : 0] as string;
  const out: Candidate[] = [
    { attribution: null, features: withLanguage(['NULL', ruleNull], lang) },
  ];
  if (rule !== null) {
    const f = ['RULE'];
    describe(rule, rule, f);
    out.push({ attribution: rule, features: withLanguage(f, lang) });
  }
  nearest(phrases, at).forEach((p, rank) => {
    const d = Math.max(-3, Math.min(3, p.si - at.si));
    const gap = p.from - at.token;
    const far = Math.min(Math.floor(Math.abs(gap) / 4), 5);
    const f = [
      'SPAN',
      RANK[Math.min(rank, 3)] as string,
      SENTENCE[d + 3] as string,
      (gap < 0 ? LEFT : RIGHT)[far] as string,
      HEAD[p.si === 0 ? 1 : 0] as string,
      PHRASES[Math.min(phrases.length, 4)] as string,
      STRENGTH[
        Math.max(0, Math.min(STRENGTH.length - 1, Math.floor(p.strength / 3)))
      ] as string,
    ];
    const crossed = at.breaks?.(p) ?? -1;
    if (crossed >= 0) f.push(CROSSED[Math.min(crossed, 2)] as string);
    describe(p.text, rule, f);
    out.push({ attribution: p.text, features: withLanguage(f, lang) });
  });
  return out;
}

/**
 * The attribution a chosen candidate gives: a phrase that names the rules'
 * claimant keeps the rules' words (they read titles and appositions the
 * tagger may cut).
 */
export function answerOf(
  chosen: Candidate,
  rule: string | null,
): string | null {
  return chosen.features.includes('matchRule') ? rule : chosen.attribution;
}

/** Sum of the weights of a candidate's features. */
export function candidateScore(
  weights: ReadonlyMap<string, number>,
  c: Candidate,
): number {
  let s = 0;
  for (const f of c.features) s += weights.get(f) ?? 0;
  return s;
}

/** The highest-scoring candidate; the first of equals. */
export function choose(
  weights: ReadonlyMap<string, number>,
  candidates: readonly Candidate[],
): Candidate {
  let best = candidates[0] as Candidate;
  let top = candidateScore(weights, best);
  for (const c of candidates.slice(1)) {
    const s = candidateScore(weights, c);
    if (s > top) {
      best = c;
      top = s;
    }
  }
  return best;
}
