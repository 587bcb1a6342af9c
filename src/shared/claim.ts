/**
 * The troop-count claim: the contract of `troopwatch extract --json`, of the
 * alert bodies and of the labelled corpus. See DESIGN.md, "The claim".
 */

export const QUALIFIERS = [
  'exact',
  'approx',
  'at_least',
  'more_than',
  'up_to',
  'range',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const UNITS = ['soldiers', 'officers', 'workers', 'other'] as const;
export type Unit = (typeof UNITS)[number];

export const EVENTS = [
  'deployed',
  'training',
  'projected',
  'casualties',
  'killed',
  'wounded',
  'captured',
  'other',
] as const;
export type ClaimEvent = (typeof EVENTS)[number];

export type Language = 'de' | 'en';

/** A canonical source: the same claimant however the text names it. */
export interface ClaimSource {
  /** Stable id, e.g. `kr-nis`, `us-dod`, `ua-hur` (see the README's table). */
  id: string;
  name: string;
  /** ISO 3166 alpha-2 code, or null for NATO and the media. */
  country: string | null;
}

export interface Claim {
  /** The stated number; for a range, the upper bound. */
  value: number;
  /** Lower bound the wording gives ("mindestens 3.000" → 3000), else null. */
  low: number | null;
  /** Upper bound the wording gives ("bis zu 10.000" → 10000), else null. */
  high: number | null;
  qualifier: Qualifier;
  unit: Unit;
  /** ISO 3166 alpha-2 code of whose troops; `KP` is North Korea. */
  actor: string;
  event: ClaimEvent;
  /** Who makes the claim, as the text names it; null when unattributed. */
  attribution: string | null;
  /** The canonical source of `attribution`, or null when none is known. */
  source: ClaimSource | null;
  /** The matched span, exactly `input.slice(start, end)`. */
  text: string;
  /** The sentence that holds the span. */
  sentence: string;
  /** JavaScript string offsets of `text` in the input. */
  start: number;
  end: number;
}

/** Novelty classes: presence = {deployed, training}; the rest stand alone. */
export function eventClass(event: ClaimEvent): string {
  return event === 'deployed' || event === 'training' ? 'presence' : event;
}

/** The novelty key of DESIGN.md: `actor | event class | unit | value`. */
export function noveltyKey(
  claim: Pick<Claim, 'actor' | 'event' | 'unit' | 'value'>,
): string {
  return [claim.actor, eventClass(claim.event), claim.unit, claim.value].join(
    '|',
  );
}
