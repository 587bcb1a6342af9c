import { describe, expect, it } from 'vitest';

import { DEFAULT_NEAR_DUP_THRESHOLD } from '../../src/queues/near-dup-index.js';
import { PAIRS_PATH } from '../../src/eval/dedupe-fixtures.js';
import { loadPairs, scoreAt, scorePairs } from '../../src/eval/dedupe-score.js';
import {
  bandsOf,
  bandWidths,
  hammingDistance,
  isFingerprintable,
  popcount32,
  simhash64,
} from '../../src/shared/dedupe/simhash.js';

const story = [
  'SEOUL – North Korea has begun sending soldiers to Russia to support the war against Ukraine, South Korean intelligence said on Friday, estimating that around 12,000 troops could eventually be deployed.',
  'The agency said a first group of about 1,500 special forces soldiers had been carried on Russian navy ships to Vladivostok over the past week.',
  'Officials in Seoul said they had tracked the movements with satellite imagery and had shared their findings with allies.',
].join('\n\n');

describe('simhash64', () => {
  it('is deterministic and 64-bit', () => {
    const fp = simhash64(story);
    expect(simhash64(story)).toBe(fp);
    expect(fp >= 0n && fp < 1n << 64n).toBe(true);
  });

  it('ignores case, spacing and digit separators', () => {
    const variant = story
      .toUpperCase()
      .replace(/ /g, '  ')
      .replace('12,000', '12.000');
    expect(hammingDistance(simhash64(story), simhash64(variant))).toBe(0);
  });

  it('ignores short chrome lines', () => {
    const chrome = `World | Asia\n\nBy A. Reporter\n\n${story}\n\nShare this article`;
    expect(hammingDistance(simhash64(story), simhash64(chrome))).toBe(0);
  });

  it('moves far for an unrelated text', () => {
    const other =
      'Ein ganz anderer Text über das Wetter in Hamburg, wo es am Wochenende regnen soll und die Temperaturen auf zwölf Grad fallen, wie der Deutsche Wetterdienst am Donnerstag mitteilte.';
    expect(hammingDistance(simhash64(story), simhash64(other))).toBeGreaterThan(
      16,
    );
  });

  it('returns 0n for a text without words', () => {
    expect(simhash64(' – … ')).toBe(0n);
  });
});

describe('helpers', () => {
  it('hammingDistance counts differing bits', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
    expect(hammingDistance(0b1011n, 0b0110n)).toBe(3);
    expect(hammingDistance(1n << 63n, 1n)).toBe(2);
    expect(popcount32(0xffffffff)).toBe(32);
  });

  it('bandsOf splits into contiguous bands, most significant first', () => {
    const fp = 0x0123456789abcdefn;
    expect(bandsOf(fp, 4)).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(bandWidths(7)).toEqual([10, 9, 9, 9, 9, 9, 9]);
    const bands = bandsOf(fp, 7);
    let rebuilt = 0n;
    bandWidths(7).forEach((w, i) => {
      rebuilt = (rebuilt << BigInt(w)) | BigInt(bands[i]!);
    });
    expect(rebuilt).toBe(fp);
    expect(() => bandsOf(fp, 1)).toThrow(RangeError);
  });

  it('pigeonhole: pairs within bands − 1 bits share a band', () => {
    const fp = 0xfedcba9876543210n;
    for (let trial = 0; trial < 200; trial += 1) {
      let other = fp;
      for (let k = 0; k < 6; k += 1) {
        other ^= 1n << BigInt((trial * 13 + k * 29) % 64);
      }
      const a = bandsOf(fp, 7);
      const b = bandsOf(other, 7);
      expect(a.some((v, i) => v === b[i])).toBe(true);
    }
  });

  it('isFingerprintable needs about 30 words', () => {
    expect(isFingerprintable('Nordkorea schickt Soldaten.')).toBe(false);
    expect(isFingerprintable(story)).toBe(true);
  });

  it('fingerprints a 5 KB article in well under a millisecond', () => {
    const article = story
      .repeat(Math.ceil(5_000 / story.length))
      .slice(0, 5_000);
    for (let i = 0; i < 50; i += 1) simhash64(article);
    const t0 = performance.now();
    for (let i = 0; i < 200; i += 1) simhash64(article);
    expect((performance.now() - t0) / 200).toBeLessThan(1);
  });
});

describe('labelled near-duplicate pairs', () => {
  const pairs = loadPairs(PAIRS_PATH);

  it('has at least 100 pairs, about half duplicates', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    const share = pairs.filter((p) => p.duplicate).length / pairs.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.65);
  });

  it('meets precision ≥ 0.98 and recall ≥ 0.90 at the chosen threshold', () => {
    const s = scoreAt(scorePairs(pairs), DEFAULT_NEAR_DUP_THRESHOLD);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('never calls an update with a new figure or a translation a duplicate', () => {
    const scored = scorePairs(pairs).filter(
      (s) => s.kind === 'update-new-figure' || s.kind === 'translation',
    );
    for (const s of scored) {
      expect(s.distance ?? 64).toBeGreaterThan(DEFAULT_NEAR_DUP_THRESHOLD);
    }
  });
});
