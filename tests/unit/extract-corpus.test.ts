import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  scorePassages,
  sumCounts,
  toMetrics,
  type Metrics,
  type Passage,
} from '../../src/eval/score-claims.js';
import { extractClaims } from '../../src/shared/extract/claims.js';

// Every labelled file, held-out ones included: only aggregate numbers are
// asserted, so no passage is shown when a floor fails.
const DIR = new URL('../fixtures/claims/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
// The blind corpora written for issue 10, one folder each (dev and holdout).
const BLIND = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name.startsWith('blind'))
  .flatMap((e) =>
    readdirSync(new URL(`${e.name}/`, DIR))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => `${e.name}/${f}`),
  )
  .sort();

const load = (file: string): Passage[] =>
  readFileSync(new URL(file, DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Passage);

const score = (file: string): Metrics =>
  scorePassages(load(file), (p) => extractClaims(p.text, { lang: p.lang }));
// The hand rules alone, without the learned second look at claimants.
const scoreRules = (file: string): Metrics =>
  scorePassages(load(file), (p) =>
    extractClaims(p.text, { lang: p.lang, model: null }),
  );

// Floors just under the values reached; raise them as the extractor improves
// so that a regression fails here. Attribution counts another name of the
// same agency as right (`sameClaimant`); it moves by about half a point
// from one retraining to the next.
const FLOORS = {
  f1: 0.99,
  qualifier: 0.995,
  event: 0.99,
  attribution: 0.98,
};
// Over 4,120 passages with blind corpora 10 to 17 (new and harder than
// the rest): on 2026-12-03 (session 11) f1 0.962, qualifier 0.993, event
// 0.960, attribution 0.913 and source 0.927, the rules alone 0.842 and
// 0.852. Over the 3,520 passages before blind 16 (session 10) they were
// f1 0.964, event 0.962, attribution 0.917, source 0.933.
const BLIND_FLOORS = {
  f1: 0.96,
  qualifier: 0.99,
  event: 0.957,
  attribution: 0.907,
  source: 0.922,
};
// The rules alone must not slip behind the model either.
const RULE_FLOORS = { attribution: 0.838, source: 0.848 };

describe('blind corpora', () => {
  const all = toMetrics(sumCounts(BLIND.map(score)));

  it('reads every blind corpus', () => {
    expect(BLIND.length).toBeGreaterThanOrEqual(144);
    expect(all.passages).toBeGreaterThanOrEqual(4120);
  });

  it('stays above the blind floors', () => {
    expect(all.f1).toBeGreaterThanOrEqual(BLIND_FLOORS.f1);
    expect(all.qualifier).toBeGreaterThanOrEqual(BLIND_FLOORS.qualifier);
    expect(all.event).toBeGreaterThanOrEqual(BLIND_FLOORS.event);
    expect(all.attribution).toBeGreaterThanOrEqual(BLIND_FLOORS.attribution);
    expect(all.source).toBeGreaterThanOrEqual(BLIND_FLOORS.source);
  });

  it('keeps the hand rules alone above their floors', () => {
    const rules = toMetrics(sumCounts(BLIND.map(scoreRules)));
    expect(rules.attribution).toBeGreaterThanOrEqual(RULE_FLOORS.attribution);
    expect(rules.source).toBeGreaterThanOrEqual(RULE_FLOORS.source);
  });
});

describe('every labelled passage', () => {
  it('runs the rules without an error (which would lose its claims)', () => {
    const failed: string[] = [];
    for (const file of [...FILES, ...BLIND])
      for (const p of load(file)) {
        try {
          extractClaims(p.text, { lang: p.lang, strict: true });
        } catch (err) {
          failed.push(`${p.id}: ${String(err)}`);
        }
      }
    expect(failed).toEqual([]);
  });
});

describe('labelled corpus', () => {
  const perFile = new Map(FILES.map((f) => [f, score(f)]));

  it('holds the seed articles at F1 1.0', () => {
    const m = perFile.get('seeds.jsonl') as Metrics;
    expect(m.passages).toBe(5);
    expect(m.f1).toBe(1);
    expect(m.qualifier).toBe(1);
    expect(m.event).toBe(1);
  });

  it('holds the starter passages at F1 ≥ 0.98', () => {
    const m = perFile.get('starter.jsonl') as Metrics;
    expect(m.passages).toBeGreaterThanOrEqual(100);
    expect(m.f1).toBeGreaterThanOrEqual(0.98);
  });

  it('stays above the corpus-wide floors', () => {
    const all = toMetrics(sumCounts([...perFile.values()]));
    expect(all.f1).toBeGreaterThanOrEqual(FLOORS.f1);
    expect(all.qualifier).toBeGreaterThanOrEqual(FLOORS.qualifier);
    expect(all.event).toBeGreaterThanOrEqual(FLOORS.event);
    expect(all.attribution).toBeGreaterThanOrEqual(FLOORS.attribution);
  });
});
