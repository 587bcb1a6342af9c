/**
 * `npm run bench:clean-memory [-- --pages 500] [--json]`: the heap that
 * cleaning leaves behind. Cleans the article-extraction benchmark pages (181,
 * cycled until `--pages`) one after another in one process, as one clean
 * thread does, forces a garbage collection every 50 pages and prints the
 * heap still in use. The retained heap per page is the least-squares slope
 * of those points after the first 50 pages (warm-up: lexicons, jsdom's own
 * caches). Needs `node --expose-gc` (the npm script passes it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { cleanHtml } from '../shared/clean/html.js';
import { decodeText } from '../shared/fetch/decode-content.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, 'bench', 'article-extraction');
const STEP = 50;
const TARGET_KB_PER_PAGE = 50;

interface Options {
  pages: number;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const out: Options = { pages: 500, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--pages') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 2 * STEP) {
        usage(`--pages must be an integer ≥ ${2 * STEP}`);
      }
      out.pages = n;
    } else usage(`unknown option ${arg}`);
  }
  return out;
}

function usage(message: string): never {
  process.stderr.write(`bench:clean-memory: ${message}\n`);
  process.exit(2);
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Least-squares slope of y over x. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) usage('run with node --expose-gc');
  const truth = JSON.parse(
    readFileSync(join(BENCH, 'ground-truth.json'), 'utf8'),
  ) as Record<string, { url: string }>;
  const pages = Object.entries(truth).map(([id, t]) => ({
    html: decodeText(
      gunzipSync(readFileSync(join(BENCH, 'html', `${id}.html.gz`))),
    ),
    url: t.url,
  }));

  const points: [number, number][] = [[0, heapAfterGc(gc)]];
  const log = (line: string): void => {
    if (!opts.json) process.stdout.write(`${line}\n`);
  };
  log(`pages   heap after GC (MB)`);
  log(`${'0'.padStart(5)}   ${(points[0]![1] / 1e6).toFixed(1)}`);
  for (let i = 1; i <= opts.pages; i += 1) {
    const page = pages[(i - 1) % pages.length]!;
    cleanHtml(page.html, { url: page.url });
    if (i % STEP === 0 || i === opts.pages) {
      const heap = heapAfterGc(gc);
      points.push([i, heap]);
      log(`${String(i).padStart(5)}   ${(heap / 1e6).toFixed(1)}`);
    }
  }
  const warm = points.filter(([x]) => x >= STEP);
  const kbPerPage = slope(warm) / 1024;
  const result = {
    pages: opts.pages,
    heapStartMb: points[0]![1] / 1e6,
    heapEndMb: points.at(-1)![1] / 1e6,
    retainedKbPerPage: Number(kbPerPage.toFixed(2)),
    targetKbPerPage: TARGET_KB_PER_PAGE,
    pass: kbPerPage <= TARGET_KB_PER_PAGE,
  };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  log('');
  log(
    `retained heap per page: ${kbPerPage.toFixed(1)} KB ` +
      `(slope after page ${STEP}; target ≤ ${TARGET_KB_PER_PAGE} KB) → ` +
      (result.pass ? 'PASS' : 'FAIL'),
  );
}

main();
