/**
 * Lexicons of the attribution rules: phrases that introduce a source,
 * speech verbs, vague sources (which give `attribution: null`) and known
 * agencies. Keys are lower case except the agency names, which are matched
 * as written.
 */
import type { Language } from './claim.js';

/** Phrases after which the source is named ("nach Angaben X", "laut X"). */
export const SOURCE_BEFORE: Readonly<Record<Language, readonly string[]>> = {
  de: ['nach angaben', 'nach einschätzung', 'nach schätzungen', 'laut',
    'gemäß', 'wie', 'so', 'nach informationen', 'angaben', 'berichtete',
    'sagte', 'erklärte', 'teilte', 'bestätigte', 'meldete', 'schätzt',
    'schätzte', 'betonte', 'warnte', 'berichtet', 'sagt', 'erklärt',
    'meldet', 'hieß es von', 'hieß es aus', 'nach erkenntnissen',
    'nach darstellung', 'nach schätzung', 'unter berufung auf',
    'nach einem bericht', 'nach berichten', 'nach auffassung',
    'nach ansicht', 'nach aussage', 'nach aussagen', 'nach worten',
    'nach einschätzungen', 'schrieb', 'kündigte', 'teilten', 'sagten',
    'erklärten', 'berichteten', 'verkündete', 'räumte', 'verlautet',
    'mitteilung', 'erklärung', 'bericht', 'lagebericht'],
  en: ['according to', 'said', 'says', 'told', 'reported', 'estimated',
    'confirmed', 'citing', 'cited', 'per', 'warned', 'stated', 'wrote',
    'added', 'writes', 'report by', 'statement by', 'assessment by',
    'estimate by', 'report from', 'statement from', 'estimates by',
    'data from'],
};

/** Speech verbs after which the subject before them is the source. */
export const SOURCE_AFTER: Readonly<Record<Language, readonly string[]>> = {
  de: ['zufolge', 'sagte', 'sagt', 'erklärte', 'erklärt', 'bestätigte',
    'bestätigt', 'teilte', 'berichtete', 'berichtet', 'meldete', 'meldet',
    'schätzt', 'schätzte', 'schätzen', 'warnte', 'warnt', 'warnen',
    'äußerte', 'geht davon aus', 'gehen davon aus', 'betonte',
    'sprach', 'vermutet', 'vermuten', 'glaubt', 'schrieb', 'schreibt',
    'kündigte', 'teilten', 'sagten', 'erklärten', 'berichteten', 'meldeten',
    'verkündete', 'räumte', 'bezifferte', 'beziffert', 'beziffern',
    'gab', 'nannte', 'nennt', 'spricht', 'rechnet', 'rechnen', 'zählte',
    'zählt', 'geht'],
  en: ['said', 'says', 'say', 'told', 'estimates', 'estimated', 'estimate',
    'reported', 'reports', 'confirmed', 'confirms', 'believes', 'believe',
    'stated', 'warned', 'warns', 'announced', 'claims', 'claimed', 'assessed',
    'assesses', 'added', 'noted', 'puts', 'put', 'predicts', 'predicted',
    'thinks', 'wrote', 'writes', 'posted', 'expects', 'calculates',
    'counted', 'counts', 'tallied'],
};

/** Sources too vague to name: they yield `attribution: null`. */
export const VAGUE_SOURCES: ReadonlySet<string> = new Set([
  'berichten', 'berichte', 'medienberichten', 'medienberichte', 'experten',
  'medien', 'kreisen', 'insider', 'insiders', 'diplomaten', 'diplomats',
  'beobachtern', 'beobachter', 'quellen', 'kreisen', 'insidern', 'reports',
  'report', 'media', 'experts', 'sources', 'observers', 'analysts',
  'analysten', 'es', 'it', 'they', 'sie', 'er', 'he', 'she', 'we', 'wir',
  'this', 'dies', 'das', 'which', 'die', 'der', 'who', 'aufnahmen',
  'bilder', 'videos', 'video', 'footage', 'images',
]);

/** Agencies recognised anywhere in the sentence when no pattern names one. */
export const KNOWN_SOURCES: readonly string[] = [
  'NIS', 'HUR', 'GUR', 'Pentagon', 'JCS', 'NATO', 'White House',
  'Weißes Haus', 'Weiße Haus', 'Kremlin', 'Kreml', 'Kyodo', 'Yonhap',
  'CNN', 'Reuters', 'ISW', 'BBC', 'AP', 'AFP', 'dpa',
];

/** Places of the fighting: a headline "Kursk: …" names no source. */
export const BATTLE_PLACES: readonly string[] = [
  'kursk', 'donbas', 'donezk', 'donetsk', 'luhansk', 'charkiw', 'kharkiv',
  'cherson', 'kherson', 'saporischschja', 'zaporizhzhia', 'belgorod',
  'brjansk', 'bryansk', 'pokrowsk', 'pokrovsk', 'front',
];
