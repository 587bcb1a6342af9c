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
// one comma, at the start of the text, a line or a sentence, then a colon;
// a short note in brackets may stand before the colon ("BUDANOW
// (Übersetzung):", "REPORTER (aus Kiew):").
// Words are runs without spaces, so a label splits into words one way
// only: the match takes linear time whatever the input.
const WORD = "[A-ZÄÖÜ][A-ZÄÖÜ.'’-]*";
const LABEL = new RegExp(
  `(?:^|[\\n.!?»“"–—]\\s*|\\s[–—]\\s)(${WORD}(?: ${WORD}){0,7}(?:, ${WORD}(?: ${WORD}){0,5})?)(?: \\([^()\\n]{1,30}\\))?:`,
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
    const rubric = (w: string): boolean => RUBRICS.has(w.replace(/\.$/u, ''));
    // "KORRESPONDENTIN IN BRÜSSEL": a role and where it reports from.
    const role =
      label.length < 2 ||
      words.every(rubric) ||
      (rubric(words[0] ?? '') &&
        /^(?:in|aus|from|at|bei)$/u.test(words[1] ?? ''));
    turns.push({ start: m.index + m[0].length, speaker: role ? null : label });
  }
  const answers = [...findAnswers(text), ...findSeated(text)];
  if (answers.length === 0) return turns;
  return [...turns, ...answers].sort((a, b) => a.start - b.start);
}

// A speaker in a chamber, named in ordinary case with the seat or party in
// brackets: "Ms. Shea (United States): …", "Dr Andrew Murrison (South West
// Wiltshire) (Con): …". Bounded words and brackets keep the match linear.
const SEATED =
  /(?:^|[\n.!?»“"–—]\s*)((?:(?:Mr|Ms|Mrs|Dr|Lord|Baroness|Sir|Herr|Frau)\.? )?\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,3})((?: \([^()\n]{1,40}\)){1,2}):/gu;

/** The turns of speakers named with their seat in brackets. */
function findSeated(text: string): Turn[] {
  const out: Turn[] = [];
  // Cheap first: most texts hold no "(…):" at all.
  if (!text.includes('):')) return out;
  SEATED.lastIndex = 0;
  for (let m = SEATED.exec(text); m !== null; m = SEATED.exec(text))
    out.push({
      start: m.index + m[0].length,
      speaker: `${m[1] as string}${m[2] as string}`,
    });
  return out;
}

// Interview turns in ordinary case: "Frage: …", "Antwort des
// Militärexperten Jonas Reitmeier: …", "Q: … A: …". The phrase of the
// speaker is bounded, so the match stays linear.
const ANSWER =
  /(?:^|[\n.!?»“"–—]\s*)(Antwort|Answer|Frage|Question|Q|A)(?: (?:des|der|eines|einer|von|of|from|by) ([^:\n]{3,90}?))?:/gu;
// "Interview mit dem ukrainischen Verteidigungsminister Rustem Umjerow.",
// "ZIB 2, Gespräch mit dem Militärhistoriker Thomas Leitner."
const INTERVIEW =
  /(?:Interview|Gespräch|interview|conversation) (?:mit|with) (?:dem |der |einem |einer |the )?([^.:\n]{3,90}?)(?:[.:]|, der)/u;

/** The turns of interview questions and answers, in order. */
function findAnswers(text: string): Turn[] {
  const out: Turn[] = [];
  let guest: string | null | undefined;
  ANSWER.lastIndex = 0;
  for (let m = ANSWER.exec(text); m !== null; m = ANSWER.exec(text)) {
    const role = m[1] as string;
    const start = m.index + m[0].length;
    if (/^(?:Frage|Question|Q)$/u.test(role)) {
      out.push({ start, speaker: null });
      continue;
    }
    if (m[2]) {
      out.push({ start, speaker: m[2].trim() });
      continue;
    }
    if (guest === undefined) guest = INTERVIEW.exec(text)?.[1]?.trim() ?? null;
    out.push({ start, speaker: guest });
  }
  return out;
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

/**
 * The source of a figure at `at` in a transcript: the sentence's own
 * `found` when the figure's turn names it (or the turn has no speaker),
 * else the turn's speaker ("Pentagon press briefing — Q: … MAJ. GEN.
 * RYDER: It is. And of those …": the header named the Pentagon before the
 * turn began).
 */
export function turnSource(
  text: string,
  turns: readonly Turn[],
  at: number,
  found: string | null,
): string | null {
  let turn: Turn | null = null;
  for (const t of turns) {
    if (t.start > at) break;
    turn = t;
  }
  if (turn === null) return found;
  if (found === null) return turn.speaker;
  if (turn.speaker === null) return found;
  // "Nach Erkenntnissen unseres Nachrichtendienstes …": the speaker's own.
  if (
    /^(?:unser|unsere|unseren|unserer|unseres|our|my|mein|meiner)\b/iu.test(
      found,
    )
  )
    return turn.speaker;
  const named = text.lastIndexOf(found, at);
  return named >= turn.start ? found : turn.speaker;
}
