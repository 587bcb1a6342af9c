/**
 * The labelled passages of `tests/fixtures/claims/`: which files there are,
 * which of them are held out, and their passages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Passage } from './score-claims.js';

// dist/eval/corpus-files.js → project root is two levels up.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'claims');

/** A held-out file: scored in aggregate only, never tuned or trained on. */
export const isHeldOut = (file: string): boolean =>
  basename(file).startsWith('holdout');

/** The corpus files: the top level first, then each subfolder, sorted. */
export function listCorpus(): string[] {
  const top = readdirSync(FIXTURES, { withFileTypes: true });
  const files = top
    .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
    .map((e) => e.name)
    .sort();
  for (const dir of top
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    files.push(
      ...readdirSync(join(FIXTURES, dir))
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => `${dir}/${f}`),
    );
  }
  return files;
}

/** The passages of one corpus file (relative to the fixtures folder). */
export function loadPassages(file: string): Passage[] {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').split('\n');
  const out: Passage[] = [];
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as Passage);
    } catch (err) {
      throw new Error(`eval: ${file}:${n + 1}: bad JSON`, { cause: err });
    }
  });
  return out;
}
