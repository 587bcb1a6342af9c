/**
 * The source of a figure's own clause, when a sentence names several:
 * "Seoul's NIS said about 11,000; the Pentagon put the number at 11,000 to
 * 12,000", "Kiew spricht von etwa 12.000, Washington von gut 11.000",
 * "Western estimates crept upward: the Pentagon spoke of 'at least
 * 3,000'". Clauses end at ";", ":", spaced dashes, ", and" and at a comma
 * that a named claimant follows.
 */
import type { Language } from '../claim.js';
import { isGeneric } from './attribution.js';
import {
  isVague,
  joinSource,
  readBackward,
  readForward,
} from './source-phrase.js';
import { skipDate } from './phrase-edges.js';
import { matchSentenceOnce } from './source-patterns.js';
import { canonicalSource, speaksForNorth } from './source.js';
import { REPORT_VERBS } from './lexicon/sources.js';
import { matchActor } from './actor.js';
import {
  auxiliarySubject,
  FRONTED,
  leadEnd,
  subjectSource,
} from './subject.js';
import { isCapitalized, type Token } from './text.js';
import { contactRelativeAt } from './anaphora.js';
import { relayedEstimator, unnamedQuoteOwner } from './relayed-estimate.js';

// Words after a comma that open a clause of its own ("…, and his agency
// said …", "…, while Kyiv put …").
const CLAUSE_OPENERS = new Set([
  'and',
  'und',
  'but',
  'aber',
  'while',
  'während',
  'whereas',
  'wobei',
  // "Richtig ist, dass der NIS von rund 11.000 Soldaten ausgeht".
  'dass',
]);

/** A named claimant opening the clause at `k` ("Washington von gut 11.000"). */
function claimantAt(
  text: string,
  toks: readonly Token[],
  k: number,
  lang: Language,
): string | null {
  const t = toks[k];
  if (!t || !t.isWord) return null;
  // "…, im Dezember der NIS von 12.000": a date may open the clause.
  const first = skipDate(toks, CLAUSE_OPENERS.has(t.lower) ? k + 1 : k);
  const head = toks[first];
  // "…, südkoreanische Medien berichten von fünf": a country's adjective
  // opens a German noun phrase in lower case.
  const adjective =
    head !== undefined &&
    lang === 'de' &&
    matchActor(head.lower) !== null &&
    isCapitalized(toks[first + 1] ?? head);
  if (
    !head ||
    !(
      isCapitalized(head) ||
      adjective ||
      /^(?:the|der|die|das)$/u.test(head.lower)
    )
  )
    return null;
  const src = readForward(text, toks, first, lang);
  if (!src || isVague(src)) return null;
  const source = canonicalSource(src);
  // "…, Nordkorea werde 1.000 Pioniere schicken": the state in a reported
  // clause is the troops' owner, not a claimant.
  if (source === null || (source.id === 'kp-gov' && !speaksForNorth(src)))
    return null;
  // The claimant speaks: a reporting verb, or the gapped "von"/"at" of
  // "Washington von gut 11.000".
  // The token after the phrase: the phrase is a slice of the text.
  const srcEnd = text.indexOf(src, head.start) + src.length;
  let after = first;
  while (after < toks.length && (toks[after] as Token).end <= srcEnd)
    after += 1;
  let next = toks[after]?.lower ?? '';
  if (/^(?:has|have|hat|haben|had|hatte)$/u.test(next))
    next = toks[after + 1]?.lower ?? '';
  return REPORT_VERBS[lang].has(next) || GAPPED.has(next) ? src : null;
}

const GAPPED = new Set(['von', 'auf', 'bei', 'mit', 'at', 'of']);

/**
 * The comma that ends a fronted subordinate clause ("Während der NIS von
 * 300 Toten ausging, nannte die US-Regierung …"), or -1: the first comma
 * that opens no relative clause.
 */
function frontedEnd(toks: readonly Token[], lead: number): number {
  // The clause opens the sentence or follows a colon ("Bemerkenswert ist
  // …: Während der NIS …, nannte …").
  let at = FRONTED.test(toks[lead]?.lower ?? '') ? lead : -1;
  if (at < 0) {
    const colon = toks.findIndex((t, j) => j >= lead && /^[:;]$/u.test(t.text));
    if (colon >= 0 && FRONTED.test(toks[colon + 1]?.lower ?? ''))
      at = colon + 1;
  }
  if (at < 0) return -1;
  for (let k = at + 1; k < toks.length; k += 1) {
    if ((toks[k] as Token).text !== ',') continue;
    if (!RELATIVE_OPENERS.has(toks[k + 1]?.lower ?? '')) return k;
  }
  return -1;
}

const RELATIVE_OPENERS = new Set(['der', 'die', 'das', 'which', 'who']);

/** Token index range of the figure's clause, or null for a one-clause sentence. */
function clauseBounds(
  text: string,
  toks: readonly Token[],
  num: number,
  lang: Language,
): [number, number] | null {
  const lead = leadEnd(toks);
  const fronted = frontedEnd(toks, lead);
  const isBreak = (k: number): boolean => {
    const t = toks[k] as Token;
    if (k < lead) return false;
    if (k === fronted) return true;
    if (t.text === ';' || t.text === ':') return true;
    if (/^[–—]$/u.test(t.text))
      return k > 0 && (toks[k - 1] as Token).end < t.start;
    if (t.text !== ',') return false;
    return (
      CLAUSE_OPENERS.has(toks[k + 1]?.lower ?? '') ||
      claimantAt(text, toks, k + 1, lang) !== null ||
      auxClaimantAt(text, toks, k + 1, lang)
    );
  };
  let a = num;
  while (a > lead && !isBreak(a - 1)) a -= 1;
  let b = num;
  while (b < toks.length && !isBreak(b)) b += 1;
  if (a <= lead && b === toks.length) return null;
  // Skip the opener itself: "and his military intelligence agency said".
  // "Während …" keeps its subordinator: `subjectSource` reads past it.
  const opener = toks[a]?.lower ?? '';
  if (a > 0 && CLAUSE_OPENERS.has(opener) && !FRONTED.test(opener)) a += 1;
  return [a, b];
}

/**
 * The source named in the figure's own clause when the sentence has
 * several, or null (one clause, or none named in it).
 */
export function findClauseAttribution(
  text: string,
  toks: readonly Token[],
  num: number,
  lang: Language,
): string | null {
  const denier = reportsOwner(text, toks, num, lang);
  if (denier) return denier;
  const noted =
    relayedEstimator(text, toks, num, lang) ??
    unnamedQuoteOwner(text, toks, num, lang) ??
    bracketNote(text, toks, num) ??
    relativeClaimant(toks, num) ??
    talkIn(toks, num);
  if (noted) return noted;
  const bounds = clauseBounds(text, toks, num, lang);
  if (!bounds) return null;
  // Figures of one clause share its source: read each clause once.
  let memo = MEMO.get(toks);
  if (!memo) {
    memo = new Map();
    MEMO.set(toks, memo);
  }
  const key = bounds[0] * 100_000 + bounds[1];
  const known = memo.get(key);
  if (known !== undefined) return known;
  const got = clauseSource(text, toks, bounds, lang);
  memo.set(key, got);
  return got;
}

const MEMO = new WeakMap<readonly Token[], Map<number, string | null>>();

// Words that introduce the source of a fact box's note.
const NOTE_CUES =
  /^(?:schätzung|laut|ebenfalls|quelle|per|according|source|estimate)$/u;

/**
 * The claimant a fact box's note names in brackets after the figure:
 * "Entsandt: rund 14.000 (Stand Frühjahr 2025, Schätzung Seoul)",
 * "Verwundet: etwa 3.500 (ebenfalls Seoul)", "about 12,000 (per Kyiv)":
 * the capitalised words that end the note, after a cue or a comma.
 */
function bracketNote(
  text: string,
  toks: readonly Token[],
  num: number,
): string | null {
  let open = num + 1;
  while (open < toks.length && open - num <= 4 && toks[open]?.text !== '(')
    open += 1;
  if (toks[open]?.text !== '(') return null;
  let close = open + 1;
  while (close < toks.length && close - open <= 12 && toks[close]?.text !== ')')
    close += 1;
  if (toks[close]?.text !== ')') return null;
  let from = close;
  while (from - 1 > open && isCapitalized(toks[from - 1] as Token)) from -= 1;
  if (from === close) return null;
  const before = toks[from - 1] as Token;
  if (from - 1 !== open && before.text !== ',' && !NOTE_CUES.test(before.lower))
    return null;
  const name = toks.slice(from, close);
  if (
    !matchActor(name[0]?.lower ?? '') &&
    !canonicalSource(joinSource(text, name))
  )
    return null;
  return joinSource(text, name);
}

/**
 * The named subject of a contact relative clause after the figure: "up
 * from the 3,000 Washington was talking about", "the 11,000 Seoul counted
 * in December". It is a claimant when the source table knows it.
 */
function relativeClaimant(toks: readonly Token[], num: number): string | null {
  if (!/^(?:the|those)$/u.test(toks[num - 1]?.lower ?? '')) return null;
  const name = toks[num + 1];
  if (!name || !isCapitalized(name) || !contactRelativeAt(toks, num + 1))
    return null;
  return canonicalSource(name.text) ? name.text : null;
}

/**
 * "in Kiew ist dagegen von 15.000 die Rede", "In Washington war von 3.000
 * die Rede": the place where it is said names the claimant.
 */
function talkIn(toks: readonly Token[], num: number): string | null {
  let rede = num;
  while (rede < toks.length && rede - num <= 4 && toks[rede]?.lower !== 'rede')
    rede += 1;
  if (toks[rede]?.lower !== 'rede' || toks[rede - 1]?.lower !== 'die')
    return null;
  let a = num;
  while (a > 0 && toks[a - 1]?.text !== ',' && toks[a - 1]?.text !== ';')
    a -= 1;
  const at = toks.findIndex((t, k) => k >= a && k < num && t.lower === 'in');
  const place = toks[at + 1];
  if (at < 0 || !place || !isCapitalized(place)) return null;
  return canonicalSource(place.text) ? place.text : null;
}

/** The source of the clause `bounds` of `toks`, or null. */
function clauseSource(
  text: string,
  toks: readonly Token[],
  bounds: readonly [number, number],
  lang: Language,
): string | null {
  const clause = toks.slice(bounds[0], bounds[1]);
  const src =
    matchSentenceOnce(text, clause, lang) ??
    subjectSource(text, clause, lang) ??
    auxiliarySubject(text, clause, lang) ??
    // Gapping: "Kiew spricht von etwa 12.000, Washington von gut 11.000".
    (bounds[0] > 0 && (toks[bounds[0] - 1] as Token).text === ','
      ? claimantAt(text, toks, bounds[0], lang)
      : null) ??
    thatClauseSubject(text, toks, bounds, lang);
  return src && !isGeneric(src) ? src : null;
}

/**
 * The subject of a "dass" clause that speaks with its verb at the end:
 * "Richtig ist, dass der südkoreanische Geheimdienst von rund 11.000
 * Soldaten ausgeht", "Klar ist, dass der Generalstab … spricht".
 */
function thatClauseSubject(
  text: string,
  toks: readonly Token[],
  bounds: readonly [number, number],
  lang: Language,
): string | null {
  const [a, b] = bounds;
  if (toks[a - 1]?.lower !== 'dass') return null;
  if (!/^(?:der|die|das)$/u.test(toks[a]?.lower ?? '')) return null;
  let speaks = false;
  for (let k = a + 1; k < b && !speaks; k += 1)
    speaks = REPORT_VERBS[lang].has((toks[k] as Token).lower);
  if (!speaks) return null;
  const src = readForward(text, toks, a, lang);
  if (!src || isVague(src)) return null;
  const source = canonicalSource(src);
  return source && source.id !== 'kp-gov' ? src : null;
}

const REPORT_NOUNS =
  /^(?:berichte|meldungen|gerüchte|spekulationen|reports|claims|rumours|rumors)$/u;
const ANSWERS =
  /^(?:dismissed|dismisses|denied|denies|rejected|rejects|called|calls|branded|brands|brushed|the|these|such|those)$/u;
const TOPIC_LINKS = /^(?:über|von|of|about|that)$/u;

/**
 * Whoever answers "reports of" a figure speaks of it, as the one who
 * denies it: "tat Kremlsprecher Dmitri Peskow Berichte über 10.000
 * nordkoreanische Soldaten als Erfindung ab", "Nordkoreas
 * Außenministerium hat Berichte über die Entsendung von 12.000 Soldaten
 * … bezeichnet", "Peskov dismissed reports of 10,000 troops". The
 * claimant stands right before "Berichte", after at most two verbs.
 */
function reportsOwner(
  text: string,
  toks: readonly Token[],
  num: number,
  lang: Language,
): string | null {
  let r = -1;
  for (let k = num - 1; k >= 0 && num - k <= 6; k -= 1) {
    const w = (toks[k] as Token).lower;
    if (REPORT_NOUNS.test(w) && TOPIC_LINKS.test(toks[k + 1]?.lower ?? '')) {
      r = k;
      break;
    }
    if (/^[.;:]$/u.test(w)) return null;
  }
  if (r < 1) return null;
  // "Peskov dismisses Ukrainian claims that …": the claims' owner is an
  // adjective; the one who answers them comes before it.
  if (
    /(?:an|ian|ese|ish|ische|ischen)$/u.test((toks[r - 1] as Token).lower) &&
    matchActor((toks[r - 1] as Token).lower)
  )
    r -= 1;
  // English "reports", "claims" are verbs after their subject
  // ("Kyiv's military intelligence reports that …"): a noun here follows
  // a verb of answering or a determiner.
  if (lang === 'en' && !ANSWERS.test(toks[r - 1]?.lower ?? '')) return null;
  let end = r;
  while (
    end > 0 &&
    r - end < 2 &&
    /^\p{Ll}/u.test((toks[end - 1] as Token).text)
  )
    end -= 1;
  // "habe Kremlsprecher Dmitri Peskow Berichte …": the capitalised run.
  let a = end;
  while (
    a > 0 &&
    end - a < 5 &&
    (toks[a - 1] as Token).isWord &&
    isCapitalized(toks[a - 1] as Token)
  )
    a -= 1;
  for (const src of [
    a < end ? joinSource(text, toks.slice(a, end)) : null,
    readBackward(text, toks, end, lang),
  ]) {
    if (src && !isVague(src) && canonicalSource(src)) return src;
  }
  return null;
}

/**
 * True when an adverb and an auxiliary with a claimant open the clause at
 * `k`: "…, bislang war das Weiße Haus von 3.000 ausgegangen".
 */
function auxClaimantAt(
  text: string,
  toks: readonly Token[],
  k: number,
  lang: Language,
): boolean {
  if (lang !== 'de' || !/^\p{Ll}/u.test(toks[k]?.text ?? '')) return false;
  let end = k + 1;
  while (
    end < toks.length &&
    end - k < 25 &&
    !/^[,;:.]$/u.test((toks[end] as Token).text)
  )
    end += 1;
  return auxiliarySubject(text, toks.slice(k, end), lang) !== null;
}
