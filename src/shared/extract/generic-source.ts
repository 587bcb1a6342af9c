/**
 * The canonical source of a claim whose claimant the text names only by a
 * generic noun: "Im Januar hatte die Behörde noch von 3.000 Opfern
 * gesprochen", "the agency said". The attribution keeps those words; the
 * source is that of the nearest claimant of the source table named before
 * the figure, in its sentence or in one of the two before, read together
 * with the noun ("der Geheimdienst" after "Seoul" is the NIS).
 */
import type { Claim, ClaimSource, Language } from '../claim.js';
import { isGeneric } from './attribution.js';
import { NON_ACTOR_PREPOSITIONS } from './lexicon/claims.js';
import { COUNTRY_CUES } from './lexicon/source-table.js';
import { readForward } from './source-phrase.js';
import { canonicalSource } from './source.js';
import { isCapitalized, type Token } from './text.js';

// Sentences before the claim's own that a generic noun may point back to.
const REACH = 2;
// … that an agency of the same kind may be named in, failing that.
const FAR_REACH = 6;
// Sentences either side where a person may be named again.
const NAME_REACH = 8;

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
  /geheimdienst|nachrichtendienst|spy agency|intelligence|abgeordnete|lawmaker|parlament|ausschuss|committee|minist|sprecher|spokes|generalstab|general staff|stabschef|regierung|government|officials|beamte|kreise|präsidialamt|presidential office|botschafter|ambassador|adviser|advisor|berater|governor|gouverneur|brigade|regiment|battalion|bataillon|kompanie|division|einheit|spezialkräfte|forces|\bsso\b/u;

// Formations that fight and report their own tallies.
const FIGHTING_UNITS =
  /regiment|brigade|battalion|bataillon|division|kompanie|company|forces|spezialkräfte|spezialeinheit|einheit/u;

const SEVERAL =
  /western|westlich|allied|alliierte|international|european|europäisch/u;

// First words of a country's two-word name.
const FIRST_HALVES = new Set([
  'south',
  'united',
  'great',
  'vereinigte',
  'vereinigten',
]);

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
    // With the next word when neither names it alone: "South Korean",
    // "United States".
    const pair = FIRST_HALVES.has(w) ? `${w} ${toks[k + 1]?.lower ?? ''}` : w;
    for (const [cue, word] of COUNTRY_CUES) if (cue.test(pair)) found = word;
  }
  return found;
}

// Words of a claimant that are titles, not a person's name.
const TITLES =
  /^(?:governor|gouverneur|lawmaker|abgeordnete[rn]?|minister|ministerin|president|präsident|präsidentin|spokesman|spokeswoman|spokesperson|sprecher|sprecherin|general|generalleutnant|colonel|oberst|lord|lady|sir|senator|representative|rep|mr|mrs|ms|dr|herr|frau|chief|head|director|direktor|adviser|advisor|berater|secretary|official|officer|offizier|analyst|analystin)$/u;

// Words that open a sentence capitalised without being a name.
const PRONOUNS =
  /^(?:er|sie|es|wir|ihr|he|she|it|we|they|i|an|am|im|in|on|at|to|so|of|by)$/u;

// Capitalised words of an institution's name, not of a person's.
const INSTITUTION_WORDS =
  /^(?:office|party|partei|committee|service|agency|department|council|house|haus|staff|defen[cs]e|national|security|intelligence|military|army|armed|forces|command|state|federal|foreign|affairs|united|nations?|special|operations|institute|institut|war|study|directorate|administration)$/u;

/** The words of an attribution that may be a person's name, last first. */
function nameWords(attribution: string): string[] {
  const words = attribution.split(/[\s,]+/u);
  return words
    .filter(
      (w) =>
        /^\p{Lu}[\p{Ll}-]+$/u.test(w) &&
        !PRONOUNS.test(w.toLowerCase()) &&
        !TITLES.test(w.toLowerCase()) &&
        !INSTITUTION_WORDS.test(w.toLowerCase()) &&
        !INSTITUTIONS.test(w.toLowerCase()) &&
        canonicalSource(w) === null &&
        !isGeneric(w),
    )
    .reverse();
}

// Tokens before a name that its title may span.
const TITLE_REACH = 4;
// Tokens of an apposition after a name.
const APPOSITION_REACH = 16;

/**
 * The source that the mention of a name at `k` gives it: its title with
 * the rest of the name ("Pentagon-Sprecherin Sabrina Singh"), else its
 * apposition (", an opposition lawmaker on the intelligence committee in
 * Seoul,"). North Korea's state is never read from a title.
 */
function sourceOfMention(
  toks: readonly Token[],
  k: number,
): ClaimSource | null | undefined {
  let from = k;
  while (from > 0 && k - from < TITLE_REACH && (toks[from - 1] as Token).isWord)
    from -= 1;
  // The rest of the name: "Lee Seong-kweun", "Sabrina Singh".
  let last = k;
  while (
    last + 1 < toks.length &&
    last - k < 4 &&
    ((toks[last + 1] as Token).text === '-' ||
      ((toks[last + 1] as Token).isWord &&
        (toks[last] as Token).text === '-') ||
      isCapitalized(toks[last + 1] as Token))
  )
    last += 1;
  const title = canonicalSource(
    toks
      .slice(from, last + 1)
      .map((t) => t.text)
      .join(' '),
  );
  if (title) return title.id === 'kp-gov' ? null : title;
  const at = last + 1;
  if (toks[at]?.text !== ',') return undefined;
  let end = at + 1;
  while (
    end < toks.length &&
    end - at < APPOSITION_REACH &&
    !/^[,.;:]$/u.test((toks[end] as Token).text)
  )
    end += 1;
  const apposition = toks.slice(at + 1, end);
  const words = apposition.map((t) => t.text).join(' ');
  // Its head first: "a Seoul-based outlet with sources inside North Korea"
  // is an outlet.
  const head = words.split(/\s(?:with|mit)\s/u)[0] as string;
  const own = canonicalSource(head) ?? canonicalSource(words);
  if (own) return own.id === 'kp-gov' ? null : own;
  if (!INSTITUTIONS.test(words.toLowerCase())) return undefined;
  const country = countryBefore(apposition, Infinity);
  return (country && canonicalSource(`${words} ${country}`)) || undefined;
}

/**
 * The source that a mention of a person in the passage gives them:
 * "Singh" after "Pentagon-Sprecherin Sabrina Singh", "Park" after "Park
 * Sun-won, an opposition lawmaker on the intelligence committee in Seoul".
 * Sentences nearest the claim's first; null when the first mention that
 * tells anything names North Korea's state.
 */
function sourceOfName(
  text: string,
  attribution: string,
  si: number,
  sentences: number,
  tokens: (si: number) => readonly Token[],
): ClaimSource | null {
  const names = nameWords(attribution);
  if (names.length === 0) return null;
  // A name the text holds once has only its own mention to read.
  const again = names.some((w) => text.indexOf(w) !== text.lastIndexOf(w));
  const order: number[] = [];
  for (let d = 0; d < sentences && d <= (again ? NAME_REACH : 0); d += 1) {
    if (si - d >= 0) order.push(si - d);
    if (d > 0 && si + d < sentences) order.push(si + d);
  }
  for (const name of names)
    for (const s of order) {
      const toks = tokens(s);
      for (let k = 0; k < toks.length; k += 1) {
        if ((toks[k] as Token).text !== name) continue;
        const found = sourceOfMention(toks, k);
        if (found !== undefined) return found;
      }
    }
  return null;
}

/** An agency of the table, not a government or a head of state. */
const isAgency = (source: ClaimSource): boolean =>
  !/-gov$|-president$/u.test(source.id);

/** The claims, each generic claimant given the source it points back to. */
export function pointBack(
  claims: readonly Claim[],
  sentenceOf: readonly number[],
  text: string,
  tokens: (si: number) => readonly Token[],
  lang: Language,
  hasLead = false,
  sentences = 0,
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
    const byName = sourceOfName(text, c.attribution, si, sentences, tokens);
    if (byName) return { ...c, source: byName };
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
    // A fighting unit of no country named is Ukraine's: only Kyiv's units
    // report the North's losses ("the 8th Special Operations Regiment
    // says it killed 50").
    if (FIGHTING_UNITS.test(lower)) {
      const source = canonicalSource(`${c.attribution} ukraine`);
      if (source) return { ...c, source };
    }
    // Further back, then the rest of the claim's sentence and the next
    // one: a claimant of the same kind named in full ("the spy agency told
    // lawmakers … The NIS had earlier estimated …"), not a government,
    // whose name alone says too little of the kind.
    const further: number[] = [];
    for (let s = si - REACH - 1; s >= 0 && si - s <= FAR_REACH; s -= 1)
      further.push(s);
    further.push(si);
    if (si + 1 < sentences) further.push(si + 1);
    for (const s of further) {
      const named = lastNamed(text, tokens(s), Infinity, lang);
      const full = named && canonicalSource(`${c.attribution} ${named}`);
      if (full && isAgency(full) && full.id === canonicalSource(named)?.id)
        return { ...c, source: full };
    }
    return c;
  });
}
