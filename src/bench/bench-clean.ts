/**
 * `npm run bench:clean`: the clean stage on the article-extraction benchmark
 * (`bench/article-extraction`, 181 news pages). Each page goes through the
 * production path from raw bytes (gunzip, `decodeText` with no charset, then
 * `cleanHtml` with the page URL) and is scored with the benchmark's own
 * metric (see `clean-score.ts`). Prints F1/precision/recall/accuracy with
 * bootstrap ±, the 10 worst pages and the median/p95 time per page.
 *
 * Options: `--verbose <id>` prints paragraph diffs (prediction vs truth) for
 * the page whose id starts with `<id>`; `--dump <dir>` writes every
 * prediction and truth as `<id>.pred.txt` / `<id>.truth.txt`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { cleanHtml } from '../shared/clean/html.js';
import { decodeText } from '../shared/fetch/decode-content.js';
import { formatDiff } from './clean-diff.js';
import {
  bootstrapStd,
  docPrecision,
  docRecall,
  scoreDoc,
  seededRandom,
  summarize,
  type DocScore,
} from './clean-score.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, 'bench', 'article-extraction');
const TARGET_F1 = 0.96;

interface Truth {
  articleBody: string;
  url: string;
}

interface PageResult {
  id: string;
  url: string;
  truth: string;
  prediction: string;
  score: DocScore;
  ms: number;
  error?: string;
}

function parseArgs(argv: string[]): { verbose?: string; dump?: string } {
  const out: { verbose?: string; dump?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--verbose') out.verbose = argv[++i];
    else if (arg === '--dump') out.dump = argv[++i];
  }
  return out;
}

function runPage(id: string, truth: Truth): PageResult {
  const bytes = gunzipSync(readFileSync(join(BENCH, 'html', `${id}.html.gz`)));
  const start = performance.now();
  let prediction = '';
  let error: string | undefined;
  try {
    prediction = cleanHtml(decodeText(bytes), { url: truth.url }).text;
  } catch (err) {
    // A throw is a bug in the cleaner: report it, score as empty.
    error = err instanceof Error ? err.message : String(err);
  }
  const ms = performance.now() - start;
  const score = scoreDoc(truth.articleBody, prediction);
  const result = { id, url: truth.url, truth: truth.articleBody, prediction };
  return { ...result, score, ms, ...(error ? { error } : {}) };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function docF1(d: DocScore): number {
  const p = docPrecision(d);
  const r = docRecall(d);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const truths = JSON.parse(
    readFileSync(join(BENCH, 'ground-truth.json'), 'utf8'),
  ) as Record<string, Truth>;
  let ids = Object.keys(truths).sort();
  if (args.verbose) ids = ids.filter((id) => id.startsWith(args.verbose!));
  if (ids.length === 0) {
    throw new Error(`no page id starts with ${args.verbose}`);
  }

  const results = ids.map((id) => runPage(id, truths[id]!));
  if (args.dump) {
    mkdirSync(args.dump, { recursive: true });
    for (const r of results) {
      writeFileSync(join(args.dump, `${r.id}.pred.txt`), r.prediction);
      writeFileSync(join(args.dump, `${r.id}.truth.txt`), r.truth);
    }
  }
  if (args.verbose) {
    for (const r of results) {
      const p = docPrecision(r.score).toFixed(3);
      const rc = docRecall(r.score).toFixed(3);
      console.log(`${r.id} ${r.url}\nP ${p}  R ${rc}  ${r.ms.toFixed(0)} ms`);
      if (r.error) console.log(`ERROR: ${r.error}`);
      console.log(formatDiff(r.truth, r.prediction));
    }
    return;
  }

  const scores = results.map((r) => r.score);
  const s = summarize(scores);
  const sd = bootstrapStd(scores, seededRandom(1));
  const fmt = (v: number, e: number) => `${v.toFixed(3)} ± ${e.toFixed(3)}`;
  console.log(`pages      ${s.docs}`);
  console.log(`F1         ${fmt(s.f1, sd.f1)}`);
  console.log(`precision  ${fmt(s.precision, sd.precision)}`);
  console.log(`recall     ${fmt(s.recall, sd.recall)}`);
  console.log(`accuracy   ${fmt(s.accuracy, sd.accuracy)}`);

  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = quantile(ms, 0.5).toFixed(1);
  const p95 = quantile(ms, 0.95).toFixed(1);
  const max = ms.at(-1)!.toFixed(1);
  console.log(`ms/page    median ${median}  p95 ${p95}  max ${max}`);

  const errors = results.filter((r) => r.error);
  for (const r of errors) console.log(`THREW ${r.id}: ${r.error}`);

  console.log('\n10 worst pages by F1 (id, url, P, R):');
  const worst = [...results]
    .sort((a, b) => docF1(a.score) - docF1(b.score))
    .slice(0, 10);
  for (const r of worst) {
    const p = docPrecision(r.score).toFixed(3);
    const rc = docRecall(r.score).toFixed(3);
    console.log(`${r.id.slice(0, 12)}  P ${p}  R ${rc}  ${r.url}`);
  }
  const verdict = s.f1 >= TARGET_F1 ? 'meets' : 'below';
  console.log(`\nF1 ${s.f1.toFixed(3)} ${verdict} the ${TARGET_F1} target`);
  if (errors.length > 0) process.exitCode = 1;
}

main();
