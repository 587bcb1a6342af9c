/**
 * The attribution patterns of one clause or sentence: a source compound
 * ("nach US-Angaben"), an adjective with a source noun ("ukrainische
 * Angaben"), a speaker before a speech verb ("X sagte", "X said"), a cue
 * before a source ("laut X", "according to X", "sagte X") and a document
 * of a source ("ein Post des ukrainischen Grenzschutzes, wonach …", "nach
 * der jüngsten Bilanz des Geheimdienstes"). `attribution.ts` decides
 * which sentence or clause to read.
 */
import type { Language } from '../claim.js';
import { matchActor } from './actor.js';
import { SOURCE_AFTER, SOURCE_BEFORE } from './lexicon/sources.js';
import {
  ARTICLES,
  DETERMINERS,
  PREPOSITIONS,
  OPENING_ADVERBS,
} from './lexicon/source-words.js';
import { isVague, readBackward, readForward } from './source-phrase.js';
import { canonicalSource } from './source.js';
import { namesClaimant, relayedView } from './relayed-view.js';
import { documentGenitive, documentReader } from './document-source.js';
import { CLAUSE_BREAKS, isCapitalized, type Token } from './text.js';

/** Cue lists indexed by their first word, with each cue's rank. */
export type CueIndex = ReadonlyMap<
  string,
  readonly (readonly [number, readonly string[]])[]
>;

function indexCues(cues: readonly string[]): CueIndex {
  const index = new Map<string, [number, readonly string[]][]>();
  cues.forEach((cue, rank) => {
    const parts = cue.split(' ');
    const list = index.get(parts[0] as string) ?? [];
    list.push([rank, parts]);
    index.set(parts[0] as string, list);
  });
  return index;
}

const SO_ADVERBS = /^(?:jedenfalls|zumindest|jedoch|aber|etwa)$/u;
const SO_ESTIMATES =
  /^(?:einschätzung|schätzung|angaben|darstellung|zählung)$/u;

const AFTER_INDEX: Readonly<Record<Language, CueIndex>> = {
  de: indexCues(SOURCE_AFTER.de),
  en: indexCues(SOURCE_AFTER.en),
};
const BEFORE_INDEX: Readonly<Record<Language, CueIndex>> = {
  de: indexCues(SOURCE_BEFORE.de),
  en: indexCues(SOURCE_BEFORE.en),
};
// First words of the cues before a source.
export const BEFORE_FIRST_WORDS: Readonly<
  Record<Language, ReadonlySet<string>>
> = {
  de: new Set(SOURCE_BEFORE.de.map((c) => c.split(' ')[0] as string)),
  en: new Set(SOURCE_BEFORE.en.map((c) => c.split(' ')[0] as string)),
};

/**
 * Occurrences of the cues in the tokens as [position, cue words], in the
 * order of the cue list and then of the text: one pass over the tokens.
 */
export function findCues(
  toks: readonly Token[],
  index: CueIndex,
): (readonly [number, readonly string[]])[] {
  const hits: [number, number, readonly string[]][] = [];
  for (let i = 0; i < toks.length; i += 1) {
    const list = index.get((toks[i] as Token).lower);
    if (list === undefined) continue;
    for (const [rank, parts] of list) {
      let ok = true;
      for (let k = 0; k < parts.length && ok; k += 1)
        ok = toks[i + k]?.lower === parts[k];
      if (ok) hits.push([rank, i, parts]);
    }
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return hits.map(([, i, parts]) => [i, parts] as const);
}

// Cues of a relayed source: the outlet only passes it on.
const CITING_INDEX: Readonly<Record<Language, CueIndex>> = {
  de: indexCues(['unter berufung auf']),
  en: indexCues(['citing']),
};

// "nach US-Angaben", "nach HUR-Angaben": the source is the first part.
const SOURCE_COMPOUND =
  /^(.+)-(?:angaben|informationen|schätzungen|einschätzung|erkenntnissen|quellen|kreisen)$/iu;

const SPEECH_VERBS: ReadonlySet<string> = new Set(SOURCE_AFTER.en);

// Nouns of a source's statements: "ukrainische Angaben", "westliche Schätzungen".
// Compounds count too: "nach ukrainischen Militärangaben", "Regierungskreisen".
const STATEMENT_NOUNS =
  /^(?:\p{L}*angaben|\p{L}*schätzungen|\p{L}*quellen|\p{L}*kreisen|erkenntnissen|informationen|zahlen)$/u;

/** "ukrainische Angaben": an actor adjective and a statement noun, or null. */
function adjectiveSource(text: string, toks: readonly Token[]): string | null {
  for (let k = 0; k + 1 < toks.length; k += 1) {
    const t = toks[k] as Token;
    if (isCapitalized(t) || !t.isWord || matchActor(t.lower) === null) continue;
    const noun = toks[k + 1] as Token;
    if (STATEMENT_NOUNS.test(noun.lower)) return text.slice(t.start, noun.end);
  }
  return null;
}

/** True for a phrase that is only a country adjective ("North Korean"). */
function isModifierOnly(src: string): boolean {
  const words = src.split(/\s+/u);
  const last = (words[words.length - 1] as string).toLowerCase();
  return (
    /(?:an|ese|ish|isch|ische|ischen)$/u.test(last) &&
    matchActor(src.toLowerCase()) !== null
  );
}

// Nouns of a count that its owner keeps: "by Seoul's own count", "nach
// eigenen Angaben".
const OWN_COUNTS = new Set([
  'count',
  'number',
  'figure',
  'estimate',
  'estimates',
  'figures',
  'tally',
  'account',
  'assessment',
  'angaben',
  'schätzungen',
  'schätzung',
  'erkenntnissen',
  'zählung',
  'darstellung',
  'rechnung',
  'einschätzung',
  'zahl',
  'zahlen',
]);

// Words between a possessor and its count: "the Pentagon's latest figure".
const COUNT_ADJECTIVES = new Set([
  'own',
  'latest',
  'new',
  'updated',
  'current',
  'revised',
  'official',
  'public',
  'earlier',
  'previous',
  'initial',
  'last',
  'final',
]);

/**
 * The owner of a count: the possessor of "X's own count", or the subject
 * that opens the sentence for "its own estimate", "nach eigenen Angaben"
 * ("Der ukrainische Militärgeheimdienst hat nach eigenen Angaben …").
 */
function ownSource(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (let k = 1; k < toks.length; k += 1) {
    const own = (toks[k] as Token).lower;
    // "The latest number from the Pentagon is …", "The most widely cited
    // estimate, from South Korea's NIS, is that …".
    // "Die Zahlen aus Kiew liegen höher: …".
    if (OWN_COUNTS.has(own)) {
      const from = toks[k + 1]?.text === ',' ? k + 2 : k + 1;
      if (toks[from]?.lower === (lang === 'en' ? 'from' : 'aus')) {
        const src = readForward(text, toks, from + 1, lang);
        if (src && namesClaimant(src)) return src;
      }
    }
    const previous = toks[k - 1] as Token;
    // "Seouls Zahlen", "Kiews Schätzung": a German place's genitive.
    if (
      lang === 'de' &&
      OWN_COUNTS.has(own) &&
      /^\p{Lu}\p{L}+s$/u.test(previous.text) &&
      matchActor(previous.lower) !== null
    )
      return previous.text.slice(0, -1);
    const possessor = /['’]s$/u.test(previous.text);
    // "Kyiv's tally of roughly 4,000": the count right after its owner.
    const direct = possessor && OWN_COUNTS.has(own) && lang === 'en';
    // "The Pentagon's latest figure is …", "Seoul's own count".
    const kept =
      own === 'own' ||
      /^eigene[nr]?$/u.test(own) ||
      (possessor && COUNT_ADJECTIVES.has(own));
    if (!direct && (!kept || !OWN_COUNTS.has(toks[k + 1]?.lower ?? '')))
      continue;
    const src = possessor
      ? readBackward(text, toks, k, lang)?.replace(/['’]s$/u, '')
      : readForward(text, toks, 0, lang);
    if (src && namesClaimant(src)) return src;
    // "Tatsächlich hat der NIS nach eigenen Angaben …": the subject after
    // the verb.
    const after =
      !possessor && lang === 'de' ? readForward(text, toks, 2, lang) : null;
    if (after && namesClaimant(after)) return after;
  }
  return null;
}

const FRONTED_PREPOSITIONS =
  /^(?:zu|zur|zum|über|mit|bei|für|gegenüber|wegen)\s/iu;

/** True for "hält … für" after the verb at `i`, without "sich". */
function holdsFor(toks: readonly Token[], i: number): boolean {
  if (toks[i + 1]?.lower === 'sich') return false;
  for (let k = i + 1; k < toks.length && k <= i + 12; k += 1)
    if ((toks[k] as Token).lower === 'für') return true;
  return false;
}

/** True when "nicht"/"not" follows the verb at `i` within its clause. */
function negated(toks: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k <= i + 5; k += 1) {
    const t = toks[k] as Token;
    if (CLAUSE_BREAKS.has(t.text)) return false;
    if (t.lower === 'nicht' || t.lower === 'not') return true;
  }
  return false;
}

/** Runs the attribution patterns over one sentence's tokens. */
export function matchSentenceOnce(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (const t of toks) {
    const m = t.text.includes('-') ? SOURCE_COMPOUND.exec(t.text) : null;
    if (m && !isVague(m[1] as string)) return m[1] as string;
  }
  const own = ownSource(text, toks, lang) ?? relayedView(text, toks, lang);
  if (own) return own;
  // Speaker before a speech verb first: it is the primary source, while
  // "laut X" often names the outlet that relayed it.
  const adjective = lang === 'de' ? adjectiveSource(text, toks) : null;
  if (adjective) return adjective;
  // "CNN reported, citing Ukrainian intelligence officials": the cited
  // source is the claim's, the outlet only relays it. One that names no
  // claimant or institution ("unter Berufung auf Regierungskreise",
  // "… auf Bahndaten", "citing a military source") leaves the outlet.
  for (const [i, parts] of findCues(toks, CITING_INDEX[lang])) {
    const src = readForward(text, toks, i + parts.length, lang);
    if (src && namesClaimant(src)) return src;
  }
  for (const [i, parts] of findCues(toks, AFTER_INDEX[lang])) {
    // "South Korea's defence ministry, which said …": the name before the
    // relative pronoun.
    const relative =
      /^(?:which|who)$/u.test(toks[i - 1]?.lower ?? '') &&
      toks[i - 2]?.text === ',';
    // "… weniger als das, was Kiew behauptet": a comparison, not a source.
    if (/^(?:was|what)$/u.test(toks[i - 2]?.lower ?? '')) continue;
    // "halten" speaks only as "X hält N für …" ("hielten sich" is no view).
    if (
      /^(?:hält|halten|hielt|hielten)$/u.test(parts[0] as string) &&
      !holdsFor(toks, i)
    )
      continue;
    // "KCNA reported, saying …": the subject is the one before the comma.
    if (parts[0] === 'saying' && toks[i - 1]?.text === ',') continue;
    // "…, sagte er": the pronoun after the verb is its subject; what
    // stands before is what was said.
    if (
      lang === 'de' &&
      toks[i - 1]?.text === ',' &&
      /^(?:er|sie)$/u.test(toks[i + parts.length]?.lower ?? '')
    )
      continue;
    const read = readBackward(text, toks, relative ? i - 2 : i, lang);
    // "Tatsächlich nannte der Geheimdienst …": an adverb opens the clause.
    // "Zu Nordkorea sagte der Sprecher": a phrase with a preposition is
    // no subject.
    const src =
      read &&
      !isVague(read) &&
      !OPENING_ADVERBS.has(read.toLowerCase()) &&
      !(lang === 'de' && FRONTED_PREPOSITIONS.test(read))
        ? read
        : null;
    // German puts the subject after the verb when something else comes
    // first: "Tatsächlich spricht der südkoreanische Geheimdienst …",
    // "Ende Oktober bezifferte Pentagon-Sprecher Pat Ryder …", "Im
    // Gespräch mit einem Sender sagte Budanow …".
    // A dative after the verb is whom it was told ("sagte dem Sender").
    const dative = /^(?:dem|einem)$/u.test(toks[i + parts.length]?.lower ?? '');
    if (
      lang === 'de' &&
      !dative &&
      (src === null || canonicalSource(src) === null)
    ) {
      const after = readForward(text, toks, i + parts.length, lang);
      // With nothing before the verb, the phrase after it is its subject
      // ("Im Ausschuss berichtete ein Vertreter der Bundesregierung, …").
      if (
        after &&
        !isVague(after) &&
        (canonicalSource(after) !== null || (src === null && !negated(toks, i)))
      )
        return after;
    }
    if (src) return src;
  }
  for (const [i, parts] of findCues(toks, BEFORE_INDEX[lang])) {
    const cue = parts.join(' ');
    let n = parts.length;
    // "– so jedenfalls die Einschätzung der US-Regierung": an adverb and
    // an estimate noun may stand between "so" and its source.
    if (cue === 'so' && SO_ADVERBS.test(toks[i + n]?.lower ?? '')) n += 1;
    if (
      cue === 'so' &&
      ARTICLES.has(toks[i + n]?.lower ?? '') &&
      SO_ESTIMATES.test(toks[i + n + 1]?.lower ?? '') &&
      /^(?:der|des)$/u.test(toks[i + n + 2]?.lower ?? '')
    )
      n += 3;
    const next = toks[i + n];
    // Verbs and "so" only introduce a source that starts with a capital.
    if (
      !next ||
      (cue.length < 8 &&
        !isCapitalized(next) &&
        !ARTICLES.has(next.lower) &&
        !DETERMINERS.has(next.lower) &&
        !PREPOSITIONS.has(cue))
    )
      continue;
    // English puts the speaker after the verb only in inversion: after a
    // quote or comma ("…, said John Kirby"), never in "which said Russian".
    const before = toks[i - 1]?.text ?? ',';
    if (
      lang === 'en' &&
      SPEECH_VERBS.has(cue) &&
      !CLAUSE_BREAKS.has(before) &&
      !/^[„“"'”’»«]$/u.test(before)
    )
      continue;
    const src = readForward(text, toks, i + n, lang);
    // A relayed source that names no claimant is skipped (see CITING).
    if (
      src &&
      CITING_INDEX[lang].has(parts[0] as string) &&
      !namesClaimant(src)
    )
      continue;
    // "…, said North Korean casualties had passed 4,000": an adjective of
    // the claim's own noun, not a speaker.
    if (src && !isVague(src) && !isModifierOnly(src)) return src;
  }
  return documentReader(text, toks, lang) ?? documentGenitive(text, toks, lang);
}
