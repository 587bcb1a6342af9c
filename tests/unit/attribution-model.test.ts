/**
 * The learned second look at claimants (`learned-source.ts`): the compiled
 * tagger scores as the trainer's features do, the shipped weights are what
 * `train:attribution` makes from the labelled corpus without its held-out
 * files, and the model changes who says a figure, never the figure.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isHeldOut,
  listCorpus,
  loadPassages,
} from '../../src/eval/corpus-files.js';
import { extractClaims } from '../../src/shared/extract/claims.js';
import { Tagger } from '../../src/shared/extract/compiled-tagger.js';
import {
  shippedModel,
  blocksAround,
  modelFrom,
  type AttributionModelJson,
} from '../../src/shared/extract/learned-source.js';
import {
  BEGIN,
  INSIDE,
  OUT,
  emissionsOf,
  tokenFeatures,
  transitionsOf,
  viterbi,
  viterbiBySentence,
} from '../../src/shared/extract/span-tagger.js';
import {
  lowerCopy,
  splitSentences,
  tokenize,
} from '../../src/shared/extract/text.js';
import { seededRandom } from '../../src/shared/seeded-random.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = path.join(
  ROOT,
  'src/shared/extract/lexicon/attribution-model.json',
);
const shipped = (): AttributionModelJson =>
  JSON.parse(readFileSync(MODEL, 'utf8')) as AttributionModelJson;

const trainingFiles = listCorpus().filter((f) => !isHeldOut(f));
const passages = trainingFiles.flatMap(loadPassages);

/** Every sentence of a passage as one block, as the trainer reads it. */
function wholeBlock(text: string) {
  const lower = lowerCopy(text);
  const sentences = splitSentences(text).map((s) => tokenize(text, s, lower));
  const [block] = blocksAround(
    sentences.map((_, si) => ({ si, reach: 0 })),
    sentences.length,
    (i) => sentences[i] ?? [],
  );
  return block ?? [];
}

describe('compiled tagger', () => {
  const weights = new Map(Object.entries(shipped().tagger));
  const tagger = new Tagger(weights);

  it('scores every token as the sum of its feature weights', () => {
    let tokens = 0;
    let worst = 0;
    for (const p of passages.filter((_, i) => i % 7 === 0)) {
      const block = wholeBlock(p.text);
      const fast = tagger.emissions(block, p.lang);
      const slow = emissionsOf(
        weights,
        block.map((_, i) => tokenFeatures(block, i, p.lang)),
      );
      fast.forEach(
        (v, k) => (worst = Math.max(worst, Math.abs(v - (slow[k] as number)))),
      );
      tokens += block.length;
    }
    expect(tokens).toBeGreaterThan(5000);
    expect(worst).toBeLessThan(1e-9);
  });

  it('reads the same tags as the trainer, and marks claimant phrases', () => {
    let phrases = 0;
    for (const p of passages.slice(0, 200)) {
      const block = wholeBlock(p.text);
      const slow = viterbiBySentence(
        emissionsOf(
          weights,
          block.map((_, i) => tokenFeatures(block, i, p.lang)),
        ),
        transitionsOf(weights),
        block,
      );
      const fast = tagger.tag(block, p.lang);
      expect(fast).toEqual(slow);
      phrases += fast.filter((t) => t === BEGIN).length;
    }
    expect(phrases).toBeGreaterThan(100);
  });
});

describe('viterbi', () => {
  it('never puts "inside" right after "outside" or first', () => {
    const random = seededRandom(3);
    const moves = [0, 1, 2, 3].map(() => [0, 1, 2].map(() => random() * 4 - 2));
    for (let run = 0; run < 50; run += 1) {
      const n = 1 + Math.floor(random() * 30);
      const scores = Float64Array.from(
        { length: n * 3 },
        () => random() * 10 - 5,
      );
      const tags = viterbi(scores, moves);
      expect(tags).toHaveLength(n);
      expect(tags[0]).not.toBe(INSIDE);
      tags.forEach((t, i) => {
        if (t === INSIDE) expect(tags[i - 1]).not.toBe(OUT);
      });
    }
  });
});

describe('shipped attribution model', () => {
  it('is what train:attribution makes from the corpus, held-out files left out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'troopwatch-train-'));
    try {
      const out = path.join(dir, 'model.json');
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'dist/eval/train-attribution.js'), '--out', out],
        { stdio: 'pipe' },
      );
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(MODEL, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(shipped().about).toContain(
      `from ${passages.length} labelled passages`,
    );
    expect(trainingFiles.some(isHeldOut)).toBe(false);
    // Training takes 80–140 s on a busy two-core machine (five fold taggers,
    // the shipped tagger in three orders, the chooser).
  }, 300_000);

  it('changes who says a figure, never the figure, its event or qualifier', () => {
    let changed = 0;
    let claims = 0;
    for (const p of passages) {
      const rules = extractClaims(p.text, { lang: p.lang, model: null });
      const learned = extractClaims(p.text, { lang: p.lang });
      expect(learned.map(({ attribution, source, ...c }) => c)).toEqual(
        rules.map(({ attribution, source, ...c }) => c),
      );
      claims += rules.length;
      changed += learned.filter(
        (c, i) => c.attribution !== rules[i]?.attribution,
      ).length;
    }
    expect(claims).toBeGreaterThan(1000);
    // A second look, not a second rule set: most answers stay the rules'.
    expect(changed).toBeGreaterThan(0);
    expect(changed / claims).toBeLessThan(0.2);
  });

  it('reads its JSON form', () => {
    const model = modelFrom({ tagger: {}, rerank: { NULL: -1 } });
    expect(model.rerank.get('NULL')).toBe(-1);
    expect(shippedModel().rerank.size).toBeGreaterThan(50);
  });
});
