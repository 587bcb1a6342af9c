/**
 * When two attributions name the same claimant, up to articles, case and
 * German inflection ("des südkoreanischen Geheimdiensts" and "der
 * südkoreanische Geheimdienst NIS"). The eval scores with it; the learned
 * source chooser (`source-rerank.ts`) reads it as a feature.
 */
const ARTICLES = new Set([
  'der',
  'die',
  'das',
  'dem',
  'den',
  'des',
  'ein',
  'eine',
  'einer',
  'eines',
  'einem',
  'einen',
  'the',
  'a',
  'an',
]);

const WORDS = new Map<string, string[]>();
const WORDS_MAX = 5000;

/** Lower case, punctuation and articles removed, as a list of words. */
function words(s: string): string[] {
  let got = WORDS.get(s);
  if (!got) {
    got = s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
      .split(/\s+/u)
      .filter((w) => w !== '' && !ARTICLES.has(w));
    if (WORDS.size >= WORDS_MAX) WORDS.clear();
    WORDS.set(s, got);
  }
  return got;
}

/** Same word up to German inflection: equal, or a shared prefix ≥ 5. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k += 1;
  return k >= 5;
}

/**
 * True when two attributions name the same source: both null, or one
 * contains the other, or ≥ 50 % of the smaller word set has a stem match.
 */
export function attributionMatches(
  gold: string | null,
  got: string | null,
): boolean {
  if (gold === null || got === null) return gold === got;
  const g = words(gold);
  const p = words(got);
  if (g.length === 0 || p.length === 0) return g.length === p.length;
  // Containment on word boundaries: "NIS" is in "the NIS", "US" is not in
  // "USA".
  const gs = ` ${g.join(' ')} `;
  const ps = ` ${p.join(' ')} `;
  if (gs.includes(ps) || ps.includes(gs)) return true;
  const [small, big] = g.length <= p.length ? [g, p] : [p, g];
  const hits = small.filter((w) => big.some((b) => sameStem(w, b))).length;
  return hits / small.length >= 0.5;
}
