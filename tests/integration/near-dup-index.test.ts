import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { NearDupIndex } from '../../src/queues/near-dup-index.js';
import { PAIRS_PATH } from '../../src/eval/dedupe-fixtures.js';
import { loadPairs } from '../../src/eval/dedupe-score.js';
import { simhash64 } from '../../src/shared/dedupe/simhash.js';

const flip = (fp: bigint, bits: number[]): bigint =>
  bits.reduce((x, b) => x ^ (1n << BigInt(b)), fp);

describe('NearDupIndex (real Redis)', () => {
  let redis: Redis;
  const fresh = (opts = {}): NearDupIndex =>
    new NearDupIndex(redis, `{tw-${randomUUID().slice(0, 8)}}`, opts);
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(() => redis.disconnect());

  it('links a syndicated copy to its original and keeps another story apart', async () => {
    const index = fresh();
    const pairs = loadPairs(PAIRS_PATH);
    const dup = pairs.find((p) => p.id === 'syndicated-chrome-en-casualties')!;
    const other = pairs.find((p) => p.kind === 'same-topic-other-story')!;
    expect(await index.checkAndAdd('orig', simhash64(dup.a))).toEqual({
      duplicateOf: null,
    });
    expect(await index.checkAndAdd('copy', simhash64(dup.b))).toEqual({
      duplicateOf: 'orig',
    });
    expect(await index.checkAndAdd('other', simhash64(other.b))).toEqual({
      duplicateOf: null,
    });
  });

  it('finds every fingerprint within the threshold, and none beyond', async () => {
    const index = fresh();
    const base = 0x0f1e2d3c4b5a6978n;
    await index.checkAndAdd('base', base);
    // Spread the flipped bits so several bands are hit.
    const near = flip(base, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    const r = await index.checkAndAddDetailed('near', near);
    expect(r.duplicateOf).toBe('base');
    expect(r.distance).toBe(13);
    const far = flip(
      base,
      Array.from({ length: 14 }, (_, i) => i * 4 + 1),
    );
    expect((await index.checkAndAdd('far', far)).duplicateOf).toBeNull();
  });

  it('returns the closest original, ties going to the earliest', async () => {
    const index = fresh();
    const base = 0x1234567890abcdefn;
    await index.checkAndAdd('first', flip(base, [1, 2]));
    await index.checkAndAdd(
      'second',
      flip(
        base,
        [
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
          21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        ],
      ),
    );
    await index.checkAndAdd('third', flip(base, [40, 41]));
    expect((await index.checkAndAdd('copy', base)).duplicateOf).toBe('first');
  });

  it('is idempotent per article id', async () => {
    const index = fresh();
    const fp = 0xaaaaaaaa55555555n;
    await index.checkAndAdd('a', fp);
    const first = await index.checkAndAddDetailed('b', flip(fp, [3]));
    const again = await index.checkAndAddDetailed('b', flip(fp, [3]));
    expect(first.duplicateOf).toBe('a');
    expect(again).toMatchObject({ duplicateOf: 'a', replayed: true });
    const orig = await index.checkAndAddDetailed('a', fp);
    expect(orig).toMatchObject({ duplicateOf: null, replayed: true });
    // A replay adds nothing: the seq counter saw two articles.
    const keys = await redis.keys(
      `${(index as unknown as { prefix: string }).prefix}:neardup:seq`,
    );
    expect(await redis.get(keys[0]!)).toBe('2');
  });

  it('two concurrent copies of one story yield exactly one original', async () => {
    const index = fresh();
    const fp = 0x0badc0ffee0ddf00n;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        index.checkAndAdd(`copy-${i}`, flip(fp, [i])),
      ),
    );
    const originals = results.filter((r) => r.duplicateOf === null);
    expect(originals).toHaveLength(1);
    const origId = `copy-${results.findIndex((r) => r.duplicateOf === null)}`;
    for (const r of results) {
      if (r.duplicateOf !== null) expect(r.duplicateOf).toBe(origId);
    }
  });

  it('bucket cap keeps the work per call bounded however hot a bucket is', async () => {
    const index = fresh({ bucketCap: 4 });
    // 200 originals sharing band values but far from each other elsewhere:
    // same high 32 bits, random low bits with ≥ 14 differing bits each.
    const hot = 0xdeadbeefn << 32n;
    const compared: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const low = BigInt((Math.imul(i + 1, 0x9e3779b1) >>> 0) ^ 0x55555555);
      const r = await index.checkAndAddDetailed(`hot-${i}`, hot | low);
      compared.push(r.candidates);
    }
    const maxProbes = index.bands * (1 + 10);
    expect(Math.max(...compared)).toBeLessThanOrEqual(
      maxProbes * index.bucketCap,
    );
    const last = await index.checkAndAddDetailed('hot-last', hot | 0x12345678n);
    expect(last.commands).toBeLessThanOrEqual(
      4 + index.bands * 11 + index.bands + 2,
    );
  });
});
