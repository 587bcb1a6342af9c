import { describe, expect, it } from 'vitest';
import { EVENTS, QUALIFIERS, UNITS } from '../../src/shared/claim.js';
import { extractClaims } from '../../src/shared/extract/claims.js';
import { findNumbers } from '../../src/shared/extract/number/parse.js';

const MB = 1_000_000;

// The opening names North Korea and Russia, so that the input passes the
// extractor's cheap gates and every rule runs on it.
const repeat = (unit: string, bytes: number): string =>
  `Nordkorea und Russland: ${unit.repeat(Math.ceil(bytes / unit.length))}`;

/** Seconds `extractClaims` takes on `input` (best of two, to damp noise). */
function seconds(input: string): number {
  let best = Infinity;
  for (let r = 0; r < 2; r += 1) {
    const t0 = performance.now();
    extractClaims(input, { lang: 'de' });
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

// Inputs that make a careless regex or a nested scan backtrack or go
// quadratic: long runs of digits, of grouping separators, of qualifiers.
const PATHOLOGICAL = [
  { name: 'digits', unit: '0123456789' },
  { name: 'grouped digits', unit: '1.000.000.' },
  { name: 'repeated "mehr als"', unit: 'mehr als ' },
  { name: 'repeated "über"', unit: 'über ' },
  { name: 'separators', unit: '., \u2009\u00a0\u202f-–' },
  { name: 'qualifiers and figures', unit: 'more than about 1,000 ' },
  { name: 'number words', unit: 'zwölftausend ' },
];

describe('extractClaims runs in linear time', () => {
  it.each(PATHOLOGICAL)(
    '$name: 4× the input takes ≈4× the time',
    ({ unit }) => {
      const small = seconds(repeat(unit, MB / 2));
      const large = seconds(repeat(unit, 2 * MB));
      // Linear growth gives 4×, quadratic 16×: allow 10× plus fixed noise.
      expect(large).toBeLessThan(10 * small + 0.5);
      // And an absolute bound: 2 MB in well under the 10 MB budget.
      expect(large).toBeLessThan(8);
    },
  );

  it('finishes 10 MB of digits within 20 s', () => {
    const input = repeat('0123456789', 10 * MB);
    const t0 = performance.now();
    expect(extractClaims(input, { lang: 'de' })).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

/** Deterministic pseudo-random numbers (LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

// Pieces of text the grammar reacts to, and characters that break naive
// code: separators, every space, surrogates (paired and lone), NUL, BOM.
const PIECES = [
  '0',
  '1',
  '12',
  '000',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\u2009',
  '\u202f',
  '-',
  '–',
  '—',
  '\n',
  '%',
  '$',
  '€',
  'k',
  'Mio.',
  'Millionen',
  'Tsd.',
  'bis',
  'to',
  'zwischen',
  'und',
  'and',
  'rund ',
  'über ',
  'mehr als ',
  'up to ',
  'at least ',
  'about ',
  'some ',
  'Nordkorea',
  'North Korea',
  'nordkoreanische ',
  'Soldaten',
  'troops',
  'Offiziere',
  'workers',
  'getötet',
  'killed',
  'sollen ',
  'could ',
  'laut ',
  'according to ',
  'said',
  ', sagte ',
  'NIS',
  '„',
  '“',
  '"',
  '(',
  ')',
  'zwölftausend',
  'two thousand',
  'a dozen',
  'Oktober',
  'Oct.',
  '2024',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  '\u0000',
  '\ufeff',
  'ä',
  'ß',
  ':',
  'davon ',
  'of them',
  'weitere ',
  'or so',
  '-strong',
  'Kursk',
  'Russland',
];

describe('extractClaims on random input', () => {
  it('never throws and keeps offsets and fields consistent', () => {
    const rand = rng(7);
    for (let n = 0; n < 400; n += 1) {
      let s = '';
      const len = Math.floor(rand() * 80);
      for (let i = 0; i < len; i += 1)
        s += PIECES[Math.floor(rand() * PIECES.length)];
      for (const lang of [undefined, 'de', 'en'] as const) {
        const claims = extractClaims(s, lang ? { lang } : {});
        for (const c of claims) {
          expect(s.slice(c.start, c.end)).toBe(c.text);
          expect(c.start).toBeLessThan(c.end);
          expect(s.includes(c.sentence)).toBe(true);
          expect(Number.isFinite(c.value)).toBe(true);
          expect(QUALIFIERS).toContain(c.qualifier);
          expect(UNITS).toContain(c.unit);
          expect(EVENTS).toContain(c.event);
          expect(c.actor).toBe('KP');
        }
      }
      for (const m of findNumbers(s))
        expect(s.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it.each([
    {
      name: 'binary bytes',
      text: String.fromCharCode(
        ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256),
      ),
    },
    { name: 'replacement characters', text: '\ufffd'.repeat(5000) },
    {
      name: 'lone surrogates',
      text: '\ud800\udc00\ud800 12.000 Soldaten \udfff',
    },
    {
      name: 'NUL bytes',
      text: 'Nordkorea\u0000 hat\u0000 12.000\u0000 Soldaten',
    },
  ])('survives $name', ({ text }) => {
    expect(() => extractClaims(text)).not.toThrow();
    expect(Array.isArray(extractClaims(text))).toBe(true);
  });
});
