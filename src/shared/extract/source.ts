/**
 * Attribution → canonical source: the words the text uses for a claimant
 * ("Seoul's spy agency", "der südkoreanische Geheimdienst NIS") mapped to one
 * entry of the source table (`lexicon/source-table.ts`), or null.
 */
import type { ClaimSource } from '../claim.js';
import { SOURCE_TABLE, UNLISTED_CLAIMANTS } from './lexicon/source-table.js';

const MEMO = new Map<string, ClaimSource | null>();
const MEMO_MAX = 5000;

/** The canonical source an attribution names, or null. */
export function canonicalSource(
  attribution: string | null,
): ClaimSource | null {
  if (attribution === null) return null;
  // The rules ask again and again for the same words: the memo is keyed by
  // them as written, and by their folded form.
  const asked = MEMO.get(attribution);
  if (asked !== undefined) return asked;
  const text = attribution.toLowerCase().replace(/\s+/gu, ' ').trim();
  const known = MEMO.get(text);
  if (known !== undefined) {
    remember(attribution, known);
    return known;
  }
  let found: ClaimSource | null = null;
  for (const entry of UNLISTED_CLAIMANTS.test(text) ? [] : SOURCE_TABLE) {
    if (entry.rule.some((all) => all.every((re) => re.test(text)))) {
      found = Object.freeze({
        id: entry.id,
        name: entry.name,
        country: entry.country,
      });
      break;
    }
  }
  remember(text, found);
  remember(attribution, found);
  return found;
}

function remember(key: string, source: ClaimSource | null): void {
  if (MEMO.size >= MEMO_MAX) MEMO.clear();
  MEMO.set(key, source);
}

/**
 * True when an attribution of the North Korean state names a voice of it:
 * its news agency, its leader, a ministry or its state media ("Nordkorea
 * hat … eingeräumt" names only the state, which owns the troops).
 */
export function speaksForNorth(attribution: string): boolean {
  return /kcna|kim|minist|state media|staatsmedien|state tv|state television|staatsfernsehen|agentur|agency/iu.test(
    attribution,
  );
}
