import { describe, expect, it } from 'vitest';

import {
  bootstrapStd,
  docPrecision,
  docRecall,
  scoreDoc,
  seededRandom,
  shingles,
  summarize,
  tokenize,
  type DocScore,
} from '../../src/bench/clean-score.js';

describe('tokenize', () => {
  it('keeps letters, digits and underscores, drops punctuation', () => {
    expect(tokenize('Kim’s 11,000 Soldaten – snake_case, Ärger!')).toEqual([
      'Kim',
      's',
      '11',
      '000',
      'Soldaten',
      'snake_case',
      'Ärger',
    ]);
  });

  it('preserves case and splits at combining marks, like Python \\w', () => {
    expect(tokenize('Apple apple')).toEqual(['Apple', 'apple']);
    // "e" + U+0301 COMBINING ACUTE ACCENT: the mark is not a word char.
    expect(tokenize('cafe\u0301 x')).toEqual(['cafe', 'x']);
  });
});

describe('shingles', () => {
  it('counts overlapping 4-grams as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
    expect(s.get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
  });

  it('makes one short shingle below four tokens, none for no tokens', () => {
    expect([...shingles('a b').keys()]).toEqual(['a\u0001b']);
    expect(shingles(' ,. ').size).toBe(0);
  });
});

describe('scoreDoc', () => {
  it('normalises TP/FP/FN by their sum', () => {
    // Truth: 1 2 3 4 5 -> shingles [1234, 2345].
    // Prediction: 1 2 3 4 9 -> shingles [1234, 2349]. TP 1, FP 1, FN 1.
    const d = scoreDoc('1 2 3 4 5', '1 2 3 4 9');
    expect(d.tp).toBeCloseTo(1 / 3);
    expect(d.fp).toBeCloseTo(1 / 3);
    expect(d.fn).toBeCloseTo(1 / 3);
    expect(docPrecision(d)).toBeCloseTo(0.5);
    expect(docRecall(d)).toBeCloseTo(0.5);
    expect(d.exact).toBe(false);
  });

  it('counts repeated shingles with their multiplicity', () => {
    // Truth: [abcd]. Prediction: abcd, bcda, cdab, dabc, abcd, so only
    // one of the two abcd matches: TP 1, FP 4, FN 0.
    const d = scoreDoc('a b c d', 'a b c d. a b c d');
    expect(docPrecision(d)).toBeCloseTo(1 / 5);
    expect(docRecall(d)).toBe(1);
  });

  it('ignores punctuation and whitespace for exact matches', () => {
    const d = scoreDoc('Hello, world!\n\nBye.', 'Hello world Bye');
    expect(d).toEqual({ tp: 1, fp: 0, fn: 0, exact: true });
  });

  it('treats two empty texts as a perfect document', () => {
    const d = scoreDoc('', '');
    expect(docPrecision(d)).toBe(1);
    expect(docRecall(d)).toBe(1);
    expect(d.exact).toBe(true);
  });
});

describe('summarize', () => {
  const perfect = scoreDoc('a b c d e', 'a b c d e');
  const half = scoreDoc('1 2 3 4 5', '1 2 3 4 9'); // P 0.5, R 0.5
  const empty = scoreDoc('a b c d e', ''); // no prediction: R 0

  it('averages precision over non-empty predictions only', () => {
    const s = summarize([perfect, half, empty]);
    expect(s.precision).toBeCloseTo((1 + 0.5) / 2);
    expect(s.recall).toBeCloseTo((1 + 0.5 + 0) / 3);
    // F1 of the averages, not the average of per-document F1.
    const f1 = (2 * 0.75 * 0.5) / (0.75 + 0.5);
    expect(s.f1).toBeCloseTo(f1);
    expect(s.accuracy).toBeCloseTo(1 / 3);
    expect(s.docs).toBe(3);
  });

  it('averages recall over non-empty truths only', () => {
    const spurious = scoreDoc('', 'a b c d'); // nothing to find: P 0
    const s = summarize([perfect, spurious]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(0.5);
  });
});

describe('bootstrapStd', () => {
  it('is zero when every document scores the same', () => {
    const docs: DocScore[] = Array.from({ length: 20 }, () =>
      scoreDoc('a b c d e', 'a b c d e'),
    );
    const sd = bootstrapStd(docs, seededRandom(7), 50);
    expect(sd).toEqual({ f1: 0, precision: 0, recall: 0, accuracy: 0 });
  });

  it('is reproducible when seeded and positive on mixed data', () => {
    const docs = [
      scoreDoc('a b c d e', 'a b c d e'),
      scoreDoc('1 2 3 4 5', '1 2 3 4 9'),
      scoreDoc('a b c d e', ''),
    ];
    const a = bootstrapStd(docs, seededRandom(1), 200);
    const b = bootstrapStd(docs, seededRandom(1), 200);
    expect(a).toEqual(b);
    expect(a.f1).toBeGreaterThan(0);
  });
});
