/**
 * Word lists for the number grammar of `parse-number.ts`: number words,
 * scale words, months and the nouns/symbols that make a number a date, a
 * time, money, a percentage or a measurement rather than a head count.
 * All keys are lower case; look-ups lower-case the input first.
 */

/** English number words below one hundred. */
export const EN_SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80],
  ['ninety', 90],
]);

/** English multipliers inside a spelled-out number ("fifteen hundred"). */
export const EN_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9],
  ['dozen', 12],
]);

/**
 * German number morphemes; a German number word is one token built only from
 * these ("dreitausendfünfhundert"). Longest match first, so order by length.
 */
export const DE_MORPHEMES: readonly (readonly [string, number | 'und'])[] = (
  [
    ['dreizehn', 13], ['vierzehn', 14], ['fünfzehn', 15], ['sechzehn', 16],
    ['siebzehn', 17], ['achtzehn', 18], ['neunzehn', 19], ['zwanzig', 20],
    ['dreißig', 30], ['dreissig', 30], ['vierzig', 40], ['fünfzig', 50],
    ['sechzig', 60], ['siebzig', 70], ['achtzig', 80], ['neunzig', 90],
    ['hundert', 100], ['tausend', 1000], ['zwölf', 12], ['zehn', 10],
    ['elf', 11], ['eins', 1], ['ein', 1], ['zwei', 2], ['drei', 3],
    ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8],
    ['neun', 9], ['anderthalb', 1.5], ['eineinhalb', 1.5],
    ['einhalb', 0.5], ['und', 'und'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Scale words that may follow a number, with or without a space ("1,2 Mio.",
 * "12k"). Bare plurals ("Tausende", "thousands") are deliberately absent:
 * they carry no figure.
 */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundert', 100], ['hundred', 100], ['tausend', 1e3], ['tsd', 1e3],
  ['tsd.', 1e3], ['thousand', 1e3], ['k', 1e3], ['million', 1e6],
  ['millionen', 1e6], ['mio', 1e6], ['mio.', 1e6], ['mn', 1e6],
  ['milliarde', 1e9], ['milliarden', 1e9], ['mrd', 1e9], ['mrd.', 1e9],
  ['billion', 1e9], ['bn', 1e9], ['dutzend', 12], ['dozen', 12],
]);

/** Month names (and common abbreviations) in both languages. */
export const MONTHS: ReadonlySet<string> = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli',
  'august', 'september', 'oktober', 'november', 'dezember', 'january',
  'february', 'march', 'may', 'june', 'july', 'october', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'okt', 'nov', 'dec', 'dez',
]);

/** Words after a number that make it a percentage. */
export const PERCENT_WORDS: ReadonlySet<string> = new Set([
  'prozent', 'percent', 'pct', 'prozentpunkte', 'prozentpunkten',
  'percentage',
]);

/** Currency words after a number (optionally after a scale word). */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set([
  'euro', 'euros', 'dollar', 'dollars', 'us-dollar', 'usd', 'eur', 'won',
  'rubel', 'rubles', 'roubles', 'ruble', 'pfund', 'pounds', 'yuan',
  'yen', 'franken', 'francs', 'hrywnja', 'hryvnia', 'hryvnias', 'gbp',
]);

/** Currency symbols and codes before a number. */
export const CURRENCY_PREFIXES: ReadonlySet<string> = new Set([
  '$', '€', '£', '¥', '₩', '₽', 'usd', 'eur', 'us$', 'us-$', 'gbp', 'rub',
]);

/** Units of measure and time spans after a number. */
export const MEASURE_WORDS: ReadonlySet<string> = new Set([
  'km', 'kilometer', 'kilometern', 'kilometre', 'kilometres', 'kilometers',
  'meilen', 'miles', 'mile', 'meter', 'metern', 'metres', 'meters', 'm',
  'kg', 'kilogramm', 'tonnen', 'tonnes', 'tons', 'grad', 'degrees', 'km/h',
  'stunden', 'hours', 'minuten', 'minutes', 'sekunden', 'seconds', 'tage',
  'tagen', 'days', 'wochen', 'weeks', 'monate', 'monaten', 'months',
  'jahre', 'jahren', 'years', 'jahrzehnte', 'decades', 'hektar', 'hectares',
  'quadratkilometer', 'uhr', 'a.m.', 'p.m.', 'am', 'pm', 'mal', 'times',
]);

/** Words before a number that make it a label ("Nr. 5", "Resolution 2231"). */
export const LABEL_PREFIXES: ReadonlySet<string> = new Set([
  'nr', 'no', 'nummer', 'number', 'artikel', 'article', 'seite', 'page',
  'resolution', 'kapitel', 'chapter', 'paragraph', 'platz', 'rang', 'flug',
  'flight', 'brigade', 'division', 'korps', 'corps', 'regiment', 'bataillon',
  'battalion', 'einheit', 'unit', 'route', 'highway', 'kanal', 'channel',
  'version', 'gruppe', 'group', 'typ', 'type', 'modell', 'model', 'il',
]);

/** Words right before a four-digit number that make it a year. */
export const YEAR_PREFIXES: ReadonlySet<string> = new Set([
  'im', 'seit', 'jahr', 'jahres', 'jahre', 'year', 'since', 'until',
  'anfang', 'ende', 'mitte', 'frühjahr', 'sommer', 'herbst', 'winter',
  'spring', 'summer', 'autumn', 'fall', 'early', 'late', 'mid', 'during',
  'während', 'jahreswechsel', 'fiscal', 'haushaltsjahr', 'wahl', 'election',
]);

/**
 * Words before a four-digit number that make it a year only when no noun
 * follows ("in 2024." is a year, "bis 2000 Soldaten" is not).
 */
export const WEAK_YEAR_PREFIXES: ReadonlySet<string> = new Set([
  'in', 'bis', 'ab', 'by', 'of', 'vor', 'nach', 'before', 'after', 'from',
  'von', 'to', 'and', 'und', 'oder', 'or', 'than', 'als',
]);

/** Function words that may follow a year ("seit 2022 hat …", "in 2023 the"). */
export const YEAR_FOLLOWERS: ReadonlySet<string> = new Set([
  'und', 'and', 'oder', 'or', 'the', 'der', 'die', 'das', 'den', 'dem',
  'wurde', 'wurden', 'was', 'were', 'hat', 'haben', 'has', 'have', 'had',
  'war', 'waren', 'ist', 'is', 'sind', 'are', 'a', 'an', 'ein', 'eine',
  'it', 'es', 'they', 'sie', 'he', 'er', 'north', 'south', 'russia',
  'nordkorea', 'russland', 'pjöngjang', 'pyongyang', 'moskau', 'moscow',
  'kim', 'putin', 'when', 'als', 'as', 'after', 'nach', 'while', 'with', 'mit',
]);

/** Determiners that make "3." an ordinal in German ("die 3. Armee"). */
export const DE_ORDINAL_PREFIXES: ReadonlySet<string> = new Set([
  'der', 'die', 'das', 'dem', 'den', 'des', 'am', 'im', 'vom', 'zum', 'zur',
  'beim', 'seit', 'ab', 'ihre', 'ihrer', 'seine', 'seiner', 'seinem',
  'ihrem', 'einer', 'eine', 'einem', 'jede', 'jeder', 'jedes',
]);

/** English ordinal suffixes after digits ("3rd"). */
export const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set([
  'st', 'nd', 'rd', 'th', 'te', 'ten', 'ter', 'tes', 'sten', 'ste',
]);
