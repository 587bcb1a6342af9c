/**
 * The extract stage: German or English news text → claims about how many
 * North Korean troops are in Russia / the war against Ukraine. A pure
 * function built from general rules (number grammar, qualifier lexicons,
 * unit nouns, actor cues, event verbs, attribution patterns); see DESIGN.md,
 * "The claim".
 */
import type { Claim, Language } from '../claim.js';
import { findAttribution } from './attribution.js';
import { findClauseAttribution } from './clause-source.js';
import { resolveActor } from './actor.js';
import { matchCasualtyCue } from './event.js';
import { eventInContext } from './event-context.js';
import { countsPart, findAnaphoricUnit } from './anaphora.js';
import { findUnitBefore } from './count-anchor.js';
import { findEarlierLevel, opensWithEarlierLevel } from './levels.js';
import { findPostQualifier, findStrongBody, findUnitAfter } from './unit.js';
import {
  findTokenIndex,
  lowerCopy,
  splitSentences,
  tokenize,
  type Span,
  type Token,
} from './text.js';
import { IMPLAUSIBLE_MIN, KP_GATE, KOREA_GATE } from './lexicon/claims.js';
import { onlyThePeninsula } from './topic-gate.js';
import { detectLanguage } from './language.js';
import { findNumbers, type NumberMention } from './number/parse.js';
import { findQualifier } from './qualifier.js';
import {
  hasMilitaryContext,
  hasLabourContext,
  isArmySize,
  isCoordinated,
  isScore,
  isSubunitSize,
  isHomeStrength,
  quotesEarlierVersion,
} from './filters.js';
import { findTurns, turnSource, type Turn } from './speaker.js';
import {
  shippedModel,
  secondLook,
  type AttributionModel,
} from './learned-source.js';
import { claimSource } from './subject.js';
import { pointBack } from './generic-source.js';
import { findTopicUnit, troopOwner } from './topic.js';

export { detectLanguage } from './language.js';

/** Options of {@link extractClaims}. */
export interface ExtractOptions {
  /** Language of the text. @defaultValue detected with {@link detectLanguage} */
  lang?: Language;
  /** The learned second look at claimants; null for the hand rules alone. */
  model?: AttributionModel | null;
  /** Rethrow a rule's error instead of returning no claims (for tests). */
  strict?: boolean;
}

// Token window around a figure that the context rules may read.
const WINDOW = 60;

/** The sentence index holding each offset, for offsets in ascending order. */
function locate(
  sentences: readonly Span[],
  offset: number,
  from: number,
): number {
  let i = from;
  while (i < sentences.length - 1 && (sentences[i] as Span).end <= offset)
    i += 1;
  return i;
}

/** Builds the claim of one figure, or null when it is not a KP claim. */
function buildClaim(
  text: string,
  lower: string | null,
  m: NumberMention,
  sentences: readonly Span[],
  si: number,
  tokens: (i: number) => Token[],
  edge: (i: number, side: 'head' | 'tail') => Token[],
  lang: Language,
  carry: Claim | null,
  opening: Claim | null,
  attributions: Map<number, string | null>,
  hasHeadline: boolean,
  turns: () => readonly Turn[],
): Claim | null {
  if (m.kind !== 'count' || m.value < 2 || m.value >= IMPLAUSIBLE_MIN)
    return null;
  if (isScore(text, m)) return null;
  // Rules look at most WINDOW tokens either side, so a huge sentence costs
  // the same per figure as a normal one (linear time overall).
  const all = tokens(si);
  const at = findTokenIndex(all, m.start);
  const from = Math.max(0, at - WINDOW);
  const toks = all.length > 2 * WINDOW ? all.slice(from, at + WINDOW) : all;
  const shift = toks === all ? 0 : from;
  const num = at - shift;
  const end = findTokenIndex(toks, m.end);
  const post = findPostQualifier(toks, end);
  let unit =
    findUnitAfter(toks, end + (post?.[1] ?? 0), lang) ??
    findStrongBody(toks, num, end);
  const adjacent = unit !== null;
  const prev = si > 0 ? edge(si - 1, 'tail') : null;
  if (!unit && !m.yearLike) unit = findUnitBefore(toks, num, end, prev, lang);
  let anaphoric = false;
  if (!unit && !m.yearLike) {
    unit = findAnaphoricUnit(toks, num, end, prev, lang);
    anaphoric = unit !== null;
  }
  const headline = hasHeadline ? edge(0, 'head') : null;
  // "155-Millimeter-Granaten": a figure glued to a word is no bare count.
  const glued = /^[-\u2010\u2011]\p{L}/u.test(text.slice(m.end, m.end + 2));
  if (!unit && !m.yearLike && !glued)
    unit = findTopicUnit(
      toks,
      num,
      end,
      m.value,
      prev,
      si > 0 ? headline : null,
      lang,
      si > 1 ? edge(0, 'head') : null,
    );
  // The claim before this figure, when it stands in the same sentence.
  const before =
    carry && carry.end > (sentences[si] as Span).start ? carry : null;
  // Ellipsis: "300 Soldaten getötet und etwa 2.700 verwundet" reuses the
  // noun and actor of the figure before it in the same sentence.
  if (!unit && before && matchCasualtyCue(toks[end]?.lower ?? '', lang)) {
    unit = {
      unit: before.unit,
      event: null,
      actor: before.actor,
      next: end,
      demonym: false,
    };
  }
  if (!unit && !m.yearLike)
    unit = findEarlierLevel(
      toks,
      num,
      end,
      before ?? (opensWithEarlierLevel(toks, num) ? carry : null),
      lang,
    );
  if (!unit) return null;
  // A headline's context is its lead ("Rund 10.000 Nordkoreaner in
  // Russland\nEin Teil der Truppen …"), a sentence's also the one before.
  if (unit.demonym && hasLabourContext(toks, num))
    unit = { ...unit, unit: 'workers' };
  else if (
    unit.demonym &&
    !hasMilitaryContext(toks, lang) &&
    !(prev !== null && hasMilitaryContext(prev, lang)) &&
    !(
      si === 0 &&
      hasHeadline &&
      sentences.length > 1 &&
      hasMilitaryContext(edge(1, 'head'), lang)
    )
  )
    return null;
  // A bare year-like number is a count only with its noun right after it.
  if (m.yearLike && (!adjacent || unit.next - end > 3)) return null;
  if (
    isArmySize(toks, num, m.value) ||
    quotesEarlierVersion(toks) ||
    isSubunitSize(toks, num) ||
    isHomeStrength(toks, num)
  )
    return null;
  // Without a headline, the lead sentence sets the topic ("Wie viele
  // Nordkoreaner stehen noch in Russland? … Der britische Geheimdienst geht
  // von etwa elftausend Mann aus").
  const lead = headline ?? (si > 1 ? edge(0, 'head') : null);
  const actor = resolveActor(
    toks,
    num,
    unit,
    prev,
    si > 0 ? lead : null,
    unit.actor ? null : troopOwner(prev, lang),
  );
  if (actor !== 'KP') return null;
  let [qualifier, qStart] = findQualifier(text, lower, m, lang);
  if (qualifier === 'exact' && post) qualifier = post[0];
  // "ten thousand men at least", "2,000 troops or more".
  const tail = adjacent ? findPostQualifier(toks, unit.next) : null;
  if (qualifier === 'exact' && tail) qualifier = tail[0];
  // "roughly 300 killed and 2,700 wounded": the qualifier of the first of
  // two coordinated figures holds for the second.
  if (
    qualifier === 'exact' &&
    before &&
    before.qualifier !== 'exact' &&
    before.qualifier !== 'range' &&
    m.value >= 10 &&
    isCoordinated(toks, num, before.end)
  )
    qualifier = before.qualifier;
  const event = eventInContext(
    toks,
    num,
    unit,
    lang,
    before,
    opening,
    anaphoric,
  );
  const next = si + 1 < sentences.length ? edge(si + 1, 'head') : null;
  // Attribution depends on the sentence only: computed once per sentence
  // (dense passages hold many figures per sentence).
  let attribution = shift === 0 ? attributions.get(si) : undefined;
  if (attribution === undefined) {
    attribution = findAttribution(
      text,
      toks,
      next,
      lang,
      prev,
      si === 0 && headline !== null,
      attributions.get(si - 1) ?? null,
    );
    if (shift === 0) attributions.set(si, attribution);
  }
  // Several sources in one sentence ("Seoul's NIS said …; the Pentagon put
  // the number at …"): the figure's own clause names its source first.
  const clause = findClauseAttribution(text, toks, num, lang);
  attribution = clause ?? attribution;
  // A transcript's speaker owns the figures of their turn, unless the turn
  // itself names a source ("Pentagon press briefing — … MAJ. GEN. RYDER:
  // It is.").
  attribution = turnSource(text, turns(), m.start, attribution);
  // A part of a count ("…, darunter etwa 500 Offiziere", "4,000 of them")
  // is told by whoever told the count, unless its own clause names
  // another ("…, geht Kiew davon aus, dass 3.000 von ihnen …").
  const part =
    before !== null &&
    clause === null &&
    (countsPart(toks, num, end) ||
      (PARTS.has(before) && isCoordinated(toks, num, before.end)));
  if (part) attribution = before.attribution;
  const sentence = sentences[si] as Span;
  const endOff = adjacent ? (toks[unit.next - 1] as Token).end : m.end;
  const value = m.value;
  const low =
    qualifier === 'range'
      ? m.low
      : qualifier === 'at_least' || qualifier === 'more_than'
        ? value
        : null;
  const high = qualifier === 'range' || qualifier === 'up_to' ? value : null;
  const claim: Claim = {
    value,
    low,
    high,
    qualifier,
    unit: unit.unit,
    actor,
    event,
    attribution,
    source: claimSource(attribution, edge(0, 'head')),
    text: text.slice(qStart, endOff),
    sentence: text.slice(sentence.start, sentence.end),
    start: qStart,
    end: endOff,
  };
  if (part) PARTS.add(claim);
  return claim;
}

// Claims that count a part of the claim before them in their sentence.
const PARTS = new WeakSet<Claim>();

/**
 * Extracts the troop-count claims about North Korean forces from one text.
 * Pure and total: never throws; empty or garbage input gives [].
 */
export function extractClaims(
  text: string,
  options: ExtractOptions = {},
): Claim[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  // Outside the guard below: a missing model file is a broken install, to
  // be seen, not a text without claims.
  const model = options.model === undefined ? shippedModel() : options.model;
  try {
    // Cheap gates first: most news never names North Korea at all (or
    // Korea, whose mention makes a passage about the North's troops).
    if (!KP_GATE.test(text) && !KOREA_GATE.test(text)) return [];
    const lower = lowerCopy(text);
    if (onlyThePeninsula(text, lower)) return [];
    const lang = options.lang ?? detectLanguage(text, lower);
    const sentences = splitSentences(text);
    const cache = new Map<number, Token[]>();
    const tokens = (i: number): Token[] => {
      let t = cache.get(i);
      if (!t) {
        t = tokenize(text, sentences[i] as Span, lower);
        cache.set(i, t);
      }
      // Only neighbours are revisited; dropping the rest bounds memory.
      if (cache.size > 64) cache.delete(cache.keys().next().value as number);
      return t;
    };
    // Windows of neighbour sentences, cached so that each is one array:
    // the attribution rules memoise their work per array.
    const edges = new Map<string, Token[]>();
    const edge = (i: number, side: 'head' | 'tail'): Token[] => {
      const key = `${side}${i}`;
      let t = edges.get(key);
      if (!t) {
        const all = tokens(i);
        // A short sentence is its own window: the same array, so that
        // the memos of the rules also serve it as a neighbour.
        if (all.length <= WINDOW) t = all;
        else t = side === 'head' ? all.slice(0, WINDOW) : all.slice(-WINDOW);
        edges.set(key, t);
        if (edges.size > 64) edges.delete(edges.keys().next().value as string);
      }
      return t;
    };
    const out: Claim[] = [];
    const sentenceOf: number[] = [];
    // For a claim that counts a part of another, that claim's index; else -1.
    const partOf: number[] = [];
    // The first claim of each sentence, for a figure that restates it.
    const firsts = new Map<number, Claim>();
    let si = 0;
    const attributions = new Map<number, string | null>();
    // The headline is the first line, when the text has more than one.
    const nl = text.indexOf('\n');
    const hasHeadline = nl >= 0 && (sentences[0] as Span).end <= nl;
    // Transcript turns, found only when a figure has no source of its own.
    let found: Turn[] | null = null;
    const turns = (): readonly Turn[] => (found ??= findTurns(text));
    for (const m of findNumbers(text, lower)) {
      if (m.kind !== 'count') continue;
      si = locate(sentences, m.start, si);
      const claim = buildClaim(
        text,
        lower,
        m,
        sentences,
        si,
        tokens,
        edge,
        lang,
        out.at(-1) ?? null,
        firsts.get(si - 1) ?? null,
        attributions,
        hasHeadline,
        turns,
      );
      if (claim) {
        // A part of a part counts a part of the same whole.
        const up = partOf.at(-1) ?? -1;
        partOf.push(PARTS.has(claim) ? (up >= 0 ? up : out.length - 1) : -1);
        out.push(claim);
        sentenceOf.push(si);
        if (!firsts.has(si)) firsts.set(si, claim);
      }
    }
    if (out.length === 0) return out;
    const head = edge(0, 'head');
    const source = (a: string | null): Claim['source'] => claimSource(a, head);
    const n = sentences.length;
    const claims = model
      ? secondLook(
          model,
          text,
          lang,
          out,
          sentenceOf,
          n,
          tokens,
          source,
          partOf,
        )
      : out;
    return pointBack(claims, sentenceOf, text, tokens, lang);
  } catch (err) {
    // A rule bug must not take down the pipeline: no claims beats a crash.
    if (options.strict) throw err;
    return [];
  }
}
