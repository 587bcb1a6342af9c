/**
 * The claimant behind a document a sentence rests on: the one who read,
 * obtained or published it ("Russian visa records analysed by Nikkei Asia
 * show …", "a leaked schedule reported by Japan's Asahi Shimbun",
 * "Unterlagen, die dem Rechercheverbund X vorliegen", "von der Denkfabrik
 * ausgewertete Satellitenbilder"). The document itself names no one.
 */
import type { Language } from '../claim.js';
import { namesClaimant } from './relayed-view.js';
import { readForward } from './source-phrase.js';
import type { Token } from './text.js';

// Documents, records and images a claim may rest on.
const DOCUMENTS =
  /^(?:records|documents|papers|files|data|images|imagery|photos|footage|schedules?|statistics|reports?|memos?|notes|minutes|logs|lists?|unterlagen|dokumente?|papiere|akten|daten|bilder|satellitenbilder|aufnahmen|videos?|listen?|statistiken|berichte?|informationen|erkenntnisse)$/u;

// The reader's participle before "by": "analysed by", "seen by".
const READ_BY =
  /^(?:analy[sz]ed|reviewed|seen|obtained|reported|cited|published|compiled|examined|verified|geolocated|leaked|studied)$/u;

// German: "die dem X vorliegen", "das X vorliegt".
const LIES_WITH = /^(?:vorliegen|vorliegt|vorlagen|vorlag)$/u;

// German: "von X ausgewertete Daten".
const READ_VON =
  /^(?:ausgewertet|analysiert|eingesehen|veröffentlicht)e?[nrs]?$/u;

/** The claimant who read or holds a document in `toks`, or null. */
export function documentReader(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (let k = 0; k < toks.length; k += 1) {
    const w = (toks[k] as Token).lower;
    if (lang === 'en' && w === 'by' && READ_BY.test(toks[k - 1]?.lower ?? '')) {
      // The document stands just before the participle ("records
      // analysed by"), or its relative clause does ("a schedule, which
      // was reported by").
      const near = toks
        .slice(Math.max(0, k - 5), k - 1)
        .some((t) => DOCUMENTS.test(t.lower));
      if (near) return readForward(text, toks, k + 1, lang);
    }
    if (lang !== 'de') continue;
    // "Unterlagen eines Bauunternehmens, die dem Rechercheverbund X
    // vorliegen": the relative clause of a document.
    if (LIES_WITH.test(w)) {
      let j = k - 1;
      while (
        j > 0 &&
        k - j < 16 &&
        !/^(?:die|das|der)$/u.test((toks[j] as Token).lower)
      )
        j -= 1;
      const opens =
        toks[j - 1]?.text === ',' &&
        toks
          .slice(Math.max(0, j - 6), j - 1)
          .some((t) => DOCUMENTS.test(t.lower));
      if (opens && /^(?:dem|der|den)$/u.test(toks[j + 1]?.lower ?? ''))
        return readForward(text, toks, j + 1, lang);
    }
    // "von der Denkfabrik ausgewertete Satellitenbilder".
    if (w === 'von' || w === 'vom') {
      for (let j = k + 1; j < toks.length && j - k <= 8; j += 1) {
        const t = toks[j] as Token;
        if (!t.isWord) break;
        if (READ_VON.test(t.lower) && DOCUMENTS.test(toks[j + 1]?.lower ?? ''))
          return readForward(text, toks, k + 1, lang);
      }
    }
  }
  return null;
}

// Documents and tallies that carry a source in their genitive or "of"
// phrase ("ein Post des …", "the latest tally of …").
const TALLIES = new Set([
  'post',
  'beitrag',
  'bilanz',
  'lagebewertung',
  'zählung',
  'erklärung',
  'mitteilung',
  'bericht',
  'statement',
  'report',
  'tally',
  'count',
  'summary',
  'assessment',
]);

/** The source in a document's genitive: "ein Post des Grenzschutzes, wonach". */
export function documentGenitive(
  text: string,
  toks: readonly Token[],
  lang: Language,
): string | null {
  for (let k = 0; k + 2 < toks.length; k += 1) {
    if (!TALLIES.has((toks[k] as Token).lower)) continue;
    const link = (toks[k + 1] as Token).lower;
    if (!/^(?:des|der|of|from|by)$/u.test(link)) continue;
    const src = readForward(text, toks, k + 2, lang);
    if (src && namesClaimant(src)) return src;
  }
  return null;
}
