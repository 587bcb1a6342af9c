/**
 * Paragraph-level diff of a prediction against the truth for
 * `bench:clean --verbose`: which predicted paragraphs are (mostly) not in
 * the truth, and which truth paragraphs are (mostly) missing.
 */

import { shingles } from './clean-score.js';

/** One paragraph and the share of its shingles found on the other side. */
export interface ParagraphMatch {
  text: string;
  /** 0..1: share of this paragraph's shingles present in the other text. */
  overlap: number;
}

/** Split into non-empty paragraphs (blank-line separated, else lines). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Every paragraph of `text` with its overlap against `other`. */
export function matchParagraphs(text: string, other: string): ParagraphMatch[] {
  const against = shingles(other);
  return paragraphs(text).map((p) => {
    const own = shingles(p);
    let total = 0;
    let hit = 0;
    for (const [key, n] of own) {
      total += n;
      hit += Math.min(n, against.get(key) ?? 0);
    }
    return { text: p, overlap: total ? hit / total : 1 };
  });
}

/**
 * Human-readable report: predicted paragraphs with overlap below
 * `threshold` are extra (`+`), truth paragraphs below it are missing (`-`).
 */
export function formatDiff(
  truth: string,
  prediction: string,
  threshold = 0.5,
): string {
  const out: string[] = [];
  out.push('--- extra in prediction (+), overlap with truth in brackets');
  for (const m of matchParagraphs(prediction, truth)) {
    if (m.overlap < threshold) out.push(`+ [${pct(m.overlap)}] ${m.text}`);
  }
  out.push('--- missing from prediction (-)');
  for (const m of matchParagraphs(truth, prediction)) {
    if (m.overlap < threshold) out.push(`- [${pct(m.overlap)}] ${m.text}`);
  }
  return out.join('\n');
}

function pct(overlap: number): string {
  return overlap.toFixed(2);
}
