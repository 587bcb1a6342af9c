/**
 * Speakers of transcripts: "MAJ. GEN. PAT RYDER, PENTAGON PRESS SECRETARY:
 * … Our assessment remains roughly 11,000 to 12,000", "SELENSKYJ: Wir
 * haben zwei". A label in capitals followed by a colon opens a turn; the
 * figures of the turn, up to the next label, are the speaker's when their
 * sentence names no source. Role labels ("ANCHOR:", "FRAGE:", "Q:") open a
 * turn of no one in particular.
 */
import { RUBRICS } from './lexicon/source-words.js';

/** A turn: where it starts in the text and who speaks (null: a role). */
export interface Turn {
  start: number;
  speaker: string | null;
}

// A label: capitals, dots, hyphens and apostrophes, up to eight words and
// one comma, at the start of the text, a line or a sentence, then a colon.
// Words are runs without spaces, so a label splits into words one way
// only: the match takes linear time whatever the input.
const WORD = "[A-ZÄÖÜ][A-ZÄÖÜ.'’-]*";
const LABEL = new RegExp(
  `(?:^|[\\n.!?»“"–—]\\s*|\\s[–—]\\s)(${WORD}(?: ${WORD}){0,7}(?:, ${WORD}(?: ${WORD}){0,5})?):`,
  'gu',
);

/** The turns of a text in order; empty when it has no speaker labels. */
export function findTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m !== null; m = LABEL.exec(text)) {
    const label = (m[1] as string).trim();
    // One capital letter is a role ("Q", "A") or an initial, never a name.
    const words = label
      .toLowerCase()
      .split(/[\s,]+/u)
      .filter(Boolean);
    const role =
      label.length < 2 ||
      words.every((w) => RUBRICS.has(w.replace(/\.$/u, '')));
    turns.push({ start: m.index + m[0].length, speaker: role ? null : label });
  }
  return turns;
}

/** The speaker of the turn holding offset `at`, or null. */
export function speakerAt(turns: readonly Turn[], at: number): string | null {
  let who: string | null = null;
  for (const t of turns) {
    if (t.start > at) break;
    who = t.speaker;
  }
  return who;
}
