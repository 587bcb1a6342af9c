import type { Redis } from 'ioredis';
import { bandWidths, bandsOf, halvesOf } from '../shared/dedupe/simhash.js';

/**
 * Near-duplicate index over 64-bit SimHash fingerprints, in Redis.
 *
 * LSH by pigeonhole: the fingerprint is cut into `bands` bands. Two
 * fingerprints within Hamming distance `bands − 1` agree on at least one
 * whole band; with `probe` 1 the look-up also visits every bucket one bit
 * away from each of the article's band values, and then any pair within
 * `2 × bands − 1` is found (if every band held two or more of the differing
 * bits, the distance would be at least `2 × bands`). The
 * labelled pairs need a threshold of about 13 bits (`npm run eval:dedupe`),
 * which plain banding could only guarantee with 14 bands of 4–5 bits, i.e.
 * buckets holding 1/16 of all articles; 7 bands of 9–10 bits with one-bit
 * probes give 512–1024 buckets per band instead.
 *
 * Each bucket keeps the `bucketCap` newest originals with their
 * fingerprints inline, so a look-up reads at most `bands × (1 + width)`
 * buckets and compares at most that many × `bucketCap` fingerprints however
 * many articles are indexed: constant work, at the price of a recall window
 * (an original stays findable until `bucketCap` newer originals landed in
 * its bucket, about `bucketCap × 512` originals with the defaults). Only
 * originals are indexed, so a duplicate always links to the first copy.
 *
 * Deciding and indexing happen in one Lua script, so two copies of one story
 * racing through dedupe yield exactly one original.
 *
 * Layout (all under `<prefix>:neardup:`; no key per article, so the hashes
 * stay listpack-encoded with Redis' default limits of 128 fields and 64-byte
 * values):
 * - `seq` — counter numbering articles 1, 2, …
 * - `id:<h>` — hash article id → number; `h` is a hash of the id modulo
 *   `idBuckets`.
 * - `rec:<n div 128>` — hash `n mod 128` → 4 packed bytes (number of the
 *   original, 0 for an original) followed by the article id.
 * - `b<i>:<v div 128>` — hash `v mod 128` → entries of 12 packed bytes
 *   (number, fingerprint high half, low half), newest first, for band `i`
 *   with value `v`.
 *
 * KEYS: 1 seq, 2 this article's `id:<h>` hash (bucket keys depend on probe
 *       values and `rec:` keys on article numbers, so the script builds them
 *       from the prefix; all share its hash tag)
 * ARGV: 1 key prefix, 2 article id, 3 fingerprint high half, 4 low half,
 *       5 threshold, 6 bucket cap, 7 probe radius (0 or 1),
 *       8… per band: its value, then its width in bits
 * Returns { duplicateOf or '', distance or -1, fingerprints compared, Redis
 * commands issued, 1 when the decision was replayed }.
 */
const CHECK_AND_ADD_LUA = `
local prefix, id = ARGV[1], ARGV[2]
local hi, lo = tonumber(ARGV[3]), tonumber(ARGV[4])
local threshold, cap, probe = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local nb = (#ARGV - 7) / 2
local band, bxor, rshift, lshift = bit.band, bit.bxor, bit.rshift, bit.lshift
local ENTRY = 12
local calls = 0

local function recKey(n) return prefix .. ':neardup:rec:' .. math.floor(n / 128) end
local function readRec(n)
  calls = calls + 1
  local v = redis.call('HGET', recKey(n), n % 128)
  if not v then return nil end
  return struct.unpack('>I4', v), string.sub(v, 5)
end
local function bucketKey(i, v) return prefix .. ':neardup:b' .. i .. ':' .. math.floor(v / 128) end
-- SWAR popcount; bit ops wrap to int32, so negative intermediates are fine.
local function popcount(x)
  x = x - band(rshift(x, 1), 0x55555555)
  x = band(x, 0x33333333) + band(rshift(x, 2), 0x33333333)
  x = band(x + rshift(x, 4), 0x0f0f0f0f)
  x = x + rshift(x, 8)
  x = x + rshift(x, 16)
  return band(x, 0x3f)
end

-- A retry (crash after the script ran, job replayed) gets the same answer.
calls = calls + 1
local known = redis.call('HGET', KEYS[2], id)
if known then
  local o = readRec(tonumber(known))
  if o and o > 0 then
    local _, oid = readRec(o)
    return { oid or '', -1, 0, calls, 1 }
  end
  return { '', -1, 0, calls, 1 }
end

local best, bestD = nil, threshold + 1
local seen, own, compared = {}, {}, 0
local function scan(s)
  for p = 1, math.min(#s, ENTRY * cap), ENTRY do
    local c, h, l = struct.unpack('>I4I4I4', s, p)
    if not seen[c] then
      seen[c] = true
      compared = compared + 1
      local d = popcount(bxor(h, hi)) + popcount(bxor(l, lo))
      if d < bestD or (best and d == bestD and c < best) then best, bestD = c, d end
    end
  end
end
for i = 1, nb do
  local v, w = tonumber(ARGV[6 + 2 * i]), tonumber(ARGV[7 + 2 * i])
  calls = calls + 1
  own[i] = redis.call('HGET', bucketKey(i, v), v % 128) or ''
  scan(own[i])
  if probe > 0 then
    for j = 0, w - 1 do
      local u = bxor(v, lshift(1, j))
      calls = calls + 1
      local s = redis.call('HGET', bucketKey(i, u), u % 128)
      if s then scan(s) end
    end
  end
end

local n = redis.call('INCR', KEYS[1])
calls = calls + 3
redis.call('HSET', KEYS[2], id, n)
redis.call('HSET', recKey(n), n % 128, struct.pack('>I4', best or 0) .. id)
if best then
  local _, bestId = readRec(best)
  return { bestId or '', bestD, compared, calls, 0 }
end

local entry = struct.pack('>I4I4I4', n, hi, lo)
for i = 1, nb do
  local v = tonumber(ARGV[6 + 2 * i])
  calls = calls + 1
  redis.call('HSET', bucketKey(i, v), v % 128, entry .. string.sub(own[i], 1, ENTRY * (cap - 1)))
end
return { '', -1, compared, calls, 0 }
`;

/** Options for {@link NearDupIndex}. */
export interface NearDupIndexOptions {
  /**
   * Largest Hamming distance that counts as a near duplicate. Chosen with
   * `npm run eval:dedupe` on the labelled pairs in
   * `tests/fixtures/dedupe/pairs.jsonl`.
   * @defaultValue {@link DEFAULT_NEAR_DUP_THRESHOLD}
   */
  threshold?: number;
  /**
   * Bit flips probed around each band value on look-up: 0 (exact bands
   * only) or 1 (also every value one bit away).
   * @defaultValue 1
   */
  probe?: 0 | 1;
  /**
   * LSH bands; `(probe + 1) × bands − 1` must reach `threshold` so that any
   * pair within it is looked at. More bands mean narrower bands, fuller
   * buckets and a shorter recall window.
   * @defaultValue the fewest that reach `threshold`: `⌈(threshold + 1) /
   *   (probe + 1)⌉`, 7 for the default threshold
   */
  bands?: number;
  /**
   * Newest originals kept per band bucket. Bounds the work per call to
   * `bands × (1 + probe × width) × bucketCap` comparisons however hot a
   * bucket is; also the recall window (see above). 4 entries of 12 bytes
   * stay within the 64-byte listpack value limit.
   * @defaultValue 4
   */
  bucketCap?: number;
  /**
   * Hashes the article-id → number map is spread over. About 1.5M articles
   * fit before the hashes outgrow listpack encoding (128 fields); beyond
   * that it stays correct but costs more memory per article.
   * @defaultValue 16384
   */
  idBuckets?: number;
}

/** The threshold chosen from `npm run eval:dedupe`. */
export const DEFAULT_NEAR_DUP_THRESHOLD = 13;

/** What {@link NearDupIndex.checkAndAddDetailed} reports. */
export interface NearDupDecision {
  /** The original this article duplicates, or null when it is new. */
  duplicateOf: string | null;
  /** Hamming distance to the original; null when new or replayed. */
  distance: number | null;
  /** Indexed fingerprints compared with this one. */
  candidates: number;
  /** Redis commands the script issued (keys touched: about as many). */
  commands: number;
  /** True when the decision was stored by an earlier call. */
  replayed: boolean;
}

type Reply = [string, number, number, number, number];

interface NearDupCommands {
  twNearDupCheck(...args: (string | number)[]): Promise<Reply>;
}

/** FNV-1a 32 of a string: spreads article ids over the id hashes. */
function idHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Finds, for each new article fingerprint, an earlier indexed article
 * within the Hamming threshold, and indexes the article when there is none.
 * See the layout notes on the Lua script above.
 */
export class NearDupIndex {
  readonly threshold: number;
  readonly probe: 0 | 1;
  readonly bands: number;
  readonly bucketCap: number;
  readonly idBuckets: number;
  private readonly widths: number[];

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    opts: NearDupIndexOptions = {},
  ) {
    this.threshold = opts.threshold ?? DEFAULT_NEAR_DUP_THRESHOLD;
    this.probe = opts.probe ?? 1;
    this.bands =
      opts.bands ??
      Math.max(2, Math.ceil((this.threshold + 1) / (this.probe + 1)));
    this.bucketCap = opts.bucketCap ?? 4;
    this.idBuckets = opts.idBuckets ?? 16_384;
    if (!Number.isInteger(this.threshold) || this.threshold < 0) {
      throw new RangeError(`threshold must be ≥ 0, got ${this.threshold}`);
    }
    // Fewer bands would silently miss pairs at the threshold; more than 32
    // would make bands narrower than 2 bits.
    const reach = (this.probe + 1) * this.bands - 1;
    if (this.bands < 2 || this.bands > 32 || reach < this.threshold) {
      throw new RangeError(
        `bands=${this.bands} with probe=${this.probe} reaches distance ` +
          `${reach}, below threshold ${this.threshold} (or outside 2..32)`,
      );
    }
    if (!Number.isInteger(this.bucketCap) || this.bucketCap < 1) {
      throw new RangeError(`bucketCap must be ≥ 1, got ${this.bucketCap}`);
    }
    this.widths = bandWidths(this.bands);
    redis.defineCommand('twNearDupCheck', {
      numberOfKeys: 2,
      lua: CHECK_AND_ADD_LUA,
    });
  }

  /**
   * Decide whether `articleId` with fingerprint `fp` duplicates an indexed
   * article, atomically, and index it when it does not. A second call with
   * the same article id returns the first decision and changes nothing.
   */
  async checkAndAdd(
    articleId: string,
    fp: bigint,
  ): Promise<{ duplicateOf: string | null }> {
    const { duplicateOf } = await this.checkAndAddDetailed(articleId, fp);
    return { duplicateOf };
  }

  /** {@link checkAndAdd} with the distance and the work it took. */
  async checkAndAddDetailed(
    articleId: string,
    fp: bigint,
  ): Promise<NearDupDecision> {
    const [hi, lo] = halvesOf(fp);
    const bandArgs = bandsOf(fp, this.bands).flatMap((v, i) => [
      v,
      this.widths[i]!,
    ]);
    const base = `${this.prefix}:neardup`;
    const [dup, distance, candidates, commands, replayed] = await (
      this.redis as unknown as NearDupCommands
    ).twNearDupCheck(
      `${base}:seq`,
      `${base}:id:${idHash(articleId) % this.idBuckets}`,
      this.prefix,
      articleId,
      hi,
      lo,
      this.threshold,
      this.bucketCap,
      this.probe,
      ...bandArgs,
    );
    return {
      duplicateOf: dup === '' ? null : dup,
      distance: distance < 0 ? null : distance,
      candidates,
      commands,
      replayed: replayed === 1,
    };
  }
}
