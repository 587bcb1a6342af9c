/**
 * `npm run bench:extract`: throughput of `extractClaims` on one core. Builds
 * a realistic ~8 MB corpus in memory (seed articles and labelled passages,
 * filler news prose without figures, and dense-figure text), cuts it into
 * ~4 KB articles as the pipeline sees them, and reports the median MB/s over
 * several runs and the cost of one 4 KB article. Target: ≥ 5 MB/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../shared/extract-claims.js';

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

/** Text of every seed article and every labelled passage. */
function loadRealText(): string[] {
  const out: string[] = [];
  const seeds = join(ROOT, 'seeds');
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
    out.push(readFileSync(join(seeds, f), 'utf8'));
  }
  const fixtures = join(ROOT, 'tests', 'fixtures', 'claims');
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith('.jsonl'))) {
    // The held-out passages are not read, not even for timing.
    if (f.startsWith('holdout')) continue;
    for (const line of readFileSync(join(fixtures, f), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string') out.push(text);
    }
  }
  return out;
}

/** Mixes real text, filler and dense text into ~4 KB articles. */
function buildCorpus(): string[] {
  const real = loadRealText();
  const articles: string[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < TARGET_BYTES) {
    const parts: string[] = [];
    let size = 0;
    while (size < ARTICLE_BYTES) {
      const pick = n % 10;
      const s = pick < 5 ? (real[n % real.length] as string)
        : pick < 9 ? (FILLER[n % FILLER.length] as string)
          : (DENSE[n % DENSE.length] as string);
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
  for (let r = 0; r < RUNS; r += 1) {
    claims = 0;
    const t0 = performance.now();
    for (const a of articles) claims += extractClaims(a).length;
    const s = (performance.now() - t0) / 1000;
    rates.push(mb / s);
  }
  const rate = median(rates);
  const perArticle = (ARTICLE_BYTES / (1024 * 1024) / rate) * 1000;
  console.log(`corpus: ${mb.toFixed(1)} MB in ${articles.length} articles, ` +
    `${claims} claims per run`);
  console.log(`runs (MB/s): ${rates.map((x) => x.toFixed(2)).join(', ')}`);
  console.log(`median: ${rate.toFixed(2)} MB/s on one core, ` +
    `${perArticle.toFixed(3)} ms per 4 KB article ` +
    `(target ≥ 5 MB/s: ${rate >= 5 ? 'met' : 'NOT met'})`);
}

main();
