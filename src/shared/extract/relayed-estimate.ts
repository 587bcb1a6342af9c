/**
 * Claims passed on: the claimant of an estimate that a speaker relays
 * ("Großbritanniens Verteidigungsministerium schätzte die Ausfälle auf
 * mehr als 6.000 Mann, berichtete die Expertin", "The Pentagon estimated
 * the losses at 6,000, an analyst told the panel": the estimate's subject
 * made the claim, the speaker after the comma only reports it), and the
 * outlet that quotes someone it does not name ("Meduza zitiert eine
 * Ärztin, wonach bis zu 60 …": the outlet makes the claim).
 */
import type { Language } from '../claim.js';
import { isVague, readBackward, readForward } from './source-phrase.js';
import { canonicalSource } from './source.js';
import { leadEnd } from './subject.js';
import type { Token } from './text.js';

// Verbs whose subject puts a number on something.
const ESTIMATE_VERBS =
  /^(?:schätzt|schätzte|schätzen|schätzten|beziffert|bezifferte|bezifferten|estimated|estimates|estimate|put|puts|counted|counts)$/u;
// Verbs of a speaker who passes the estimate on.
const RELAY_VERBS =
  /^(?:berichtete|berichtet|sagte|sagt|erklärte|erläuterte|betonte|schrieb|erinnerte|told|said|says|wrote|noted|explained|recalled)$/u;
// Tokens the figure may reach before the comma of the speaker.
const REACH = 12;

/** True when a speaker's clause opens after the comma at `k`. */
function relayAfter(toks: readonly Token[], k: number): boolean {
  for (let j = k + 1; j < toks.length && j - k <= 7; j += 1) {
    const t = toks[j] as Token;
    if (!t.isWord) return false;
    if (RELAY_VERBS.test(t.lower)) return true;
  }
  return false;
}

/** The subject of the figure's estimate verb when a speaker relays it. */
export function relayedEstimator(
  text: string,
  toks: readonly Token[],
  num: number,
  lang: Language,
): string | null {
  let comma = -1;
  for (let k = num + 1; k < toks.length && k - num <= REACH; k += 1) {
    const t = toks[k] as Token;
    if (t.text === ',') {
      comma = k;
      break;
    }
    if (!t.isWord && t.text !== '.' && t.text !== '-') return null;
  }
  if (comma < 0 || !relayAfter(toks, comma)) return null;
  const from = leadEnd(toks);
  for (let v = num - 1; v > from; v -= 1) {
    const t = toks[v] as Token;
    if (!t.isWord && t.text !== '-') return null;
    if (!ESTIMATE_VERBS.test(t.lower)) continue;
    const subject = readBackward(text, toks, v, lang);
    return subject && !isVague(subject) && canonicalSource(subject)
      ? subject
      : null;
  }
  return null;
}

const QUOTE_VERBS = /^(?:zitiert|zitierte|cites|cited|quotes|quoted)$/u;
// An unnamed person quoted: "eine Ärztin", "a doctor", "two officials".
const UNNAMED = /^(?:eine|einen|einem|einer|a|an|two|zwei|several|mehrere)$/u;

/** The outlet that quotes someone unnamed in the figure's sentence. */
export function unnamedQuoteOwner(
  text: string,
  toks: readonly Token[],
  num: number,
  lang: Language,
): string | null {
  for (let v = num - 1; v > 0 && num - v <= 30; v -= 1) {
    if (!QUOTE_VERBS.test((toks[v] as Token).lower)) continue;
    if (!UNNAMED.test(toks[v + 1]?.lower ?? '')) return null;
    // "zitiert einen ukrainischen Offizier": a quoted claimant of the
    // source table speaks for himself.
    const quoted = readForward(text, toks, v + 1, lang);
    if (quoted && canonicalSource(quoted)) return null;
    const outlet = readBackward(text, toks, v, lang);
    return outlet && !isVague(outlet) && canonicalSource(outlet)
      ? outlet
      : null;
  }
  return null;
}
