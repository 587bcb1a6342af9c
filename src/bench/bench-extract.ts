/**
 * `npm run bench:extract`: throughput of `extractClaims` on one core. Builds
 * a realistic ~8 MB corpus in memory (seed articles and a frozen set of labelled passages,
 * filler news prose without figures, and dense-figure text) as ~4 KB
 * articles (see `buildCorpus`), and reports the median MB/s over
 * several runs (wall clock, and CPU time of this process, which other jobs
 * on the machine do not inflate) and the cost of one 4 KB article. Target:
 * ≥ 5 MB/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../shared/extract/claims.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_BYTES = 8 * 1024 * 1024;
const ARTICLE_BYTES = 4 * 1024;
const RUNS = 5;

// Prose without figures: most of what the pipeline reads.
const FILLER = [
  'Die Regierung in Berlin beriet am Abend über die Lage an der Ostfront, '
  + 'nachdem Diplomaten neue Gespräche angekündigt hatten.',
  'Analysten sehen in der engeren Zusammenarbeit zwischen Moskau und '
  + 'Pjöngjang ein Zeichen für eine langfristige Partnerschaft.',
  'The foreign ministry summoned the ambassador on Tuesday, officials said, '
  + 'as talks over sanctions continued in Brussels.',
  'Satellite images published by independent researchers show new activity '
  + 'at a port in the far east of Russia.',
  'Der Winter erschwert die Versorgung der Truppen, und die Straßen in der '
  + 'Region sind vielerorts kaum befahrbar.',
  'Markets in Seoul reacted calmly to the news, and the won held steady '
  + 'against the dollar throughout the session.',
];

// Text full of numbers of every kind: the worst realistic case.
const DENSE = [
  'Am 24.10.2024 um 14:30 Uhr meldete der NIS rund 12.000 Soldaten, 3,5 Mio. '
  + 'Granaten, 1,2 Millionen aktive Soldaten und 400 km Frontlinie.',
  'About 11,000 troops, $2 billion, 50km, 3rd Army, 10,000-12,000 soldiers, '
  + 'up to 15,000 more by December 2025 and 25% of losses, the Pentagon said.',
  'Zwischen 10.000 und 12.000 nordkoreanische Soldaten, davon mindestens 300 '
  + 'getötet und etwa 2.700 verwundet, so das Verteidigungsministerium.',
];

/**
 * Text of every seed article and of the frozen labelled passages
 * (`tests/fixtures/bench/extract-passages.jsonl`: the non-held-out labelled
 * passages as they stood on 2026-12-03, when the target held). The corpus
 * is frozen so that a figure measures the extractor, not the growth of the
 * test corpus: the short, claim-dense cases added for each new rule would
 * otherwise make the same 8 MB ever denser in claims.
 */
function loadRealText(): string[] {
  const out: string[] = [];
  const seeds = join(ROOT, 'seeds');
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
    out.push(readFileSync(join(seeds, f), 'utf8'));
  }
  const frozen = join(ROOT, 'tests', 'fixtures', 'bench', 'extract-passages.jsonl');
  for (const line of readFileSync(frozen, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const text = (JSON.parse(line) as { text?: unknown }).text;
    if (typeof text === 'string') out.push(text);
  }
  return out;
}

/**
 * Builds ~4 KB articles as a news pipeline sees them: 3 in 10 are about
 * other news (filler only), 5 in 10 mix filler with labelled passages and
 * seed text, 2 in 10 are dense with figures of every kind.
 */
function buildCorpus(): string[] {
  const real = loadRealText();
  const articles: string[] = [];
  let bytes = 0;
  let n = 0;
  for (let a = 0; bytes < TARGET_BYTES; a += 1) {
    const kind = a % 10;
    const parts: string[] = [];
    let size = 0;
    while (size < ARTICLE_BYTES) {
      const s = kind < 3 ? (FILLER[n % FILLER.length] as string)
        : kind < 8 ? (n % 3 === 0 ? real[n % real.length] as string
          : FILLER[n % FILLER.length] as string)
          : (n % 2 === 0 ? DENSE[n % DENSE.length] as string
            : real[n % real.length] as string);
      parts.push(s);
      size += s.length;
      n += 1;
    }
    const article = parts.join('\n');
    articles.push(article);
    bytes += Buffer.byteLength(article, 'utf8');
  }
  return articles;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function main(): void {
  const articles = buildCorpus();
  const bytes = articles.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  const mb = bytes / (1024 * 1024);
  let claims = 0;
  // Warm-up: let the JIT settle before timing.
  for (const a of articles.slice(0, 200)) extractClaims(a);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    claims = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const a of articles) claims += extractClaims(a).length;
    const cpu = process.cpuUsage(c0);
    const s = (performance.now() - t0) / 1000;
    rates.push(mb / s);
    // CPU time of this process: robust when other jobs share the machine.
    cpuRates.push(mb / ((cpu.user + cpu.system) / 1e6));
  }
  const rate = median(rates);
  const cpuRate = median(cpuRates);
  const perArticle = (ARTICLE_BYTES / (1024 * 1024) / rate) * 1000;
  console.log(`corpus: ${mb.toFixed(1)} MB in ${articles.length} articles, ` +
    `${claims} claims per run`);
  console.log(`runs (MB/s): ${rates.map((x) => x.toFixed(2)).join(', ')}`);
  console.log(`median: ${rate.toFixed(2)} MB/s wall clock, ` +
    `${cpuRate.toFixed(2)} MB/s of CPU time, on one core; ` +
    `${perArticle.toFixed(3)} ms per 4 KB article ` +
    `(target ≥ 5 MB/s: ${rate >= 5 ? 'met' : 'NOT met'})`);
}

main();
