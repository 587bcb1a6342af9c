/**
 * `npm run bench:dedupe`: cost and memory of the near-duplicate index.
 *
 * Starts its own throwaway redis-server, then indexes synthetic articles —
 * random 64-bit fingerprints (like those of unrelated stories) plus a share
 * of near-duplicates of a recent original (1..threshold bits flipped) — up to
 * 100k and then 1M. At each size it times sequential `checkAndAdd` calls
 * (median and p99 round trip over a unix socket, plus the server-side mean
 * from `INFO commandstats`), reports Redis commands and fingerprints per
 * call, bytes of Redis memory per indexed article (used_memory delta /
 * articles), how many planted near-duplicates were found and how many
 * random articles matched by chance. Also times `simhash64` on a 5 KB
 * article.
 *
 * Options: `--sizes 100000,1000000`, `--cap <bucketCap>`, `--dup-share 0.1`.
 */
import { readFileSync } from 'node:fs';

import {
  DEFAULT_NEAR_DUP_THRESHOLD,
  NearDupIndex,
} from '../queues/near-dup-index.js';
import { simhash64 } from '../shared/dedupe/simhash.js';
import { PAIRS_PATH } from '../eval/dedupe-fixtures.js';
import { seededRandom } from '../shared/seeded-random.js';
import { startThrowawayRedis } from './dedupe-redis.js';

interface Args {
  sizes: number[];
  cap?: number;
  dupShare: number;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { sizes: [100_000, 1_000_000], dupShare: 0.1 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--sizes') out.sizes = argv[++i]!.split(',').map(Number);
    else if (argv[i] === '--cap') out.cap = Number(argv[++i]);
    else if (argv[i] === '--dup-share') out.dupShare = Number(argv[++i]);
  }
  return out;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? 0;
}

/** Synthetic article stream: random originals and near-duplicates. */
class Workload {
  private readonly rnd = seededRandom(7);
  private readonly recent: bigint[] = [];
  private seq = 0;
  planted = 0;
  found = 0;
  randomMatched = 0;

  constructor(
    private readonly dupShare: number,
    private readonly maxFlip: number,
  ) {}

  private u32(): bigint {
    return BigInt(Math.floor(this.rnd() * 2 ** 32));
  }

  next(): { id: string; fp: bigint; planted: boolean } {
    this.seq += 1;
    const id = `bench-${this.seq.toString(36)}`;
    if (this.recent.length > 0 && this.rnd() < this.dupShare) {
      // Syndicated copies follow their original within hours: pick one of
      // the last 500 originals and flip 1..threshold random bits.
      const back = Math.floor(this.rnd() * Math.min(500, this.recent.length));
      let fp = this.recent[this.recent.length - 1 - back]!;
      const flips = 1 + Math.floor(this.rnd() * this.maxFlip);
      const bits = new Set<number>();
      while (bits.size < flips) bits.add(Math.floor(this.rnd() * 64));
      for (const b of bits) fp ^= 1n << BigInt(b);
      return { id, fp, planted: true };
    }
    const fp = (this.u32() << 32n) | this.u32();
    this.recent.push(fp);
    if (this.recent.length > 1000) this.recent.splice(0, 500);
    return { id, fp, planted: false };
  }

  record(planted: boolean, duplicateOf: string | null): void {
    if (planted) {
      this.planted += 1;
      if (duplicateOf !== null) this.found += 1;
    } else if (duplicateOf !== null) {
      this.randomMatched += 1;
    }
  }
}

async function usedMemory(
  redis: import('ioredis').Redis,
): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
}

async function scriptMeanUs(redis: import('ioredis').Redis): Promise<number> {
  const info = await redis.info('commandstats');
  const m = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(info);
  return m ? Number(m[2]) / Number(m[1]) : NaN;
}

function simhashSpeed(): { bytes: number; medianUs: number } {
  const texts = readFileSync(PAIRS_PATH, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { a: string }).a);
  let article = '';
  for (const t of texts) {
    if (article.length >= 5_000) break;
    article += `${t}\n\n`;
  }
  article = article.slice(0, 5_000);
  for (let i = 0; i < 200; i += 1) simhash64(article);
  const times: number[] = [];
  for (let i = 0; i < 2_000; i += 1) {
    const t0 = performance.now();
    simhash64(article);
    times.push((performance.now() - t0) * 1_000);
  }
  times.sort((a, b) => a - b);
  return { bytes: Buffer.byteLength(article), medianUs: quantile(times, 0.5) };
}

interface Row {
  size: number;
  medianUs: number;
  p99Us: number;
  serverUs: number;
  commands: number;
  maxCommands: number;
  candidates: number;
  maxCandidates: number;
  bytesPerArticle: number;
  keys: number;
  loadSeconds: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const speed = simhashSpeed();
  console.log(
    `simhash64 on a ${speed.bytes}-byte article: median ` +
      `${speed.medianUs.toFixed(1)} µs`,
  );

  const server = await startThrowawayRedis();
  const { redis } = server;
  try {
    await redis.flushall();
    const index = new NearDupIndex(redis, '{bench}', {
      ...(args.cap === undefined ? {} : { bucketCap: args.cap }),
    });
    console.log(
      `index: threshold=${index.threshold} bands=${index.bands} ` +
        `probe=${index.probe} bucketCap=${index.bucketCap}\n`,
    );
    const work = new Workload(args.dupShare, DEFAULT_NEAR_DUP_THRESHOLD);
    const base = await usedMemory(redis);
    let indexed = 0;
    const rows: Row[] = [];
    const BATCH = 512;
    for (const size of args.sizes) {
      const t0 = performance.now();
      const SAMPLE = 2_000;
      while (indexed < size - SAMPLE) {
        const n = Math.min(BATCH, size - SAMPLE - indexed);
        const batch = Array.from({ length: n }, () => work.next());
        // Issued together, the calls share one pipelined connection.
        const results = await Promise.all(
          batch.map((a) => index.checkAndAdd(a.id, a.fp)),
        );
        results.forEach((r, i) => work.record(batch[i]!.planted, r.duplicateOf));
        indexed += n;
        if (indexed % 100_000 < BATCH) {
          process.stderr.write(`  ${indexed} articles\r`);
        }
      }
      const loadSeconds = (performance.now() - t0) / 1_000;
      await redis.config('RESETSTAT');
      const times: number[] = [];
      let commands = 0;
      let maxCommands = 0;
      let candidates = 0;
      let maxCandidates = 0;
      for (let i = 0; i < SAMPLE; i += 1) {
        const a = work.next();
        const t = performance.now();
        const r = await index.checkAndAddDetailed(a.id, a.fp);
        times.push((performance.now() - t) * 1_000);
        work.record(a.planted, r.duplicateOf);
        commands += r.commands;
        maxCommands = Math.max(maxCommands, r.commands);
        candidates += r.candidates;
        maxCandidates = Math.max(maxCandidates, r.candidates);
      }
      indexed += SAMPLE;
      const serverUs = await scriptMeanUs(redis);
      times.sort((x, y) => x - y);
      const used = await usedMemory(redis);
      rows.push({
        size: indexed,
        medianUs: quantile(times, 0.5),
        p99Us: quantile(times, 0.99),
        serverUs,
        commands: commands / SAMPLE,
        maxCommands,
        candidates: candidates / SAMPLE,
        maxCandidates,
        bytesPerArticle: (used - base) / indexed,
        keys: await redis.dbsize(),
        loadSeconds,
      });
      const enc = await redis.call(
        'OBJECT',
        'ENCODING',
        '{bench}:neardup:rec:1',
      );
      console.log(
        `${indexed} articles indexed (load ${loadSeconds.toFixed(0)} s); ` +
          `rec hash encoding: ${String(enc)}`,
      );
    }
    console.log('');
    console.log(
      'articles   median µs  p99 µs  server µs  cmds/call (max)  ' +
        'compared/call (max)  keys     bytes/article',
    );
    for (const r of rows) {
      console.log(
        `${String(r.size).padStart(8)}  ${r.medianUs.toFixed(0).padStart(9)}  ` +
          `${r.p99Us.toFixed(0).padStart(6)}  ${r.serverUs.toFixed(0).padStart(9)}  ` +
          `${r.commands.toFixed(1).padStart(9)} (${String(r.maxCommands).padStart(3)})  ` +
          `${r.candidates.toFixed(1).padStart(13)} (${String(r.maxCandidates).padStart(3)})  ` +
          `${String(r.keys).padStart(6)}  ${r.bytesPerArticle.toFixed(1).padStart(12)}`,
      );
    }
    const random = indexed - work.planted;
    console.log(
      `\nplanted near-duplicates found: ${work.found}/${work.planted} ` +
        `(${((100 * work.found) / Math.max(1, work.planted)).toFixed(2)} %); ` +
        `random articles matched by chance: ${work.randomMatched}/${random} ` +
        `(${((100 * work.randomMatched) / Math.max(1, random)).toFixed(3)} %)`,
    );
    const worst = rows.at(-1);
    if (worst !== undefined) {
      console.log(
        `target ≤ 200 bytes/article: ` +
          (rows.every((r) => r.bytesPerArticle <= 200) ? 'PASS' : 'FAIL'),
      );
    }
  } finally {
    await server.stop();
  }
}

await main();
