import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractClaims } from '../../src/shared/extract/claims.js';
import { noveltyKey } from '../../src/shared/claim.js';
import { seededRandom } from '../../src/shared/seeded-random.js';

/** A seeded PRNG, so that a failing run can be replayed. */
export const prng = seededRandom;

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const SOURCES = [
  'the Pentagon said',
  'according to the NIS',
  'Ukrainian intelligence said',
  'officials in Seoul said',
  'a NATO spokesperson said',
];
const CLAIMS = [
  (n: string, s: string) =>
    `North Korea has sent about ${n} troops to Russia, ${s}.`,
  (n: string, s: string) =>
    `Pyongyang has deployed more than ${n} soldiers to the Kursk region, ${s}.`,
  (n: string, s: string) =>
    `Some ${n} North Korean troops are training in Russia's far east, ${s}.`,
  (n: string, s: string) =>
    `An estimated ${n} soldiers from North Korea are now in Russia, ${s}.`,
];
/** Filler without figures, varied enough that no two articles are near-duplicates. */
const WORDS = (
  'analysts diplomats warned ministers border negotiations convoy winter supply railway port frontline ' +
  'sanctions summit envoy briefing satellite imagery logistics ammunition depot drone radar coastline ' +
  'parliament committee hearing statement embassy reporters villages shelling reconstruction harvest ' +
  'markets currency exports pipeline refinery weather forecast storms flooding bridges highways schools'
).split(' ');

function fillerSentence(random: () => number): string {
  const length = 9 + Math.floor(random() * 8);
  const words = Array.from(
    { length },
    () => WORDS[Math.floor(random() * WORDS.length)]!,
  );
  const sentence = words.join(' ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

export interface SyntheticArticle {
  name: string;
  text: string;
  keys: string[];
}

/**
 * `count` distinct articles over `keyCount` figures (each figure in several
 * articles), each with random filler, so that novelty is exercised by many
 * articles per key but no article is a copy of another.
 */
export function syntheticArticles(
  count: number,
  keyCount: number,
  seed = 1,
): SyntheticArticle[] {
  const random = prng(seed);
  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const value = 1000 + (i % keyCount) * 100;
    const figure = value.toLocaleString('en-US');
    const claim = CLAIMS[Math.floor(random() * CLAIMS.length)]!(
      figure,
      SOURCES[Math.floor(random() * SOURCES.length)]!,
    );
    const sentences = Array.from({ length: 6 + Math.floor(random() * 5) }, () =>
      fillerSentence(random),
    );
    sentences.splice(Math.floor(random() * sentences.length), 0, claim);
    const text = `${fillerSentence(random).replace(/\.$/, '')}\n\n${sentences.join(' ')}\n`;
    const keys = [...new Set(extractClaims(text).map(noveltyKey))];
    articles.push({
      name: `article-${String(i).padStart(3, '0')}.txt`,
      text,
      keys,
    });
  }
  return articles;
}

/** Writes the articles into a fresh directory; returns the file paths. */
export async function writeArticles(
  articles: readonly SyntheticArticle[],
): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-articles-'));
  const files: string[] = [];
  for (const a of articles) {
    const file = path.join(dir, a.name);
    await writeFile(file, a.text);
    files.push(file);
  }
  return files;
}
