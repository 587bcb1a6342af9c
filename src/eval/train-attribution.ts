/**
 * `npm run train:attribution`: learns the attribution model of
 * `learned-source.ts` from every labelled passage that is not held out,
 * and writes `src/shared/extract/lexicon/attribution-model.json`.
 *
 * 1. The tagger learns to mark the words that name a claimant: each
 *    passage's labelled attributions, found in its text, are the phrases.
 * 2. The chooser learns, per figure the rules found, which candidate is
 *    right. Its candidates come from taggers that did not see the passage
 *    (five folds), so that it learns how far to trust the tagger on text
 *    the tagger has never seen.
 *
 * Both are averaged perceptrons with a seeded shuffle: the same corpus
 * gives the same file. Flags: `--out FILE` writes elsewhere, `--check`
 * prints the cross-validated figures and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../shared/extract/claims.js';
import {
  candidatesOf,
  type AttributionModelJson,
} from '../shared/extract/learned-source.js';
import { canonicalSource } from '../shared/extract/source.js';
import {
  answerOf,
  choose,
  type Candidate,
} from '../shared/extract/source-rerank.js';
import {
  BEGIN,
  INSIDE,
  OUT,
  TAG_COUNT,
  decode,
  tokenFeatures,
  transition,
  type BlockToken,
} from '../shared/extract/span-tagger.js';
import { Tagger } from '../shared/extract/compiled-tagger.js';
import {
  splitSentences,
  tokenize,
  type Token,
} from '../shared/extract/text.js';
import { seededRandom } from '../shared/seeded-random.js';
import { Averaged, shuffled } from './perceptron.js';
import { isHeldOut, listCorpus, loadPassages } from './corpus-files.js';
import { sameClaimant, type GoldClaim, type Passage } from './score-claims.js';

const MODEL_FILE = fileURLToPath(
  new URL(
    '../../src/shared/extract/lexicon/attribution-model.json',
    import.meta.url,
  ),
);
const FOLDS = 5;
const TAGGER_EPOCHS = 8;
// Orders of examples the shipped tagger is averaged over.
const TAGGER_ORDERS = 3;
const CHOOSER_EPOCHS = 10;
// Weights smaller than this are dropped from the file (they change no
// decision in practice and would double its size).
const PRUNE = 0.05;

/** A passage ready for training. */
interface Example {
  passage: Passage;
  sentences: Token[][];
  block: BlockToken[];
  features: string[][];
  tags: number[];
  /** Every labelled attribution was found in the text. */
  complete: boolean;
}

/** One figure the rules found, with its right claimant. */
interface Case {
  example: number;
  lang: Passage['lang'];
  rule: string | null;
  gold: Pick<GoldClaim, 'attribution' | 'source'>;
  candidates: Candidate[];
}

/** Marks every occurrence of each labelled attribution in the block. */
function goldTags(
  p: Passage,
  block: readonly BlockToken[],
): [number[], boolean] {
  const tags = new Array<number>(block.length).fill(OUT);
  const lower = p.text.toLowerCase();
  const names = new Set(
    p.claims.flatMap((c) => (c.attribution ? [c.attribution] : [])),
  );
  let complete = true;
  for (const name of names) {
    const want = name.toLowerCase();
    let found = false;
    for (
      let at = lower.indexOf(want);
      at >= 0;
      at = lower.indexOf(want, at + 1)
    ) {
      const ids: number[] = [];
      block.forEach((t, i) => {
        if (t.token.start >= at && t.token.end <= at + want.length) ids.push(i);
      });
      if (ids.length === 0 || ids.some((i) => tags[i] !== OUT)) continue;
      ids.forEach((i, k) => (tags[i] = k === 0 ? BEGIN : INSIDE));
      found = true;
    }
    if (!found) complete = false;
  }
  return [tags, complete];
}

function prepare(p: Passage): Example {
  const sentences = splitSentences(p.text).map((s) => tokenize(p.text, s));
  const block = sentences.flatMap((toks, si) =>
    toks.map((token, k) => ({ token, si, k })),
  );
  const features = block.map((_, i) => tokenFeatures(block, i, p.lang));
  const [tags, complete] = goldTags(p, block);
  return { passage: p, sentences, block, features, tags, complete };
}

function trainTagger(
  examples: readonly Example[],
  seed = 7,
): Map<string, Float64Array> {
  const m = new Averaged(TAG_COUNT);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < TAGGER_EPOCHS; epoch += 1) {
    for (const ex of shuffled(examples, random)) {
      const got = decode(m.w, ex.features, ex.block);
      for (let i = 0; i < got.length; i += 1) {
        const want = ex.tags[i] as number;
        const have = got[i] as number;
        const wantPrev = i ? (ex.tags[i - 1] as number) : -1;
        const havePrev = i ? (got[i - 1] as number) : -1;
        if (want !== have) {
          for (const f of ex.features[i] as string[]) {
            m.add(f, want, 1);
            m.add(f, have, -1);
          }
        }
        if (want !== have || wantPrev !== havePrev) {
          m.add(transition(wantPrev, want), want, 1);
          m.add(transition(havePrev, have), have, -1);
        }
      }
      m.step += 1;
    }
  }
  return m.averaged();
}

/** The figures the rules find in a passage, with their labelled claimant. */
function figuresOf(ex: Example): {
  start: number;
  si: number;
  rule: string | null;
  gold: Pick<GoldClaim, 'attribution' | 'source'>;
}[] {
  const p = ex.passage;
  const claims = extractClaims(p.text, { lang: p.lang, model: null });
  const sentenceOf = (offset: number): number =>
    Math.max(
      0,
      ex.sentences.findIndex((toks) => (toks.at(-1)?.end ?? -1) > offset),
    );
  const seen = new Set<string>();
  const out = [];
  for (const g of p.claims) {
    const key = `${g.value} ${g.unit}`;
    if (seen.has(key) || g.optional) continue;
    seen.add(key);
    const hit = claims.find((c) => c.value === g.value && c.unit === g.unit);
    if (hit)
      out.push({
        start: hit.start,
        si: sentenceOf(hit.start),
        rule: hit.attribution,
        gold: g,
      });
  }
  return out;
}

function casesOf(
  examples: readonly Example[],
  taggers: Map<string, Float64Array>[],
): Case[] {
  const cases: Case[] = [];
  examples.forEach((ex, n) => {
    const tagger = new Tagger(taggers[n % FOLDS] as Map<string, Float64Array>);
    const figures = figuresOf(ex);
    const all = candidatesOf(
      tagger,
      ex.passage.text,
      ex.passage.lang,
      figures.map((f) => ({ start: f.start, si: f.si, attribution: f.rule })),
      ex.sentences.length,
      (si) => ex.sentences[si] ?? [],
    );
    figures.forEach((f, i) => {
      const candidates = all[i];
      if (!candidates) return;
      cases.push({
        example: n,
        lang: ex.passage.lang,
        rule: f.rule,
        gold: f.gold,
        candidates,
      });
    });
  });
  return cases;
}

// A candidate is right when the answer it gives in use names the claimant,
// as the eval reads it (`sameClaimant`).
const names = (c: Case, answer: string | null): boolean =>
  sameClaimant(c.gold, {
    attribution: answer,
    source: canonicalSource(answer),
  });
const rightOne = (c: Case, cand: Candidate): boolean =>
  names(c, answerOf(cand, c.rule));

function trainChooser(cases: readonly Case[]): Map<string, number> {
  const m = new Averaged(1);
  const random = seededRandom(11);
  for (let epoch = 0; epoch < CHOOSER_EPOCHS; epoch += 1) {
    for (const c of shuffled(cases, random)) {
      const right = c.candidates.filter((x) => rightOne(c, x));
      if (!right.length) continue;
      const weights = new Map([...m.w].map(([f, v]) => [f, v[0] ?? 0]));
      const best = choose(weights, c.candidates);
      if (!rightOne(c, best)) {
        const want = choose(weights, right);
        for (const f of want.features) m.add(f, 0, 1);
        for (const f of best.features) m.add(f, 0, -1);
      }
      m.step += 1;
    }
  }
  return new Map([...m.averaged()].map(([f, v]) => [f, v[0] ?? 0]));
}

/** The mean of several weight tables: one linear model. */
function meanOf(
  tables: readonly Map<string, Float64Array>[],
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const t of tables)
    for (const [f, w] of t) {
      const acc = out.get(f) ?? new Float64Array(w.length);
      w.forEach((v, k) => (acc[k] = (acc[k] ?? 0) + v / tables.length));
      out.set(f, acc);
    }
  return out;
}

/** Rounds and drops the weights too small to matter. */
function tableOf(weights: Map<string, Float64Array>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f) as Float64Array;
    if (w.every((v) => Math.abs(v) < PRUNE)) continue;
    out[f] = [...w].map((v) => Math.round(v * 100) / 100);
  }
  return out;
}

/** The model as JSON, one weight per line, so that a retrained file diffs. */
function toJson(model: AttributionModelJson): string {
  const lines = (table: Record<string, unknown>): string =>
    Object.entries(table)
      .map(([f, w]) => `    ${JSON.stringify(f)}: ${JSON.stringify(w)}`)
      .join(',\n');
  return (
    `{\n  "about": ${JSON.stringify(model.about)},\n` +
    `  "tagger": {\n${lines(model.tagger)}\n  },\n` +
    `  "rerank": {\n${lines(model.rerank)}\n  }\n}\n`
  );
}

/** Share of figures whose claimant is right, rules alone and chosen, per language. */
function crossValidated(cases: readonly Case[]): string[] {
  const tally = new Map<string, [number, number, number]>();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const weights = trainChooser(
      cases.filter((c) => c.example % FOLDS !== fold),
    );
    for (const c of cases.filter((c) => c.example % FOLDS === fold)) {
      const t = tally.get(c.lang) ?? [0, 0, 0];
      t[0] += names(c, c.rule) ? 1 : 0;
      t[1] += rightOne(c, choose(weights, c.candidates)) ? 1 : 0;
      t[2] += 1;
      tally.set(c.lang, t);
    }
  }
  return [...tally].map(
    ([lang, [rule, chosen, n]]) =>
      `${lang}: ${n} figures; rules alone ${(rule / n).toFixed(3)}, with the model ${(chosen / n).toFixed(3)}`,
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : MODEL_FILE;
  const unknown = argv.filter(
    (a, i) =>
      a !== '--check' && a !== '--out' && !(outAt >= 0 && i === outAt + 1),
  );
  if (unknown.length || !out)
    throw new Error(
      `train:attribution: unknown argument ${unknown[0] ?? '--out without a file'}`,
    );
  const files = listCorpus().filter((f) => !isHeldOut(f));
  const examples = files.flatMap(loadPassages).map(prepare);
  const complete = examples.filter((e) => e.complete);
  const tokens = examples.reduce((n, e) => n + e.block.length, 0);
  console.log(
    `train:attribution: ${files.length} files (held-out files left out), ${examples.length} passages, ${tokens} tokens; ${complete.length} passages with every claimant found in the text`,
  );
  // Out-of-fold taggers: fold k's tagger never saw the passages of fold k.
  const taggers: Map<string, Float64Array>[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    taggers.push(
      trainTagger(examples.filter((e, n) => e.complete && n % FOLDS !== fold)),
    );
    console.log(`  tagger fold ${fold + 1}/${FOLDS} trained`);
  }
  const cases = casesOf(examples, taggers);
  console.log(
    `  ${cases.length} figures found by the rules; five-fold cross-validation of the chooser:`,
  );
  for (const line of crossValidated(cases)) console.log(`    ${line}`);
  if (check) return;
  const model: AttributionModelJson = {
    about: `Written by npm run train:attribution from ${examples.length} labelled passages (held-out files left out); do not edit by hand.`,
    // The mean of taggers trained in several orders: one passage more or
    // less moves it less than any one of them.
    tagger: tableOf(
      meanOf(
        Array.from({ length: TAGGER_ORDERS }, (_, i) =>
          trainTagger(complete, 7 + i * 101),
        ),
      ),
    ),
    rerank: Object.fromEntries(
      [...trainChooser(cases)]
        .filter(([, v]) => Math.abs(v) >= PRUNE)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([f, v]) => [f, Math.round(v * 100) / 100]),
    ),
  };
  writeFileSync(out, toJson(model));
  console.log(
    `  wrote ${out}: ${Object.keys(model.tagger).length} tagger and ${Object.keys(model.rerank).length} chooser features`,
  );
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
}
