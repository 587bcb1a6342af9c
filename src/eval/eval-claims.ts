/**
 * `npm run eval`: runs the extractor over every labelled passage in
 * `tests/fixtures/claims/` (the top-level files and the blind corpora in
 * its subfolders) and prints precision, recall and F1 over figures plus
 * qualifier, event-class, attribution and canonical-source accuracy, per
 * file and overall. Flags: `--verbose` lists every miss (never those of a
 * `holdout-*` file), `--json` prints metrics as JSON, `--files
 * a.jsonl,blind2/b.jsonl` restricts the files, `--holdout` scores only the
 * held-out files and sums them per language against the targets, and
 * `--rules-only` scores the hand rules without the learned second look at
 * claimants (`learned-source.ts`).
 */
import { basename } from 'node:path';
import { extractClaims } from '../shared/extract/claims.js';
import {
  scorePassages,
  sumCounts,
  toMetrics,
  type Metrics,
  type Miss,
} from './score-claims.js';
import { isHeldOut, listCorpus, loadPassages } from './corpus-files.js';

interface Args {
  verbose: boolean;
  json: boolean;
  holdout: boolean;
  rulesOnly: boolean;
  files: string[] | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    verbose: false,
    json: false,
    holdout: false,
    rulesOnly: false,
    files: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--json') args.json = true;
    else if (a === '--holdout') args.holdout = true;
    else if (a === '--rules-only') args.rulesOnly = true;
    else if (a === '--files') {
      args.files = (argv[i + 1] ?? '').split(',').filter((f) => f !== '');
      i += 1;
    } else if (a?.startsWith('--files=')) {
      args.files = a
        .slice(8)
        .split(',')
        .filter((f) => f !== '');
    } else throw new Error(`eval: unknown argument ${a}`);
  }
  return args;
}

// Issue 10's targets over the held-out files, per language.
const TARGETS = {
  recall: 0.95,
  precision: 0.97,
  event: 0.95,
  attribution: 0.9,
  source: 0.9,
} as const;

/** Sums the held-out files per language and prints them against the targets. */
function printTargets(results: Record<string, Metrics>): void {
  console.log('\nheld-out files, per language (target in brackets)');
  for (const lang of ['de', 'en']) {
    const mine = Object.entries(results)
      .filter(([f]) => basename(f).includes(`-${lang}`))
      .map(([, m]) => m);
    if (mine.length === 0) continue;
    const m = toMetrics(sumCounts(mine));
    const cell = (name: keyof typeof TARGETS, v: number): string =>
      `${name} ${(v * 100).toFixed(1)} (${TARGETS[name] * 100}) ${v >= TARGETS[name] ? 'met' : 'not met'}`;
    console.log(
      `${lang}: ${m.passages} passages, ${m.gold} figures; ` +
        [
          cell('recall', m.recall),
          cell('precision', m.precision),
          cell('event', m.event),
          `${cell('attribution', m.attribution)} (same words ${(m.attributionWords * 100).toFixed(1)})`,
          m.sourceGold > 0 ? cell('source', m.source) : 'source -',
        ].join('; '),
    );
  }
}

/** Reads one JSONL file of passages; a bad line is an error with its place. */
const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function row(name: string, m: Metrics): string {
  return [
    name.padEnd(22),
    String(m.passages).padStart(5),
    String(m.gold).padStart(5),
    String(m.tp).padStart(4),
    String(m.fp).padStart(4),
    String(m.fn).padStart(4),
    pct(m.precision),
    pct(m.recall),
    pct(m.f1),
    pct(m.qualifier),
    pct(m.event),
    pct(m.attribution),
    m.sourceGold === 0 ? '     -' : pct(m.source),
  ].join(' ');
}

function describeMiss(m: Miss, text: string): string {
  const detail =
    m.kind === 'fn'
      ? ''
      : m.kind === 'fp'
        ? ` got ${JSON.stringify(m.got)}`
        : ` want ${JSON.stringify(m.want)} got ${JSON.stringify(m.got)}`;
  return (
    `${m.kind.toUpperCase().padEnd(11)} ${m.id}: ${m.figure}${detail}\n` +
    `            ${text.replace(/\s+/gu, ' ').slice(0, 400)}`
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const all = args.files ?? listCorpus();
  const files = args.holdout ? all.filter(isHeldOut) : all;
  const results: Record<string, Metrics> = {};
  const perFile: Metrics[] = [];
  for (const file of files) {
    const passages = loadPassages(file);
    const misses: Miss[] = [];
    const m = scorePassages(
      passages,
      (p) =>
        extractClaims(p.text, {
          lang: p.lang,
          ...(args.rulesOnly ? { model: null } : {}),
        }),
      misses,
    );
    results[file] = m;
    perFile.push(m);
    // Held-out files are for aggregate numbers only: their misses are never
    // listed, so that nobody tunes rules to them by accident.
    if (args.verbose && isHeldOut(file)) {
      console.log(`\n== ${file}: misses not listed (held-out)`);
    } else if (args.verbose && misses.length) {
      const texts = new Map(passages.map((p) => [p.id, p.text]));
      console.log(`\n== ${file}: ${misses.length} misses`);
      for (const miss of misses) {
        console.log(describeMiss(miss, texts.get(miss.id) ?? ''));
      }
    }
  }
  const overall = toMetrics(sumCounts(perFile));
  if (args.holdout) {
    printTargets(results);
    return;
  }
  if (args.json) {
    console.log(JSON.stringify({ files: results, overall }, null, 2));
    return;
  }
  console.log(
    `\n${'file'.padEnd(22)} pass. figs   tp   fp   fn  prec.` +
      '   rec.     F1   qual  event   attr    src',
  );
  for (const [file, m] of Object.entries(results)) console.log(row(file, m));
  console.log(row('overall', overall));
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
}
