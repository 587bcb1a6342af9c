/**
 * Plain-text clean-up for extracted articles: Unicode and whitespace
 * normalisation, then removal of page-chrome lines (navigation, share
 * widgets, photo credits, teasers) that extractors let through. Pure.
 *
 * The chrome rules are deliberately conservative: a line is only dropped when
 * it is short, reads like a label rather than a sentence, and matches a
 * lexicon of chrome phrases (or a credit/cookie pattern). Losing a sentence
 * with a troop figure is worse than keeping a stray "Teilen".
 */

import {
  CHROME_PHRASES,
  CREDIT_LINE_RE,
  CREDIT_TAIL_RE,
  HOME_TOKENS,
  SECTION_NAMES,
  SOCIAL_TOKENS,
  TEASER_PREFIX_RE,
  WIDGET_TOKENS,
} from './lexicon.js';
import { isFurnitureLine } from './lines.js';

/**
 * Normalise extracted text without changing what it says.
 *
 * - Unicode NFC; CRLF, CR, U+2028 and U+2029 become LF.
 * - Every non-ASCII space (no-break, narrow no-break, thin, figure, ideo-
 *   graphic…) and tab becomes one plain space, so "12 000" with U+202F stays
 *   two digit groups separated by a space rather than being glued together.
 * - Soft hyphens, zero-width characters, BOMs and stray control characters
 *   are removed.
 * - Runs of spaces collapse to one; lines are trimmed at both ends (leading
 *   indentation carries no meaning in extracted prose).
 * - Two or more consecutive blank lines collapse to one blank line, and
 *   leading/trailing blank lines go.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE_RE, '')
    .replace(SPACE_RE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Drop lines that are page chrome rather than article text: breadcrumbs and
 * navigation items, comment/share/newsletter widgets, "read more"/related
 * teasers, ad labels, photo credits and cookie notices, datelines, bylines,
 * photo counters, sign-up prompts and tag lists (`lines.ts`). A credit appended to
 * an image caption ("… unberechenbarer. © Fotos: dpa") is cut off while the
 * caption sentence stays. Blank-line structure is re-normalised afterwards.
 *
 * Never drops a line that looks like a sentence (several words ending in
 * sentence punctuation) unless it is a credit or cookie notice, and never a
 * line merely because it is short: "Kim said no." and headlines stay.
 */
export function stripBoilerplateLines(text: string): string {
  const lines = text.split('\n');
  const drop = new Array<boolean>(lines.length).fill(false);
  markBreadcrumbRuns(lines, drop);

  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (drop[i]) continue;
    const line = lines[i]!.trim();
    if (line === '') {
      kept.push('');
      continue;
    }
    if (isChromeLine(line)) continue;
    const uncredited = stripTrailingCredit(line);
    if (uncredited !== '') kept.push(uncredited);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** {@link normalizeText}, then {@link stripBoilerplateLines}. */
export function cleanText(text: string): string {
  return stripBoilerplateLines(normalizeText(text));
}

const INVISIBLE_RE = new RegExp(
  '[' +
    [
      '\\u00ad', // soft hyphen
      '\\u180e', // Mongolian vowel separator
      '\\u200b-\\u200f', // zero-width space/(non-)joiner, LRM, RLM
      '\\u2060-\\u2064', // word joiner, invisible operators
      '\\ufeff', // BOM / zero-width no-break space
      // C0 and C1 controls other than tab and LF (CR is already gone).
      '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f',
    ].join('') +
    ']',
  'g',
);

// Tab and every Unicode space separator except U+0020.
const SPACE_RE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Longest line (in characters) that can be a navigation/widget label. */
const MAX_LABEL_CHARS = 60;

/** Most words a navigation/widget label has. */
const MAX_LABEL_WORDS = 7;

/** A sentence break followed by more prose: not part of a credit. */
const NEXT_SENTENCE_RE = /[.!?]\s+\S+\s+\S+\s+\S+/;

/**
 * Credits are labels ("Foto: Kay Nietfeld/dpa"); a "Source: officials said
 * 11,000 soldiers had arrived." is a sentence and must stay.
 */
function isProse(text: string): boolean {
  if (NEXT_SENTENCE_RE.test(text)) return true;
  const words = text.trim().split(/\s+/).length;
  return words > 5 && /[.!?]["'“”»)]*$/.test(text.trim());
}

/** Longest credit or teaser line that is dropped whole. */
const MAX_CREDIT_CHARS = 200;

const COOKIE_RE = /\bcookies?\b/i;
const COOKIE_CONTEXT_RE = new RegExp(
  '\\b(?:' +
    [
      'akzeptier',
      'zustimm',
      'einwillig',
      'datenschutz',
      'verwende',
      'nutzen',
      'einstellungen',
      'privacy',
      'consent',
      'accept',
      'we use',
      'this (?:site|website)',
      'settings',
      'agree',
    ].join('|') +
    ')',
  'i',
);
const MAX_COOKIE_CHARS = 400;

// "Lesezeit: 3 Min.", "5 min read".
const READING_TIME_RE = new RegExp(
  '^(?:lesezeit:?\\s*(?:ca\\.\\s*)?\\d+\\s*min(?:uten|\\.)?|' +
    '\\d+\\s*min(?:ute)?s?\\.?\\s*(?:read|lesezeit))$',
  'i',
);

function isChromeLine(line: string): boolean {
  if (isFurnitureLine(line)) return true;
  if (
    line.length <= MAX_CREDIT_CHARS &&
    CREDIT_LINE_RE.test(line) &&
    !isProse(line)
  ) {
    return true;
  }
  if (
    line.length <= MAX_COOKIE_CHARS &&
    COOKIE_RE.test(line) &&
    COOKIE_CONTEXT_RE.test(line)
  ) {
    return true;
  }
  if (line.length <= MAX_CREDIT_CHARS && TEASER_PREFIX_RE.test(line)) {
    return true;
  }
  if (line.length > MAX_LABEL_CHARS) return false;
  if (READING_TIME_RE.test(line)) return true;

  const label = labelCore(line);
  if (label === '') {
    // Only markers, separators and counters: a leftover widget fragment,
    // unless it carries a number that might be a figure.
    return !/\d/.test(line);
  }
  const words = label.split(' ');
  if (words.length > MAX_LABEL_WORDS) return false;
  // An exact lexicon phrase is chrome even with punctuation ("Read more…").
  if (CHROME_PHRASES.has(label) || SECTION_NAMES.has(label)) return true;
  if (looksLikeSentence(line, words.length)) return false;
  return isWidgetRow(label) || isInlineBreadcrumb(line);
}

/**
 * The label a line reduces to: lower case, without list markers, counters
 * ("Kommentare (12)", "12 Kommentare"), icons, arrows or trailing colons.
 */
function labelCore(line: string): string {
  return line
    .toLowerCase()
    .replace(LIST_MARKER_RE, '')
    .replace(/\(\s*\d+\s*\)|\[\s*\d+\s*\]/g, ' ')
    .replace(/^\d+\s+(?=\p{L})/u, '')
    .replace(/\s+\d+$/, '')
    .replace(/[^\p{L}\p{N}\s'’&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LIST_MARKER_RE = /^(?:\d{1,2}[.)]|[-–—*•·▪►▶›»>|]+)\s+/;

/**
 * Several words ending in sentence punctuation, or any internal sentence
 * break: prose, even if short ("Kim said no.").
 */
function looksLikeSentence(line: string, words: number): boolean {
  const trimmed = line.replace(/["“”„'’»«)\]]+$/, '');
  if (/[.!?…]$/.test(trimmed) && words >= 2) return true;
  return /\p{L}[.!?]\s+\p{Lu}/u.test(line);
}

function isWidgetRow(label: string): boolean {
  const tokens = label.split(/[\s|/·•,]+/).filter(Boolean);
  return (
    tokens.length > 0 &&
    tokens.every((t) => WIDGET_TOKENS.has(t)) &&
    tokens.some((t) => SOCIAL_TOKENS.has(t) || tokens.length === 1)
  );
}

/** "Startseite › Politik › Ausland", "Home / World / Asia". */
function isInlineBreadcrumb(line: string): boolean {
  const parts = line
    .split(/\s*[›»>|/→]\s*|\s+[-–]\s+/)
    .map((p) => labelCore(p))
    .filter(Boolean);
  if (parts.length < 2 || !HOME_TOKENS.has(parts[0]!)) return false;
  return parts.every((p) => p.split(' ').length <= 4);
}

/**
 * Breadcrumb trails rendered as numbered lists, one item per line
 * ("1. Startseite", "2. Politik", "3. Ukraine-Krieg"): a run of short numbered
 * label lines whose first item is a home link is dropped whole, since the
 * later items are arbitrary section names no lexicon could list.
 */
function markBreadcrumbRuns(lines: string[], drop: boolean[]): void {
  for (let i = 0; i < lines.length; i += 1) {
    const first = /^\s*1[.)]\s+(.+)$/.exec(lines[i]!);
    if (!first || !HOME_TOKENS.has(labelCore(first[1]!))) continue;
    drop[i] = true;
    let expected = 2;
    for (let j = i + 1; j < lines.length; j += 1) {
      const line = lines[j]!.trim();
      if (line === '') continue;
      const item = /^(\d{1,2})[.)]\s+(.+)$/.exec(line);
      if (
        !item ||
        Number(item[1]) !== expected ||
        item[2]!.length > MAX_LABEL_CHARS / 2 ||
        item[2]!.split(/\s+/).length > 4 ||
        /[.!?]$/.test(item[2]!)
      ) {
        break;
      }
      drop[j] = true;
      expected += 1;
      i = j;
    }
  }
}

/** Cut a photo credit appended to a caption sentence. */
function stripTrailingCredit(line: string): string {
  const match = CREDIT_TAIL_RE.exec(line);
  if (!match) return line;
  const cut = match.index + match[1]!.length;
  const tail = line.slice(cut);
  if (tail.length > MAX_CREDIT_CHARS || isProse(tail)) return line;
  return line.slice(0, cut).trim();
}
