/**
 * Attribution: who makes a claim, as the text names it ("nach Angaben X",
 * "laut X", "X zufolge", "so X", "X sagte", "according to X", "X said").
 * Vague sources ("Berichten zufolge", "reportedly", "Experten zufolge") give
 * null, consistently, because they name no one an analyst could check.
 */
import type { Language } from '../claim.js';
import { KNOWN_SOURCES, SOURCE_BEFORE } from './lexicon/sources.js';
import { isVague, joinSource, readForward } from './source-phrase.js';
import { reportGoesOn, speakerReplaces } from './relayed-view.js';
import { canonicalSource, speaksForNorth } from './source.js';
import { auxiliarySubject, leadEnd, subjectSource } from './subject.js';
import { colonSource } from './colon-source.js';
import { BEFORE_FIRST_WORDS, matchSentenceOnce } from './source-patterns.js';
import { isCapitalized, type Token } from './text.js';
import { DENIALS, DOC_NOUNS, GENERIC_SOURCES } from './lexicon/source-words.js';

// Results per token array: a sentence is read as the current, the next and
// the previous one of its neighbours' figures. Keys are the arrays the
// extractor caches, so entries die with them.
const MATCHED = new WeakMap<readonly Token[], string | null>();

/** Runs the attribution patterns over one sentence's tokens (memoised). */
function matchSentence(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  let got = MATCHED.get(toks);
  if (got === undefined) {
    // A wire dateline or ticker stamp never names the source.
    const from = leadEnd(toks);
    got = matchSentenceOnce(text, from ? toks.slice(from) : toks, lang);
    MATCHED.set(toks, got);
  }
  return got;
}

/**
 * True for "die Behörde", "the agency" and the like, and for a document
 * without its author ("Dem Bericht zufolge", "the report"): they point back
 * to a claimant named before.
 */
export function isGeneric(source: string): boolean {
  const lower = source.toLowerCase();
  const words = lower.split(/\s+/u);
  const one = words.length === 1 ? (words[0] as string) : null;
  return (
    GENERIC_SOURCES.has(lower) ||
    (one !== null && (GENERIC_SOURCES.has(one) || DOC_NOUNS.has(one)))
  );
}

/**
 * The first claimant of the source table named anywhere in a sentence, for
 * a generic noun of the next one to point back to: "Auf X verbreitet der
 * ukrainische Militärgeheimdienst ein Video … . Dazu schreibt die Behörde,
 * …".
 */
function namedClaimant(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (let k = leadEnd(toks); k < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (!t.isWord || !(isCapitalized(t) || ARTICLES.test(t.lower))) continue;
    const src = readForward(text, toks, k, lang);
    const id = src && !isGeneric(src) ? canonicalSource(src)?.id : null;
    if (src && id && id !== 'kp-gov') return src;
  }
  return null;
}

const ARTICLES = /^(?:der|die|das|des|dem|the)$/u;

const ESTIMATES =
  /^(?:estimates?|figures?|numbers|assessment|count|conclusion|findings?|einschätzung|schätzung|zahl|zahlen|angabe|angaben|schlussfolgerung)$/u;

/**
 * The owner of the estimate a sentence points back to: "That is the latest
 * estimate from X", "Das ist die jüngste Schätzung des X", "Zu dieser
 * Einschätzung kommt X".
 */
function estimateOwner(
  text: string,
  next: readonly Token[],
  lang: Language,
): string | null {
  const first = next[0]?.lower ?? '';
  // "Die Zahlen stammen vom …", "The figures come from …" need the verb.
  const article = /^(?:die|the)$/u.test(first);
  if (
    !article &&
    !/^(?:that|that's|that’s|this|these|those|das|dies|diese|zu)$/u.test(first)
  )
    return null;
  for (let k = 1; k < next.length && k <= 6; k += 1) {
    if (!ESTIMATES.test((next[k] as Token).lower)) continue;
    let link = next[k + 1]?.lower ?? '';
    let at = -1;
    // "Those figures come from X", "Die Zahlen stammen vom X".
    const come =
      /^(?:come|came|stammen|stammten|stammt|kommen|kamen|kommt)$/u.test(link);
    if (come) link = next[k + 2]?.lower ?? '';
    else if (article) return null;
    const from = k + (come ? 1 : 0);
    if (/^(?:from|of|by|des|der|von|vom|aus)$/u.test(link))
      at = from + (link === 'des' || link === 'der' ? 1 : 2);
    else if (first === 'zu' && /^(?:kommt|kam|kommen)$/u.test(link)) at = k + 2;
    if (at < 0) return null;
    const src = readForward(text, next, at, lang);
    return src && !isVague(src) && canonicalSource(src) ? src : null;
  }
  return null;
}

/**
 * The name of an opening apposition: "A retired colonel, Mark Hertling,
 * thinks …" → the two or three capitalised words between the commas.
 */
function appositiveName(
  toks: readonly Token[],
  from: number,
): readonly Token[] | null {
  const c1 = toks.findIndex((t, k) => k >= from && t.text === ',');
  if (c1 < 0 || c1 - from > 4) return null;
  const c2 = toks.findIndex((t, k) => k > c1 && t.text === ',');
  const name = toks.slice(c1 + 1, c2);
  return c2 > 0 &&
    name.length >= 2 &&
    name.length <= 3 &&
    name.every((t) => t.isWord && isCapitalized(t))
    ? name
    : null;
}

const SPEAKING_PRONOUN = /^(?:he|she|er|sie)$/u;
const PRONOUN_VERBS =
  /^(?:said|says|told|added|sagte|sagt|erklärte|fügte|ergänzte)$/u;

/** True for "…,' he said", "sagte er" in the sentence. */
function pronounSpeaks(toks: readonly Token[]): boolean {
  return toks.some(
    (t, k) =>
      SPEAKING_PRONOUN.test(t.lower) &&
      (PRONOUN_VERBS.test(toks[k + 1]?.lower ?? '') ||
        PRONOUN_VERBS.test(toks[k - 1]?.lower ?? '')),
  );
}

const PRONOUN_OWNERS = /^(?:seiner|ihrer|seinen|ihren|his|her|their)$/u;
const PRONOUN_COUNTS =
  /^(?:rechnung|berechnungen?|einschätzung|schätzung|zählung|angaben|daten|count|estimate|reckoning|tally|assessment|figures|numbers)$/u;

/** True for "nach seiner Rechnung", "by his count" in the sentence. */
function ownedByPronoun(toks: readonly Token[]): boolean {
  return toks.some(
    (t, k) =>
      PRONOUN_OWNERS.test(t.lower) &&
      PRONOUN_COUNTS.test(toks[k + 1]?.lower ?? '') &&
      /^(?:nach|by|in)$/u.test(toks[k - 1]?.lower ?? ''),
  );
}

/** A source phrase, a headline colon source or a known agency. */
function sourceOf(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  return (
    matchSentence(text, toks, lang) ??
    colonSource(text, toks, lang) ??
    subjectSource(text, toks, lang) ??
    findKnownSource(toks)
  );
}

// Known agencies per token array, as for `matchSentence`.
const KNOWN = new WeakMap<readonly Token[], string | null>();

/** Finds a known agency name as a whole word in the sentence (memoised). */
function findKnownSource(toks: readonly Token[]): string | null {
  let got = KNOWN.get(toks);
  if (got === undefined) {
    const from = leadEnd(toks);
    got = findKnownSourceOnce(from ? toks.slice(from) : toks);
    KNOWN.set(toks, got);
  }
  return got;
}

// Known agency names split into words once, with the head word and its
// form without a final "s".
const KNOWN_PARTS = KNOWN_SOURCES.map((name) => {
  const parts = name.split(' ');
  const head = parts[0] as string;
  return { name, parts, head, headNoS: dropFinalS(head) };
});

/** `s.replace(/s$/u, '')` without a regex. */
function dropFinalS(s: string): string {
  return s.endsWith('s') ? s.slice(0, -1) : s;
}

/** Finds a known agency name as a whole word in the sentence. */
function findKnownSourceOnce(toks: readonly Token[]): string | null {
  // An agency that denies a figure is not its source.
  for (const t of toks) if (DENIALS.has(t.lower)) return null;
  const words = new Set<string>();
  for (const t of toks) words.add(dropFinalS(t.text));
  for (const { name, parts, head, headNoS } of KNOWN_PARTS) {
    if (!words.has(head) && !words.has(headNoS)) continue;
    for (let i = 0; i + parts.length <= toks.length; i += 1) {
      let ok = true;
      for (let k = 0; k < parts.length && ok; k += 1) {
        const p = parts[k] as string;
        const t = (toks[i + k] as Token).text;
        ok = t === p || dropFinalS(t) === p;
      }
      if (ok) return name;
    }
  }
  return null;
}

/**
 * Names the source of a claim in sentence `cur`, looking into the next
 * sentence when it continues the attribution ("… . so X", "X bestätigte
 * diese Zahl") and falling back to a known agency named in the sentence,
 * then to the source of the sentence before (`carried`: what it was
 * given, when it named none itself).
 */
export function findAttribution(
  text: string,
  cur: readonly Token[],
  next: readonly Token[] | null,
  lang: Language,
  prev: readonly Token[] | null = null,
  headline = false,
  carried: string | null = null,
): string | null {
  let own =
    matchSentence(text, cur, lang) ??
    colonSource(text, cur, lang) ??
    subjectSource(text, cur, lang) ??
    auxiliarySubject(text, cur, lang);
  // "Das sagte Lee Seong-kweun": the next sentence names the speaker of
  // this one, more precisely than a capital or a description here.
  const lead = next?.[0]?.lower ?? '';
  if (
    own &&
    next &&
    /^(?:das|dies|this|that)$/u.test(lead) &&
    SOURCE_BEFORE[lang].includes(next[1]?.lower ?? '')
  ) {
    const speaker = matchSentence(text, next, lang);
    if (speaker && speakerReplaces(own, speaker)) own = speaker;
  }
  // A headline is attributed by its lead sentence.
  if (!own && headline && next && next.length) {
    own = matchSentence(text, next, lang) ?? findKnownSource(next);
  }
  // "the agency" refers back; with nothing to refer to, its words are
  // kept for the source rules to read around (`generic-source.ts`). An agency named in the same or the sentence before is what it means,
  // before a speaker there ("…, sagte der Abgeordnete Lee, der NIS schätze
  // … . Nach Einschätzung des Dienstes …").
  if (own && isGeneric(own)) {
    const earlier =
      findKnownSource(cur) ??
      (prev && prev.length
        ? (findKnownSource(prev) ??
          sourceOf(text, prev, lang) ??
          namedClaimant(text, prev, lang))
        : null);
    return earlier && !isGeneric(earlier) ? earlier : own;
  }
  if (own) return own;
  // "Nach seiner Rechnung …", "by her estimate", "'…,' he said": the one
  // the sentence before named, whoever it is.
  const pronounSpeaker = pronounSpeaks(cur);
  // "Das ISW wertet Satellitenbilder aus. Demnach sind …": reported from
  // the sentence before, whose subject made the finding.
  const reported = /^(?:demnach|demzufolge)$/u.test(
    cur[leadEnd(cur)]?.lower ?? '',
  );
  if (
    prev &&
    prev.length &&
    (pronounSpeaker || ownedByPronoun(cur) || reported)
  ) {
    // The speaker the sentence before named, else its subject.
    const spoke = pronounSpeaker ? sourceOf(text, prev, lang) : null;
    if (spoke && !isGeneric(spoke)) return spoke;
    const named = appositiveName(prev, leadEnd(prev));
    if (named) return joinSource(text, named);
    let from = leadEnd(prev);
    // "Blick nach vorn: Die Carnegie-Stiftung hält es …": after a rubric;
    // "Asked whether …, the Ukrainian officer nodded": after a fronted
    // participle.
    const colon = prev.findIndex(
      (t, k) => k >= from && k - from < 5 && t.text === ':',
    );
    if (colon >= 0) from = colon + 1;
    else if (
      /^(?:asked|speaking|when|after|gefragt)$/u.test(prev[from]?.lower ?? '')
    ) {
      const comma = prev.findIndex((t, k) => k > from && t.text === ',');
      if (comma > 0) from = comma + 1;
    }
    const who = readForward(text, prev, from, lang);
    const start = prev[from] as Token;
    const opens =
      isCapitalized(start) || /^(?:the|der|die)$/u.test(start.lower);
    const state = who !== null && canonicalSource(who)?.id === 'kp-gov';
    if (who && !isVague(who) && opens && (!state || speaksForNorth(who)))
      return who;
  }
  if (next && next.length) {
    if (lang === 'de' && reportGoesOn(next)) {
      const speaker = matchSentence(text, next, lang);
      if (speaker && !isGeneric(speaker)) return speaker;
    }
    const first = (next[0] as Token).lower;
    const opensWithSource = BEFORE_FIRST_WORDS[lang].has(first);
    // "Das teilte Präsident Selenskyj mit", "This was confirmed by …".
    const points =
      /^(?:das|dies|this|that)$/u.test(first) &&
      SOURCE_BEFORE[lang].includes(next[1]?.lower ?? '');
    const confirms = next.some(
      (t, i) =>
        /^(?:bestätigte|bestätigt|confirmed|confirms)$/u.test(t.lower) &&
        /^(?:diese|dies|diesen|this|these|the|that)$/u.test(
          next[i + 1]?.lower ?? '',
        ),
    );
    // "That is the latest estimate from the South Korean intelligence
    // service", "Zu dieser Einschätzung kommt der Nachrichtendienst …".
    const owner = estimateOwner(text, next, lang);
    if (owner) return owner;
    if (opensWithSource || confirms || points) {
      const src = matchSentence(text, next, lang);
      // "… zeigt der ukrainische Militärgeheimdienst zwei Gefangene. Nach
      // Angaben der Behörde …": the agency this sentence names.
      if (src && isGeneric(src)) return namedClaimant(text, cur, lang);
      if (src) return src;
    }
  }
  // A known agency in the sentence itself ("Defence Intelligence
  // assesses …") before the one named earlier.
  const known = findKnownSource(cur);
  if (known) return known;
  // A sentence that names no one continues the source of the one before,
  // as wire copy does: "…, it said", German reported speech ("seien",
  // "demnach"), or a plain next sentence of the same account.
  // A chain of such sentences ("Killed: some 2,000. Wounded: roughly
  // 2,700.") carries the source the sentence before was given.
  return prev && prev.length ? (sourceOf(text, prev, lang) ?? carried) : null;
}
