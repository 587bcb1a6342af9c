/**
 * 64-bit SimHash fingerprints of article bodies for near-duplicate
 * detection (syndicated wire copies with other page chrome, light edits).
 *
 * The text is normalised (NFKC, lower case, `ß` → `ss`), split into runs of
 * Unicode letters and digits, and hashed as overlapping word shingles. Each
 * shingle votes on the 64 output bits with a 64-bit hash built from two
 * independent 32-bit MurmurHash3-style lanes over per-word FNV-1a hashes, so
 * everything stays in 32-bit integer arithmetic (no BigInt in the hot loop;
 * about 0.1 ms for a 5 KB article, see `npm run bench:dedupe`).
 *
 * Pure: no I/O.
 */

/** Options for {@link simhash64}. */
export interface SimhashOptions {
  /**
   * Words per shingle. 3 measured best on the labelled pairs
   * (`npm run eval:dedupe`): 1–2 make different stories on one topic look
   * alike, 4+ let a fixed typo or one changed word move more bits.
   * @defaultValue 3
   */
  shingle?: number;
  /**
   * Only body-like lines are fingerprinted: at least this many words and
   * ending like a sentence (`.`, `!`, `?`, a closing quote). Residual page
   * chrome that survives cleaning — nav crumbs, headlines, bylines, photo
   * credits, "Read more" links, URLs, share lines — fails one of the two, and
   * each such line in a 300-word story would otherwise move 3–5 bits.
   * 0 keeps every line. When fewer than {@link MIN_FINGERPRINT_WORDS} words
   * survive, all lines are used again.
   * @defaultValue 8
   */
  minLineWords?: number;
}

/** Default words per shingle. */
export const DEFAULT_SHINGLE = 3;

/** Default shortest line (in words) that is fingerprinted. */
export const DEFAULT_MIN_LINE_WORDS = 8;

/**
 * Texts with fewer words than this get no reliable fingerprint: with few
 * shingles one changed word flips many bits, and unrelated short texts
 * (captions, teasers) land close together by chance. Callers dedupe them by
 * exact hash only.
 */
export const MIN_FINGERPRINT_WORDS = 30;

const TOKEN = /[\p{L}\p{N}]+/gu;
// A body paragraph ends like a sentence, possibly inside quotes or brackets.
const SENTENCE_END = /[.!?…]["'“”‘’»«)\]]*\s*$/u;

/**
 * Normalised words of `text`: NFKC, lower case, `ß` → `ss` (Swiss spelling
 * and typo fixes), runs of Unicode letters and digits. Digit groups split on
 * separators, so `12,000`, `12.000` and `12 000` give the same words.
 */
export function words(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss');
  return normal.match(TOKEN) ?? [];
}

/**
 * Whether `text` is long enough for a meaningful fingerprint
 * (at least {@link MIN_FINGERPRINT_WORDS} words).
 */
export function isFingerprintable(text: string): boolean {
  let n = 0;
  const re = new RegExp(TOKEN);
  while (re.exec(text) !== null) {
    n += 1;
    if (n >= MIN_FINGERPRINT_WORDS) return true;
  }
  return false;
}

/**
 * The words that are fingerprinted: those of body-like lines (see
 * {@link SimhashOptions.minLineWords}), or all words when too few would
 * remain.
 */
export function fingerprintWords(
  text: string,
  minLineWords: number = DEFAULT_MIN_LINE_WORDS,
): string[] {
  if (minLineWords <= 0) return words(text);
  const kept: string[] = [];
  let all = 0;
  for (const line of text.split(/\r?\n/)) {
    const w = words(line);
    all += w.length;
    if (w.length >= minLineWords && SENTENCE_END.test(line)) {
      for (const x of w) kept.push(x);
    }
  }
  if (kept.length >= MIN_FINGERPRINT_WORDS || kept.length === all) {
    return kept;
  }
  return words(text);
}

/** FNV-1a 32 over UTF-16 code units with a given offset basis. */
function fnv1a32(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 finaliser: full avalanche of a 32-bit value. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 block step: mixes a 32-bit block into the state. */
function mixBlock(state: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = state ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

// Independent seeds for the two 32-bit lanes of the 64-bit shingle hash.
const BASIS_HI = 0x811c9dc5;
const BASIS_LO = 0x050c5d1f;
const SEED_HI = 0x9747b28c;
const SEED_LO = 0x2f8b7a13;

/**
 * 64-bit SimHash of `text` over word shingles.
 *
 * @returns the fingerprint as an unsigned 64-bit bigint (0n for a text
 *   without words).
 */
export function simhash64(text: string, opts: SimhashOptions = {}): bigint {
  const [hi, lo] = simhashHalves(text, opts);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * {@link simhash64} as two unsigned 32-bit halves `[high, low]`, the form the
 * Redis index stores.
 */
export function simhashHalves(
  text: string,
  opts: SimhashOptions = {},
): [number, number] {
  const shingle = Math.max(1, Math.floor(opts.shingle ?? DEFAULT_SHINGLE));
  const ws = fingerprintWords(text, opts.minLineWords);
  if (ws.length === 0) return [0, 0];
  const n = ws.length;
  const hiWords = new Uint32Array(n);
  const loWords = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    hiWords[i] = fnv1a32(ws[i]!, BASIS_HI);
    loWords[i] = fnv1a32(ws[i]!, BASIS_LO);
  }
  // A text shorter than one shingle is one shingle.
  const size = Math.min(shingle, n);
  const count = n - size + 1;
  // Per bit, how many shingles set it; the bit is set when a majority does.
  const votes = new Int32Array(64);
  for (let s = 0; s < count; s += 1) {
    let h = SEED_HI;
    let l = SEED_LO;
    for (let j = s; j < s + size; j += 1) {
      h = mixBlock(h, hiWords[j]!);
      l = mixBlock(l, loWords[j]!);
    }
    h = fmix32(h ^ size);
    l = fmix32(l ^ size);
    for (let b = 0; b < 32; b += 1) {
      votes[b] += (h >>> b) & 1;
      votes[32 + b] += (l >>> b) & 1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b += 1) {
    // Ties (possible with an even count) resolve to 0, deterministically.
    if (2 * votes[b]! > count) hi |= 1 << b;
    if (2 * votes[32 + b]! > count) lo |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

/** Set bits of a 32-bit value. */
export function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

const MASK32 = 0xffffffffn;

/** Number of differing bits between two 64-bit fingerprints. */
export function hammingDistance(a: bigint, b: bigint): number {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x >> 32n)) + popcount32(Number(x & MASK32));
}

/**
 * Bit widths of `bands` bands covering 64 bits: equal when `bands` divides
 * 64, else the first `64 % bands` bands are one bit wider.
 */
export function bandWidths(bands: number): number[] {
  if (!Number.isInteger(bands) || bands < 2 || bands > 64) {
    throw new RangeError(`bands must be an integer in 2..64, got ${bands}`);
  }
  const base = Math.floor(64 / bands);
  const wider = 64 % bands;
  return Array.from({ length: bands }, (_, i) => base + (i < wider ? 1 : 0));
}

/**
 * Split a fingerprint into `bands` contiguous bit bands, most significant
 * first (widths from {@link bandWidths}). Two fingerprints within Hamming
 * distance `bands - 1` agree on at least one band (pigeonhole), which is
 * what the LSH index buckets on.
 *
 * @param bands - 2..64, so every band fits a safe integer (≤ 32 bits).
 */
export function bandsOf(fp: bigint, bands: number): number[] {
  const widths = bandWidths(bands);
  const out: number[] = [];
  let shift = 64;
  const v = BigInt.asUintN(64, fp);
  for (const w of widths) {
    shift -= w;
    out.push(Number((v >> BigInt(shift)) & ((1n << BigInt(w)) - 1n)));
  }
  return out;
}

/** Unsigned 32-bit halves `[high, low]` of a 64-bit fingerprint. */
export function halvesOf(fp: bigint): [number, number] {
  const v = BigInt.asUintN(64, fp);
  return [Number(v >> 32n), Number(v & MASK32)];
}
