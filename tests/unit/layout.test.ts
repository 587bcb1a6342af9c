/**
 * The layout promises of the README: every source folder and file is named
 * in its "Layout" section, every file it names exists, and no source file
 * outgrows about 400 lines unless it is a word list or fixture data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = path.join(ROOT, 'src');
const MAX_LINES = 400;
/** Data tables, allowed to be longer (README: "only word lists and fixture stories"). */
const DATA_FILES = new Set([
  'src/shared/extract/number/lexicon.ts',
  'src/eval/dedupe-stories.ts',
]);
/** Every file of the extractor's `lexicon/` folder is a word list. */
const isData = (file: string): boolean =>
  DATA_FILES.has(file) || file.startsWith('src/shared/extract/lexicon/');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? [full, ...walk(full)] : [full];
  });
}

const entries = walk(SRC).map((p) => path.relative(ROOT, p));
const files = entries.filter((p) => p.endsWith('.ts'));
/** The pipeline's own code; `src/cli`, `src/eval`, `src/bench` are named as folders. */
const pipelineFiles = files.filter((p) =>
  /^src\/(shared|queues|workers)\//.test(p),
);
const folders = entries.filter((p) =>
  statSync(path.join(ROOT, p)).isDirectory(),
);
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const layoutStart = readme.indexOf('## Layout');
const layoutEnd = readme.indexOf('\n## ', layoutStart + 1);
const layout = readme.slice(
  layoutStart,
  layoutEnd === -1 ? readme.length : layoutEnd,
);

describe('README layout', () => {
  it('has a Layout section', () => {
    expect(layout.length).toBeGreaterThan(500);
  });

  it('names every source folder', () => {
    const unnamed = folders.filter(
      (folder) => !layout.includes(`${path.basename(folder)}/`),
    );
    expect(unnamed).toEqual([]);
  });

  it('names every file of the pipeline', () => {
    const unnamed = pipelineFiles.filter(
      (file) =>
        !new RegExp(`[\`/]${path.basename(file).replace('.', '\\.')}\``).test(
          layout,
        ),
    );
    expect(unnamed).toEqual([]);
  });

  it('names only files that exist', () => {
    const named = [...layout.matchAll(/`([a-z0-9-]+\.ts)`/g)].map(
      (m) => m[1] as string,
    );
    const basenames = new Set(files.map((f) => path.basename(f)));
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((n) => !basenames.has(n))).toEqual([]);
  });
});

describe('file size', () => {
  it('keeps every source file but the data tables under about 400 lines', () => {
    const long = files
      .filter((file) => !isData(file))
      .map((file) => ({
        file,
        lines: readFileSync(path.join(ROOT, file), 'utf8').split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
