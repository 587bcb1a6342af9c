/**
 * The subject of a sentence as its source: "Der Kreml hat Berichte
 * zurückgewiesen, wonach …", "NATO-Generalsekretär Mark Rutte hat
 * Nordkorea vorgeworfen, …", "Ukraine's SBU releases footage of …",
 * "Seoul's spy agency has cited about 2,000 dead". Such sentences name
 * their source with a verb far from it (perfect tense, separable verbs)
 * or one that is no speech verb; the subject counts when it names a
 * claimant of the source table and the sentence holds a reporting verb.
 *
 * Also here: the wire dateline ("Seoul (Yonhap) –", "BRUSSELS, Feb 3
 * (Reuters) -") and live-ticker stamps ("14:32 Uhr –"), which open a
 * sentence but never name its source.
 */
import type { ClaimSource, Language } from '../claim.js';
import { REPORT_VERBS } from './lexicon/sources.js';
import { isVague, readForward } from './source-phrase.js';
import { canonicalSource, speaksForNorth } from './source.js';
import { isCapitalized, type Token } from './text.js';

const DASHES = new Set(['–', '—', '-', '−', '--']);

/**
 * Index of the first token after a dateline or ticker stamp at the start
 * of the sentence, or 0: a dash within the first 12 tokens, preceded by a
 * parenthesised outlet or by a time ("Uhr", "a.m.", digits).
 */
export function leadEnd(toks: readonly Token[]): number {
  let end = leadDash(toks);
  // "(Yonhap) -- North Korea …": a doubled dash.
  while (end > 0 && DASHES.has(toks[end]?.text ?? '')) end += 1;
  // "07:55 Uhr – SEOUL (dpa) – …": a ticker stamp before a dateline.
  if (end > 0) {
    const more = leadDash(toks.slice(end));
    if (more > 0 && toks.slice(end, end + more).some((t) => t.text === '('))
      end += more;
  }
  return end;
}

/** Index after the dash of a dateline or ticker stamp, or 0. */
function leadDash(toks: readonly Token[]): number {
  // "8:10 a.m. — …" is split after "a.m.": the dash opens the sentence.
  if (DASHES.has(toks[0]?.text ?? '')) return 1;
  for (let k = 1; k < toks.length && k <= 12; k += 1) {
    const dash = toks[k] as Token;
    const before = toks[k - 1] as Token;
    // "Aktualisiert um 16.05 Uhr: …", "11.47 Uhr: …": a stamp ends in a colon.
    if (
      dash.text === ':' &&
      /^(?:uhr|gmt|utc|mez|mesz|et|kst)$/iu.test(before.text)
    )
      return k + 1;
    if (!DASHES.has(dash.text)) continue;
    // "10,000–12,000" is a range, not a dateline: the dash stands apart.
    const doubled = DASHES.has(toks[k + 1]?.text ?? '');
    if (
      !doubled &&
      (before.end === dash.start || toks[k + 1]?.start === dash.end)
    )
      continue;
    if (before.text === ')') return k + 1;
    if (
      /^(?:uhr|a\.?m|p\.?m|gmt|utc|mez|mesz|et|est|edt|bst|cet|kst)\.?$/iu.test(
        before.text,
      )
    )
      return k + 1;
    const time = toks[k - 2]?.text === ':' || toks[k - 2]?.text === '.';
    if (/^\d{2}$/u.test(before.text) && time) return k + 1;
    return 0;
  }
  return 0;
}

/** True when the dateline at the start of `toks` holds the token at `k`. */
export function inLead(toks: readonly Token[], k: number): boolean {
  return k < leadEnd(toks);
}

// Subordinators of a fronted clause whose subject speaks, and the
// articles that may open that subject.
export const FRONTED =
  /^(?:when|als|after|nachdem|während|while|whereas|wenn|if|hatte|hätte)$/u;
const ARTICLE = /^(?:der|die|das|the)$/u;

/**
 * The sentence's subject when it names a known claimant and a reporting
 * verb follows it: the source phrase read from the sentence start (after a
 * dateline), or null.
 */
export function subjectSource(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  let from = leadEnd(toks);
  // «Wenn Selenskyj von mehr als 3.000 … spricht, …»: a quote may open.
  if (/^[«»„“"]$/u.test(toks[from]?.text ?? '')) from += 1;
  // "When Washington first warned, …", "Während der NIS … ausging, …": the
  // subject of a fronted clause.
  const fronted = FRONTED.test(toks[from]?.lower ?? '');
  if (fronted) from += 1;
  const first = toks[from];
  if (!first || !first.isWord) return null;
  // A clause after a colon or semicolon may open with a lower-case article
  // ("…: the Pentagon spoke of 'at least 3,000' …").
  const article =
    ARTICLE.test(first.lower) && isCapitalized(toks[from + 1] ?? first);
  if (
    !isCapitalized(first) &&
    !(fronted && ARTICLE.test(first.lower)) &&
    !article
  )
    return null;
  if (!toks.some((t, k) => k > from && REPORT_VERBS[lang].has(t.lower)))
    return null;
  const src = readForward(text, toks, from, lang);
  if (src === null || isVague(src)) return null;
  const source = canonicalSource(src);
  // "Nordkorea hat … eingeräumt": the state itself speaks only through
  // its agency or its leader, named as such.
  if (source === null || (source.id === 'kp-gov' && !speaksForNorth(src)))
    return null;
  // "Kim Jong Un has sent perhaps 14,000 men": the leader who sends troops
  // is their owner; he is the source only when he speaks himself.
  if (
    source.id === 'kp-gov' &&
    !/kcna/iu.test(src) &&
    !speaksNext(text, toks, from, src, lang)
  )
    return null;
  return src;
}

const AUXILIARIES =
  /^(?:has|have|had|is|was|will|hat|habe|hatte|ist|wird|soll)$/u;

/** True when a reporting verb follows the subject `src` read at `from`. */
function speaksNext(
  text: string,
  toks: readonly Token[],
  from: number,
  src: string,
  lang: Language,
): boolean {
  const end = text.indexOf(src, (toks[from] as Token).start) + src.length;
  let k = toks.findIndex((t) => t.start >= end);
  if (k < 0) return false;
  if (toks[k]?.text === ',') return true; // "Kim Jong Un, in a speech, …"
  if (AUXILIARIES.test(toks[k]?.lower ?? '')) k += 1;
  return REPORT_VERBS[lang].has(toks[k]?.lower ?? '');
}

// Dateline cities and the country words the source table knows them by.
const DATELINE_CITIES: ReadonlyMap<string, string> = new Map([
  ['washington', 'us'],
  ['seoul', 'seoul'],
  ['kiew', 'kyiv'],
  ['kyiv', 'kyiv'],
  ['kiev', 'kyiv'],
  ['london', 'british'],
  ['moskau', 'russia'],
  ['moscow', 'russia'],
]);

/**
 * The country of a wire dateline ("WASHINGTON (Reuters) –", "SEOUL, Nov 12
 * (Yonhap) —") as a word of the source table, or null: "a government
 * official here" in a Seoul dateline is Seoul's.
 */
export function datelineCountry(toks: readonly Token[]): string | null {
  const end = leadEnd(toks);
  if (end === 0 || !toks.slice(0, end).some((t) => t.text === '(')) return null;
  const city = (toks[0] as Token).lower.split('/')[0] as string;
  return DATELINE_CITIES.get(city) ?? null;
}

const GERMAN_AUX =
  /^(?:hatte|hatten|hat|haben|war|waren|ist|sind|habe|hätte)$/u;
const SPOKEN =
  /^(?:gesprochen|ausgegangen|beziffert|genannt|gemeldet|angegeben|geschätzt|berichtet|erklärt|mitgeteilt)$/u;

/**
 * The German subject after a fronted phrase and its auxiliary, when the
 * clause ends in a participle of speech: "Noch vor vier Wochen hatte
 * Washington die Zahl auf rund 8000 beziffert", "…, bislang war das Weiße
 * Haus von 3.000 ausgegangen". Only a claimant of the source table counts.
 */
export function auxiliarySubject(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  if (lang !== 'de') return null;
  const known = (src: string | null): string | null => {
    if (!src || isVague(src)) return null;
    const source = canonicalSource(src);
    return source && source.id !== 'kp-gov' ? src : null;
  };
  for (let k = leadEnd(toks) + 1; k < toks.length; k += 1) {
    if (!GERMAN_AUX.test((toks[k] as Token).lower)) continue;
    if (!toks.slice(k + 2).some((t) => SPOKEN.test(t.lower))) return null;
    // "Die Ukraine hat von rund 500 Offizieren gesprochen": the subject
    // opens the clause (after a rubric's colon) right before the auxiliary.
    const colon = toks.findLastIndex((t, j) => j < k && t.text === ':');
    const open = colon >= 0 ? colon + 1 : leadEnd(toks);
    const first =
      k - open >= 1 && k - open <= 5
        ? known(readForward(text, toks, open, lang))
        : null;
    return first ?? known(readForward(text, toks, k + 1, lang));
  }
  return null;
}

/**
 * The canonical source of an attribution; one without a country of its
 * own ("ein Vertreter des Außenministeriums", "a government official
 * here") takes the country of the wire dateline.
 */
export function claimSource(
  attribution: string | null,
  lead: readonly Token[],
): ClaimSource | null {
  const own = canonicalSource(attribution);
  if (own !== null || attribution === null) return own;
  const country = datelineCountry(lead);
  return country ? canonicalSource(`${attribution} ${country}`) : null;
}
