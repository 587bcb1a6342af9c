/**
 * The claimant of an estimate that a speaker passes on: "Großbritanniens
 * Verteidigungsministerium schätzte die Ausfälle auf mehr als 6.000 Mann,
 * berichtete die Expertin", "The Pentagon estimated the losses at 6,000,
 * an analyst told the panel". The estimate's subject made the claim; the
 * speaker after the comma only reports it.
 */
import type { Language } from '../claim.js';
import { isVague, readBackward } from './source-phrase.js';
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
