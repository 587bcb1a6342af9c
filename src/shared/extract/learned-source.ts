/**
 * The learned second look at who says each figure. The hand rules
 * (`attribution.ts` and its helpers) name a claimant per figure; then the
 * tagger (`span-tagger.ts`) marks the claimant phrases of the sentences
 * around the figures, and the chooser (`source-rerank.ts`) picks, per
 * figure, the rules' answer, a marked phrase or no one. The weights are
 * data in `lexicon/attribution-model.json`, learned by
 * `npm run train:attribution`; the README ("Who says so") says how.
 */
import { readFileSync } from 'node:fs';
import type { Claim, Language } from '../claim.js';
import { isGeneric } from './attribution.js';
import {
  answerOf,
  candidatesFor,
  choose,
  type Candidate,
} from './source-rerank.js';
import { canonicalSource } from './source.js';
import type { BlockToken, Phrase } from './span-tagger.js';
import { Tagger } from './compiled-tagger.js';
import type { Token } from './text.js';

/** The weights of both parts, as `train:attribution` writes them. */
export interface AttributionModel {
  tagger: Tagger;
  rerank: ReadonlyMap<string, number>;
}

/** The JSON form of {@link AttributionModel}. */
export interface AttributionModelJson {
  /** What wrote the file, from what. */
  about?: string;
  tagger: Record<string, number[]>;
  rerank: Record<string, number>;
}

/** Reads the JSON form. */
export function modelFrom(json: AttributionModelJson): AttributionModel {
  return {
    tagger: new Tagger(new Map(Object.entries(json.tagger))),
    rerank: new Map(Object.entries(json.rerank)),
  };
}

const MODEL_FILE = new URL('./lexicon/attribution-model.json', import.meta.url);
let shipped: AttributionModel | null = null;

/**
 * The shipped model, read on the first extraction: reading and compiling
 * its 20,000 weights takes some 60 ms, which a command that extracts
 * nothing should not pay at start-up.
 */
export function shippedModel(): AttributionModel {
  shipped ??= modelFrom(
    JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as AttributionModelJson,
  );
  return shipped;
}

// Sentences either side of a figure whose phrases may name its claimant,
// and how many words away in its own sentence.
export const SENTENCE_REACH = 2;
const WORD_REACH = 60;

/**
 * How far from its sentence a figure's candidates may stand: a figure the
 * rules give a claimant of the source table weighs the phrases of its own
 * sentence only (on the labelled corpus, 31 of the 34 changes to such an
 * answer came from there), the others those within {@link SENTENCE_REACH}.
 */
export function reachOf(attribution: string | null): number {
  return attribution !== null &&
    !isGeneric(attribution) &&
    canonicalSource(attribution) !== null
    ? 0
    : SENTENCE_REACH;
}

/**
 * The blocks of consecutive sentences that some figure may read (its
 * sentence and those within its reach), as tagger input: far-apart
 * figures of a long article give separate blocks, so the cost stays linear
 * in the text.
 */
export function blocksAround(
  figures: readonly { si: number; reach: number }[],
  sentenceCount: number,
  tokens: (si: number) => readonly Token[],
): BlockToken[][] {
  const wanted = new Set<number>();
  for (const { si, reach } of figures)
    for (let d = -reach; d <= reach; d += 1)
      if (si + d >= 0 && si + d < sentenceCount) wanted.add(si + d);
  const blocks: BlockToken[][] = [];
  let block: BlockToken[] = [];
  for (let si = 0; si < sentenceCount; si += 1) {
    if (!wanted.has(si)) {
      if (block.length) blocks.push(block);
      block = [];
      continue;
    }
    tokens(si).forEach((token, k) => block.push({ token, si, k }));
  }
  if (block.length) blocks.push(block);
  return blocks;
}

/** A figure as the chooser sees it. */
export interface Figure {
  /** Offset of the figure in the text. */
  start: number;
  /** Its sentence index. */
  si: number;
  /** The rules' attribution. */
  attribution: string | null;
}

/** Where a figure stands in its block, or null when no block holds it. */
function place(
  blocks: readonly BlockToken[][],
  f: Figure,
): { block: number; token: number } | null {
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b] as BlockToken[];
    const first = block[0] as BlockToken;
    const last = block[block.length - 1] as BlockToken;
    if (first.si > f.si || last.si < f.si) continue;
    // The first token at or after the figure (binary search: a long
    // sentence with many figures stays linear).
    let lo = 0;
    let hi = block.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((block[mid] as BlockToken).token.start >= f.start) hi = mid;
      else lo = mid + 1;
    }
    return { block: b, token: lo };
  }
  return null;
}

/** Token range [start, end) of each sentence of a block. */
function sentenceSpans(
  block: readonly BlockToken[],
): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  block.forEach((t, k) => {
    const span = out.get(t.si);
    if (span) span[1] = k + 1;
    else out.set(t.si, [k, k + 1]);
  });
  return out;
}

/** True for a token that ends a clause: `,` `;` `:` `–` `—`. */
function isBreak(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014;
}

/** The clause-break tokens of a block in token range [lo, hi). */
function breaksIn(
  block: readonly BlockToken[],
  lo: number,
  hi: number,
): number {
  let n = 0;
  for (let i = lo; i < hi; i += 1)
    if (isBreak((block[i] as BlockToken).token.text)) n += 1;
  return n;
}

/** The phrases (in text order) that start in token range [lo, hi). */
function between(list: readonly Phrase[], lo: number, hi: number): Phrase[] {
  if (lo >= hi) return [];
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((list[mid] as Phrase).from < lo) a = mid + 1;
    else b = mid;
  }
  const out: Phrase[] = [];
  for (let k = a; k < list.length && (list[k] as Phrase).from < hi; k += 1)
    out.push(list[k] as Phrase);
  return out;
}

/**
 * The candidates of each figure, in the order of `figures` (null for a
 * figure no block holds): what the chooser weighs in use and in training.
 */
export function candidatesOf(
  tagger: Tagger,
  text: string,
  lang: Language,
  figures: readonly Figure[],
  sentenceCount: number,
  tokens: (si: number) => readonly Token[],
): (Candidate[] | null)[] {
  const reaches = figures.map((f) => ({
    si: f.si,
    reach: reachOf(f.attribution),
  }));
  const blocks = blocksAround(reaches, sentenceCount, tokens);
  const phrases = blocks.map((b) => tagger.phrases(text, b, lang));
  const spans = blocks.map(sentenceSpans);
  return figures.map((f, i) => {
    const at = place(blocks, f);
    if (!at) return null;
    const reach = (reaches[i] as { reach: number }).reach;
    const list = phrases[at.block] as Phrase[];
    const span = spans[at.block] as Map<number, [number, number]>;
    const [own, ownEnd] = span.get(f.si) as [number, number];
    // Sentences missing from the block lie beyond its edges.
    let before = own;
    for (let d = reach; d > 0 && before === own; d -= 1)
      before = span.get(f.si - d)?.[0] ?? own;
    let after = ownEnd;
    for (let d = reach; d > 0 && after === ownEnd; d -= 1)
      after = span.get(f.si + d)?.[1] ?? ownEnd;
    // The sentences within its reach, and its own sentence only within
    // WORD_REACH words: a figure weighs few phrases however long the
    // sentence, and each look-up is a binary search.
    const near = [
      ...between(list, before, own),
      ...between(
        list,
        Math.max(own, at.token - WORD_REACH),
        Math.min(ownEnd, at.token + WORD_REACH + 1),
      ),
      ...between(list, ownEnd, after),
    ];
    const block = blocks[at.block] as BlockToken[];
    // Clause breaks between a phrase of the figure's sentence and it.
    const crossings = (p: Phrase): number =>
      p.si !== f.si
        ? -1
        : p.from > at.token
          ? breaksIn(block, at.token, p.from)
          : breaksIn(block, p.to, at.token);
    return candidatesFor(
      f.attribution,
      near,
      { si: f.si, token: at.token, breaks: crossings },
      lang,
    );
  });
}

/**
 * Each figure's attribution after the second look: the chosen candidate's
 * words, in the order of `figures`.
 */
export function chooseAttributions(
  model: AttributionModel,
  text: string,
  lang: Language,
  figures: readonly Figure[],
  sentenceCount: number,
  tokens: (si: number) => readonly Token[],
): (string | null)[] {
  if (figures.length === 0) return [];
  const all = candidatesOf(
    model.tagger,
    text,
    lang,
    figures,
    sentenceCount,
    tokens,
  );
  return figures.map((f, i) => {
    const candidates = all[i];
    return candidates
      ? answerOf(choose(model.rerank, candidates), f.attribution)
      : f.attribution;
  });
}

/**
 * The claims with the chosen attributions; `sourceOf` maps an attribution
 * to its canonical source as the rules do. `partOf[i]`, when not -1, is
 * the claim whose count claim `i` is a part of.
 */
export function secondLook(
  model: AttributionModel,
  text: string,
  lang: Language,
  claims: readonly Claim[],
  sentenceOf: readonly number[],
  sentenceCount: number,
  tokens: (si: number) => readonly Token[],
  sourceOf: (attribution: string | null) => Claim['source'],
  partOf: readonly number[] = [],
): Claim[] {
  const figures = claims.map((c, i) => ({
    start: c.start,
    si: sentenceOf[i] as number,
    attribution: c.attribution,
  }));
  const chosen = chooseAttributions(
    model,
    text,
    lang,
    figures,
    sentenceCount,
    tokens,
  );
  // A part of a count for which the rules' claimant stands keeps the one
  // chosen for the count (a part the chooser gave its own claimant keeps
  // that: "… geht Kiew davon aus, dass 3.000 von ihnen …").
  partOf.forEach((whole, i) => {
    if (whole >= 0 && chosen[i] === claims[i]?.attribution)
      chosen[i] = chosen[whole] ?? null;
  });
  return claims.map((c, i) => {
    const attribution = chosen[i] ?? null;
    if (attribution === c.attribution) return c;
    return { ...c, attribution, source: sourceOf(attribution) };
  });
}
