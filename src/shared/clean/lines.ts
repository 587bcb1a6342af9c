/**
 * Line predicates for article furniture that is not a navigation label but
 * still never article text: datelines ("Updated 4:00 am CST, Nov. 20,
 * 2019"), bylines ("By Jane Doe and John Roe"), photo counters and agency
 * credits, newsletter and app prompts, tag lists, contact lines. German and
 * English. Each predicate only accepts short lines that cannot be prose.
 */

const MONTHS = [
  'jan',
  'january',
  'januar',
  'jänner',
  'feb',
  'february',
  'februar',
  'mar',
  'march',
  'märz',
  'apr',
  'april',
  'may',
  'mai',
  'jun',
  'june',
  'juni',
  'jul',
  'july',
  'juli',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'okt',
  'oktober',
  'nov',
  'november',
  'dec',
  'december',
  'dez',
  'dezember',
];

/**
 * Every word a dateline may consist of besides numbers: months, weekdays,
 * "published/updated" labels, time zones and clock words.
 */
const DATE_WORDS = new Set([
  ...MONTHS,
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  ...['sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri'],
  ...['sat', 'sun', 'montag', 'dienstag', 'mittwoch', 'donnerstag'],
  ...['freitag', 'samstag', 'sonntag', 'today', 'yesterday', 'heute'],
  ...['gestern', 'published', 'updated', 'posted', 'modified', 'first'],
  ...['last', 'originally', 'original', 'created', 'date', 'on', 'at'],
  ...['veröffentlicht', 'aktualisiert', 'zuletzt', 'erstellt', 'stand'],
  ...['datum', 'am', 'um', 'uhr', 'pm', 'a', 'p', 'm', 'st', 'nd', 'rd'],
  ...['th', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst'],
  ...['pdt', 'hst', 'akst', 'et', 'pt', 'ct', 'bst', 'cet', 'cest', 'mez'],
  ...['mesz', 'ist', 'amt', 'and', 'ago', 'hours', 'hour', 'minutes'],
  ...['day', 'days', 'min', 'std', 'vor', 'tagen', 'stunden', 'minuten'],
]);

const MONTH_SET = new Set(MONTHS);

/** Longest line that can be a dateline, byline or credit. */
const MAX_META_CHARS = 120;

/**
 * "Published 4:00 am CST, Wednesday, November 20, 2019", "19.11.2019,
 * 08:57", "Nov. 20, 2019 6:02 AM EST", "Stand: 25.10.2024, 14:05 Uhr": only
 * date words and numbers, with a month name, a full numeric date or a clock
 * time (a bare number or year is not enough: it may be a figure).
 */
export function isDateLine(line: string): boolean {
  if (line.length > MAX_META_CHARS || !/\d/.test(line)) return false;
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (!words.every((w) => DATE_WORDS.has(w))) return false;
  return (
    words.some((w) => MONTH_SET.has(w)) ||
    /\b\d{1,2}:\d{2}\b/.test(line) ||
    /\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b/.test(line) ||
    /\b\d{1,2}\s*[ap]\.?m\b/i.test(line)
  );
}

/** Words a byline may contain besides capitalised names. */
const BYLINE_JOINERS = new Set(['and', 'und', '&', 'of', 'the', 'de', 'van']);

/**
 * "By Jane Doe, John Roe", "Von Max Mustermann | 25.10.2024", "By HNN Staff
 * | November 18, 2019 at 2:26 PM": `By`/`Von` then only capitalised words,
 * joiners, separators and date words. "By Monday, Russia had sent 3,000
 * more." has lower-case words and stays.
 */
export function isBylineLine(line: string): boolean {
  if (line.length > MAX_META_CHARS) return false;
  const match = /^(?:by|von|text|written by|words by)\s*:?\s+(.+)$/i.exec(line);
  if (!match) return false;
  const rest = match[1]!;
  if (/\p{Ll}{2,}[.!?]["”»]?$/u.test(rest)) return false;
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  if (words.length === 0 || !/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every(
    (w) =>
      /^\p{Lu}/u.test(w) ||
      /^\d/.test(w) ||
      BYLINE_JOINERS.has(w.toLowerCase()) ||
      DATE_WORDS.has(w.toLowerCase().replace(/\.$/, '')),
  );
}

/** Photo agencies: a short line naming one is a credit. */
const AGENCY_END_RE = new RegExp(
  '\\b(?:getty(?: images)?|shutterstock|istock(?:photo)?|reuters|afp|' +
    'ap(?: photo)?|epa|dpa|imago(?: images)?|picture[ -]alliance|' +
    'bloomberg|ddp|keystone|anadolu|xinhua|alamy|sipa|zuma(?: press)?)\\)?$',
  'i',
);

/** "Image 3 of 9", "Bild 2 von 10", "1 of 6", "Image 1 of / 9". */
const PHOTO_COUNTER_RE = new RegExp(
  '^(?:(?:image|photo|picture|bild|foto)\\s+)?' +
    '\\d+\\s*(?:of|von|/)\\s*/?\\s*\\d+$',
  'i',
);

/**
 * "Natalie Naccache | Bloomberg | Getty Images", "Sakib Ali/Hindustan
 * Times/Getty Images", "Image 3 of 9", "1 of 6": photo furniture.
 */
export function isPhotoLine(line: string): boolean {
  if (line.length > 80) return false;
  if (PHOTO_COUNTER_RE.test(line)) return true;
  // The agency closes the line: "… | Getty Images", "… (AP Photo)".
  if (!AGENCY_END_RE.test(line)) return false;
  // Every word capitalised (names, agencies), or a joiner: a credit label.
  const words = line.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  return words.every((w) => /^\p{Lu}/u.test(w) || w === 'via' || w === 'for');
}

/** Longest prompt line (newsletter, app, follow-us) that is dropped. */
const MAX_PROMPT_CHARS = 250;

const SIGN_UP = '(?:sign(?:ing)? up|subscribe|abonnier(?:en)?|melden sie sich)';
const NEWSLETTER = '(?:newsletters?|inbox|posteingang)';

const PROMPT_RES = [
  // Newsletter sign-ups, in either order.
  new RegExp(`\\b${SIGN_UP}\\b.*\\b${NEWSLETTER}\\b`, 'i'),
  new RegExp(`\\b${NEWSLETTER}\\b.*\\b${SIGN_UP}\\b`, 'i'),
  // Calls to action.
  /\bclick(?:ing)? here\b|\b(?:hier|jetzt) klicken\b|\bklicken sie hier\b/i,
  new RegExp(
    '\\bfollow (?:us|him|her|me|them)\\b.*' +
      '\\b(?:on|at|@)\\s*(?:twitter|facebook|instagram|linkedin|x\\b)',
    'i',
  ),
  /\bfolgen sie (?:uns|ihm|ihr)\b/i,
];

/** Newsletter, app, "click here" and follow-us prompts. */
export function isPromptLine(line: string): boolean {
  if (line.length > MAX_PROMPT_CHARS) return false;
  return PROMPT_RES.some((re) => re.test(line));
}

/** "Tags: a, b, c", "Filed under: …", "Schlagwörter: …" */
const TAG_LIST_RE = new RegExp(
  '^(?:tags?|tagged|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|' +
    'filed under|categories|kategorien?|topics)\\s*:',
  'i',
);

/** Contact lines: "Write to Al Root at allen.root@dowjones.com". */
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;

/** Tag lists and short lines with an e-mail address. */
export function isTagOrContactLine(line: string): boolean {
  if (line.length <= 300 && TAG_LIST_RE.test(line)) return true;
  return line.length <= 150 && EMAIL_RE.test(line);
}

/** Any of the furniture predicates of this module. */
export function isFurnitureLine(line: string): boolean {
  return (
    isDateLine(line) ||
    isBylineLine(line) ||
    isPhotoLine(line) ||
    isPromptLine(line) ||
    isTagOrContactLine(line)
  );
}
