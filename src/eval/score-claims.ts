/**
 * Scoring of extracted claims against labelled passages: precision, recall
 * and F1 over figures, and the accuracy of qualifier, event class and
 * attribution over the figures both sides agree on. Pure: the caller loads
 * the passages and runs the extractor.
 */
import {
  eventClass,
  type Claim,
  type ClaimEvent,
  type Language,
  type Qualifier,
  type Unit,
} from '../shared/claim.js';
import { attributionMatches } from '../shared/extract/same-source.js';
import { canonicalSource } from '../shared/extract/source.js';

export { attributionMatches };

// Sources of the table too broad for two claimants to be one: a
// government's many voices, every outlet.
const BROAD = /-gov$|^media$/u;

/**
 * True when a prediction names the claimant of a gold label: the same words
 * up to inflection ({@link attributionMatches}), or another name of the same
 * agency of the source table ("der Geheimdienst" in the label, "NIS" in the
 * prediction). A label with `source: null` names no agency of the table.
 */
export function sameClaimant(
  gold: Pick<GoldClaim, 'attribution' | 'source'>,
  got: Pick<Predicted, 'attribution' | 'source'>,
): boolean {
  if (attributionMatches(gold.attribution, got.attribution)) return true;
  if (gold.attribution === null || got.attribution === null) return false;
  const want =
    gold.source === undefined
      ? (canonicalSource(gold.attribution)?.id ?? null)
      : gold.source;
  return want !== null && !BROAD.test(want) && got.source?.id === want;
}

/** One labelled claim of the corpus (schema of `gold/seeds.jsonl`). */
export interface GoldClaim {
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: Unit;
  event: ClaimEvent;
  attribution: string | null;
  /** Canonical source id (newer corpora only); null when none is named. */
  source?: string | null;
  /** Either way is fine: predicted is no TP/FP, missed is no FN. */
  optional?: boolean;
}

/** One labelled passage. */
export interface Passage {
  id: string;
  lang: Language;
  text: string;
  claims: GoldClaim[];
  not_claims?: string[];
}

/** The prediction fields the scorer reads. */
export type Predicted = Pick<
  Claim,
  'value' | 'unit' | 'qualifier' | 'event' | 'attribution' | 'text'
> & { source?: { id: string } | null };

/** What went wrong in one passage, for `--verbose`. */
export interface Miss {
  kind: 'fn' | 'fp' | 'qualifier' | 'event' | 'attribution' | 'source';
  id: string;
  /** "12000 soldiers". */
  figure: string;
  /** Gold label and predictions, for the wrong-field kinds. */
  want?: string | null;
  got?: (string | null)[];
}

/** Counts of one passage or a sum of them. */
export interface Counts {
  passages: number;
  gold: number;
  tp: number;
  fp: number;
  fn: number;
  qualifierOk: number;
  eventOk: number;
  attributionOk: number;
  /** Of those, the prediction in the label's own words. */
  attributionWordsOk: number;
  /** Matched figures whose gold label names a canonical source. */
  sourceGold: number;
  sourceOk: number;
}

/** Counts with every tally at zero. */
function zeroCounts(passages: number): Counts {
  return {
    passages,
    gold: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    qualifierOk: 0,
    eventOk: 0,
    attributionOk: 0,
    attributionWordsOk: 0,
    sourceGold: 0,
    sourceOk: 0,
  };
}

/** Ratios derived from {@link Counts}. */
export interface Metrics extends Counts {
  precision: number;
  recall: number;
  f1: number;
  qualifier: number;
  event: number;
  attribution: number;
  /** Attribution in the label's own words, not by another name. */
  attributionWords: number;
  /** Canonical source right, over matched figures that name one. */
  source: number;
}

const key = (value: number, unit: string): string => `${value} ${unit}`;

/** Scores one passage; `misses` receives what went wrong. */
export function scorePassage(
  p: Passage,
  predicted: readonly Predicted[],
  misses: Miss[] = [],
): Counts {
  const byKey = new Map<string, Predicted[]>();
  for (const c of predicted) {
    const k = key(c.value, c.unit);
    const list = byKey.get(k);
    if (list) list.push(c);
    else byKey.set(k, [c]);
  }
  const counts = zeroCounts(1);
  const claimed = new Set<string>();
  for (const g of p.claims) {
    const k = key(g.value, g.unit);
    // A figure labelled twice (two events) is still one figure.
    if (claimed.has(k)) continue;
    claimed.add(k);
    const hits = byKey.get(k);
    if (g.optional) continue;
    counts.gold += 1;
    if (!hits) {
      counts.fn += 1;
      misses.push({ kind: 'fn', id: p.id, figure: k });
      continue;
    }
    counts.tp += 1;
    const fields = [
      [
        'qualifier',
        g.qualifier,
        hits.map((h) => h.qualifier),
        hits.some((h) => h.qualifier === g.qualifier),
      ],
      [
        'event',
        g.event,
        hits.map((h) => h.event),
        hits.some((h) => eventClass(h.event) === eventClass(g.event)),
      ],
      [
        'attribution',
        g.attribution,
        hits.map((h) => h.attribution),
        hits.some((h) => sameClaimant(g, h)),
      ],
    ] as const;
    if (hits.some((h) => attributionMatches(g.attribution, h.attribution)))
      counts.attributionWordsOk += 1;
    for (const [kind, want, got, ok] of fields) {
      if (ok) counts[`${kind}Ok`] += 1;
      else misses.push({ kind, id: p.id, figure: k, want, got: [...got] });
    }
    if (typeof g.source === 'string') {
      counts.sourceGold += 1;
      const got = hits.map((h) => h.source?.id ?? null);
      if (got.includes(g.source)) counts.sourceOk += 1;
      else
        misses.push({
          kind: 'source',
          id: p.id,
          figure: k,
          want: g.source,
          got,
        });
    }
  }
  for (const [k, hits] of byKey) {
    if (claimed.has(k)) continue;
    counts.fp += 1;
    misses.push({
      kind: 'fp',
      id: p.id,
      figure: k,
      got: hits.map((h) => h.text),
    });
  }
  return counts;
}

/** Adds counts. */
export function sumCounts(all: readonly Counts[]): Counts {
  const out = zeroCounts(0);
  for (const c of all) {
    for (const k of Object.keys(out) as (keyof Counts)[]) out[k] += c[k];
  }
  return out;
}

/** Ratios of counts; an empty denominator counts as perfect. */
export function toMetrics(c: Counts): Metrics {
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 =
    precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return {
    ...c,
    precision,
    recall,
    f1,
    qualifier: ratio(c.qualifierOk, c.tp),
    event: ratio(c.eventOk, c.tp),
    attribution: ratio(c.attributionOk, c.tp),
    attributionWords: ratio(c.attributionWordsOk, c.tp),
    source: ratio(c.sourceOk, c.sourceGold),
  };
}

/** Scores many passages with an extractor; misses go to `misses`. */
export function scorePassages(
  passages: readonly Passage[],
  extract: (p: Passage) => readonly Predicted[],
  misses: Miss[] = [],
): Metrics {
  return toMetrics(
    sumCounts(passages.map((p) => scorePassage(p, extract(p), misses))),
  );
}
