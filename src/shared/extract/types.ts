/**
 * Records that several extractor rules pass between them, kept in a module
 * of their own so that the rules need not import each other for a type.
 */
import type { ClaimEvent, Unit } from '../claim.js';

/** The unit noun found for a figure. */
export interface UnitMatch {
  unit: Unit;
  /** Event carried by the noun itself ("Tote", "casualties"). */
  event: ClaimEvent | null;
  /** Actor named by a modifier or compound ("nordkoreanische", "KPA-"). */
  actor: string | null;
  /** Token index just after the noun. */
  next: number;
  /** Demonyms ("Nordkoreaner") need military context to be troops. */
  demonym: boolean;
}
