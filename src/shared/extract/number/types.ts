/**
 * The records of the number grammar: what a mention denotes, the mention
 * as `findNumbers` returns it, and the raw number the scanners produce
 * before it is classified. Kept apart so that the scanners and the
 * classifier can share them without importing each other.
 */

/** What a number mention denotes. Only `count` can be a troop figure. */
export type NumberKind =
  | 'count'
  | 'date'
  | 'year'
  | 'time'
  | 'ordinal'
  | 'percent'
  | 'money'
  | 'measure'
  | 'label';

/** One number mention in a text. */
export interface NumberMention {
  /** JavaScript string offsets; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** The value; for a range, the upper bound. */
  value: number;
  /** Range bounds; null unless the mention is a range. */
  low: number | null;
  high: number | null;
  kind: NumberKind;
  /** A plain four-digit integer 1900–2100: a count only next to a noun. */
  yearLike: boolean;
  /** Spelled out in words ("zwölftausend", "two thousand"). */
  spelled: boolean;
}

/** A number as scanned, before it is classified. */
export interface RawNumber {
  start: number;
  end: number;
  value: number;
  spelled: boolean;
  scale: number;
  /** Digits only, no grouping, decimals or scale. */
  plain: boolean;
  /** Kind already fixed by the token's own shape ("3rd", "14:30"). */
  forced: NumberKind | null;
}
