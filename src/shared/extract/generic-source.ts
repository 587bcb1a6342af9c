/**
 * The canonical source of a claim whose claimant the text names only by a
 * generic noun: "Im Januar hatte die Behörde noch von 3.000 Opfern
 * gesprochen", "the agency said". The attribution keeps those words; the
 * source is that of the nearest claimant of the source table named before
 * the figure, in its sentence or in one of the two before, read together
 * with the noun ("der Geheimdienst" after "Seoul" is the NIS).
 */
import type { Claim, Language } from '../claim.js';
import { isGeneric } from './attribution.js';
import { NON_ACTOR_PREPOSITIONS } from './lexicon/claims.js';
import { COUNTRY_CUES } from './lexicon/source-table.js';
import { readForward } from './source-phrase.js';
import { canonicalSource } from './source.js';
import { isCapitalized, type Token } from './text.js';

// Sentences before the claim's own that a generic noun may point back to.
const REACH = 2;

const ARTICLES = /^(?:der|die|das|des|dem|the)$/u;

/** True for "Behörde", "die Behörde", "the agency", "der Geheimdienst". */
export function isGenericPhrase(attribution: string): boolean {
  return isGeneric(
    attribution.replace(/^(?:der|die|das|des|dem|the)\s+/iu, ''),
  );
}

/**
 * The last claimant of the source table named in `toks` before offset
 * `before`; not a place ("in Russland", "nach Seoul") nor North Korea.
 */
function lastNamed(
  text: string,
  toks: readonly Token[],
  before: number,
  lang: Language,
): string | null {
  let found: string | null = null;
  for (
    let k = 0;
    k < toks.length && (toks[k] as Token).start < before;
    k += 1
  ) {
    const t = toks[k] as Token;
    if (!t.isWord || !(isCapitalized(t) || ARTICLES.test(t.lower))) continue;
    if (NON_ACTOR_PREPOSITIONS.has(toks[k - 1]?.lower ?? '')) continue;
    const src = readForward(text, toks, k, lang);
    if (!src || isGeneric(src)) continue;
    const id = canonicalSource(src)?.id;
    if (id && id !== 'kp-gov') found = src;
  }
  return found;
}

// Claimants that name no country of their own: "the spy agency",
// "Abgeordnete Park Sun-won", "Mitglied des Geheimdienstausschusses".
const INSTITUTIONS =
  /geheimdienst|nachrichtendienst|spy agency|intelligence|abgeordnete|lawmaker|parlament|ausschuss|committee|minist|sprecher|spokes|generalstab|general staff|stabschef|regierung|government|officials|beamte|kreise|präsidialamt|presidential office|botschafter|ambassador|adviser|advisor|berater|governor|gouverneur|brigade|regiment|forces|\bsso\b/u;

const SEVERAL =
  /western|westlich|allied|alliierte|international|european|europäisch/u;

const AWAY =
  /^(?:nach|to|into|gegen|against|für|for|an|zur|zu|mit|with|auf|on|near|nahe|über|across|zwischen|between)$/u;

/**
 * The country named nearest before offset `before` in `toks`, as the word
 * that gives the source table that country, or null.
 */
function countryBefore(toks: readonly Token[], before: number): string | null {
  let found: string | null = null;
  for (
    let k = 0;
    k < toks.length && (toks[k] as Token).start < before;
    k += 1
  ) {
    const w = (toks[k] as Token).lower;
    // A destination or a partner is no claimant's country: "nach
    // Russland", "against Ukraine"; a seat is ("Abgeordnete in Seoul"),
    // a region of a country is not ("troops in Russia's Kursk region").
    const prev = toks[k - 1]?.lower ?? '';
    if (AWAY.test(prev)) continue;
    if (prev === 'in' && /['’]s$/u.test(w)) continue;
    for (const [cue, word] of COUNTRY_CUES) if (cue.test(w)) found = word;
  }
  return found;
}

/** The claims, each generic claimant given the source it points back to. */
export function pointBack(
  claims: readonly Claim[],
  sentenceOf: readonly number[],
  text: string,
  tokens: (si: number) => readonly Token[],
  lang: Language,
  hasLead = false,
): Claim[] {
  return claims.map((c, i) => {
    if (c.source !== null || c.attribution === null) return c;
    const si = sentenceOf[i] as number;
    // Where to look, nearest first: this sentence and those before it; a
    // headline's claimant is named in full in its lead ("…, spy agency
    // says\nSEOUL (AP) — South Korea's National Intelligence Service …").
    const places: [number, number][] = [];
    for (let s = si; s >= 0 && si - s <= REACH; s -= 1)
      places.push([s, c.start]);
    if (si === 0 && hasLead) places.push([1, Infinity]);
    if (isGenericPhrase(c.attribution)) {
      for (const [s, until] of places) {
        const named = lastNamed(text, tokens(s), until, lang);
        if (!named) continue;
        const source =
          canonicalSource(`${c.attribution} ${named}`) ??
          canonicalSource(named);
        if (source) return { ...c, source };
      }
    }
    // An institution without a country takes the one named nearest before
    // ("Western officials" are of no one country).
    const lower = c.attribution.toLowerCase();
    if (!INSTITUTIONS.test(lower) || SEVERAL.test(lower)) return c;
    for (const [s, until] of places) {
      // In the lead, the claimant it names in full ("South Korea's
      // National Intelligence Service told lawmakers").
      const named =
        until === Infinity ? lastNamed(text, tokens(s), until, lang) : null;
      const full = named && canonicalSource(`${c.attribution} ${named}`);
      if (full) return { ...c, source: full };
      const country = countryBefore(tokens(s), until);
      if (!country) continue;
      const source = canonicalSource(`${c.attribution} ${country}`);
      if (source) return { ...c, source };
    }
    return c;
  });
}
