/**
 * Lexicons of the claim extractor, in one place: qualifiers, unit nouns,
 * actor cues, event cues and attribution cues, German and English. Keys are
 * lower case; matching lower-cases the text first. The contract behind these
 * lists is DESIGN.md, "The claim".
 */
import type { ClaimEvent, Language, Qualifier, Unit } from './claim.js';

/**
 * Qualifier phrases right before a number, longest first so "nicht mehr
 * als" wins over "mehr als". Upper bounds ("fewer than") map to `up_to`.
 */
export const QUALIFIER_PHRASES: Readonly<Record<Language, readonly (readonly [string, Qualifier])[]>> = {
  de: [
    ['nicht weniger als', 'at_least'], ['nicht mehr als', 'up_to'],
    ['mehr als', 'more_than'], ['weniger als', 'up_to'], ['bis zu', 'up_to'],
    ['an die', 'approx'], ['um die', 'approx'], ['in etwa', 'approx'],
    ['schätzungsweise', 'approx'], ['mindestens', 'at_least'],
    ['wenigstens', 'at_least'], ['höchstens', 'up_to'], ['maximal', 'up_to'],
    ['ungefähr', 'approx'], ['annähernd', 'approx'], ['nahezu', 'approx'],
    ['beinahe', 'approx'], ['circa', 'approx'], ['zirka', 'approx'],
    ['ca.', 'approx'], ['rund', 'approx'], ['etwa', 'approx'],
    ['fast', 'approx'], ['knapp', 'approx'], ['gut', 'more_than'],
    ['über', 'more_than'], ['unter', 'up_to'], ['mind.', 'at_least'],
  ],
  en: [
    ['no fewer than', 'at_least'], ['no less than', 'at_least'],
    ['no more than', 'up_to'], ['as many as', 'up_to'],
    ['an estimated', 'approx'], ['in excess of', 'more_than'],
    ['upwards of', 'more_than'], ['close to', 'approx'],
    ['more than', 'more_than'], ['fewer than', 'up_to'],
    ['less than', 'up_to'], ['at least', 'at_least'], ['at most', 'up_to'],
    ['up to', 'up_to'], ['approximately', 'approx'], ['roughly', 'approx'],
    ['around', 'approx'], ['about', 'approx'], ['nearly', 'approx'],
    ['almost', 'approx'], ['some', 'approx'], ['circa', 'approx'],
    ['ca.', 'approx'], ['approx.', 'approx'], ['over', 'more_than'],
    ['under', 'up_to'], ['estimated', 'approx'], ['top', 'more_than'],
    ['tops', 'more_than'], ['topped', 'more_than'], ['exceed', 'more_than'],
    ['exceeds', 'more_than'], ['exceeded', 'more_than'],
    ['surpassed', 'more_than'], ['surpass', 'more_than'],
    ['well over', 'more_than'], ['just over', 'more_than'],
    ['just under', 'up_to'], ['an approximate', 'approx'],
    ['a maximum of', 'up_to'], ['a minimum of', 'at_least'],
  ],
};

/** Words that may sit between a qualifier and its number ("sogar mindestens"). */
export const QUALIFIER_FILLERS: ReadonlySet<string> = new Set([
  'sogar', 'bereits', 'schon', 'insgesamt', 'nun', 'jetzt', 'inzwischen',
  'even', 'already', 'now', 'total', 'a', 'of', 'auf', 'to', 'weitere',
]);

/**
 * Unit nouns by the end of the (lower-cased) word, so compounds count
 * ("Nordkorea-Soldaten", "KPA-Truppen", "Elitesoldaten"). Checked in order:
 * "Arbeitskräfte" must hit `workers` before "kräfte" hits `soldiers`.
 */
export const UNIT_SUFFIXES: readonly (readonly [string, Unit])[] = [
  ['arbeitskräfte', 'workers'], ['arbeitskräften', 'workers'],
  ['fachkräfte', 'workers'], ['arbeiter', 'workers'], ['arbeitern', 'workers'],
  ['arbeiterinnen', 'workers'], ['workers', 'workers'], ['labourers', 'workers'],
  ['laborers', 'workers'], ['offiziere', 'officers'], ['offizieren', 'officers'],
  ['generäle', 'officers'], ['generälen', 'officers'], ['generale', 'officers'],
  ['kommandeure', 'officers'], ['officers', 'officers'], ['generals', 'officers'],
  ['commanders', 'officers'], ['soldaten', 'soldiers'], ['truppen', 'soldiers'],
  ['kämpfer', 'soldiers'], ['kämpfern', 'soldiers'], ['personal', 'soldiers'],
  ['militärangehörige', 'soldiers'], ['militärangehörigen', 'soldiers'],
  ['streitkräfte', 'soldiers'], ['spezialkräfte', 'soldiers'],
  ['rekruten', 'soldiers'], ['söldner', 'soldiers'], ['infanteristen', 'soldiers'],
  ['troops', 'soldiers'], ['soldiers', 'soldiers'], ['forces', 'soldiers'],
  ['personnel', 'soldiers'], ['fighters', 'soldiers'], ['servicemen', 'soldiers'],
  ['recruits', 'soldiers'], ['infantrymen', 'soldiers'], ['commandos', 'soldiers'],
  ['mercenaries', 'soldiers'], ['deminers', 'soldiers'], ['sappers', 'soldiers'],
  ['pioniere', 'soldiers'], ['minenräumer', 'soldiers'], ['paratroopers', 'soldiers'],
  ['snipers', 'soldiers'], ['scharfschützen', 'soldiers'], ['marines', 'soldiers'],
  ['gunners', 'soldiers'], ['artilleristen', 'soldiers'], ['operators', 'soldiers'],
  ['draftees', 'soldiers'], ['conscripts', 'soldiers'], ['wehrpflichtige', 'soldiers'],
  ['wehrpflichtigen', 'soldiers'], ['militärs', 'soldiers'], ['kräfte', 'soldiers'],
];

/** Whole words that are unit nouns only as such ("10.000 Mann", "2,000 men"). */
export const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map([
  ['mann', 'soldiers'], ['men', 'soldiers'], ['service members', 'soldiers'],
  ['servicemembers', 'soldiers'], ['military personnel', 'soldiers'],
  ['army personnel', 'soldiers'],
]);

/**
 * Nouns that carry their own event and stand for soldiers ("3.000 Tote",
 * "1,000 casualties", "zwei Gefangene").
 */
export const EVENT_NOUNS: ReadonlyMap<string, ClaimEvent> = new Map([
  ['tote', 'killed'], ['toten', 'killed'], ['gefallene', 'killed'],
  ['gefallenen', 'killed'], ['verwundete', 'wounded'], ['verwundeten', 'wounded'],
  ['verletzte', 'wounded'], ['verletzten', 'wounded'], ['gefangene', 'captured'],
  ['gefangenen', 'captured'], ['kriegsgefangene', 'captured'],
  ['kriegsgefangenen', 'captured'], ['verluste', 'casualties'],
  ['opfer', 'casualties'], ['casualties', 'casualties'], ['dead', 'killed'],
  ['killed', 'killed'], ['wounded', 'wounded'], ['injured', 'wounded'],
  ['prisoners', 'captured'], ['pows', 'captured'], ['captives', 'captured'],
  ['losses', 'casualties'], ['deaths', 'killed'], ['fatalities', 'killed'],
  ['injuries', 'wounded'], ['todesopfer', 'killed'], ['gefallenen', 'killed'],
  ['kriegstote', 'killed'], ['kriegstoten', 'killed'], ['getötete', 'killed'],
  ['getöteten', 'killed'], ['vermisste', 'other'], ['vermissten', 'other'],
]);

/** Nouns for North Koreans as people: a unit only with military context. */
export const KP_DEMONYMS: ReadonlySet<string> = new Set([
  'nordkoreaner', 'nordkoreanern', 'north koreans',
]);

/**
 * Actor cues by word prefix (lower case) → ISO code. Prefixes cover
 * inflection ("nordkoreanischen", "Nordkoreas"). `KP` first: "nordkorea"
 * must not fall through to "korea".
 */
export const ACTOR_PREFIXES: readonly (readonly [string, string])[] = [
  ['nordkorea', 'KP'], ['north korea', 'KP'], ['n korea', 'KP'],
  ['n.korea', 'KP'], ['s korea', 'KR'], ['s.korea', 'KR'], ['pjöngjang', 'KP'],
  ['pjongjang', 'KP'], ['pyongyang', 'KP'], ['dprk', 'KP'], ['kpa', 'KP'],
  ['kim jong', 'KP'], ['kvda', 'KP'], ['kim', 'KP'], ['the north', 'KP'],
  ['nk ', 'KP'], ['kva ', 'KP'], ['kva)', 'KP'], ['volksarmee', 'KP'],
  ["korean people's", 'KP'], ['korean people’s', 'KP'], ['südkorea', 'KR'], ['south korea', 'KR'],
  ['seoul', 'KR'], ['russ', 'RU'], ['moskau', 'RU'], ['moscow', 'RU'],
  ['kreml', 'RU'], ['putin', 'RU'], ['ukrain', 'UA'], ['kiew', 'UA'],
  ['kyiv', 'UA'], ['kiev', 'UA'], ['selenskyj', 'UA'], ['zelensky', 'UA'],
  ['amerikan', 'US'], ['american', 'US'], ['us-', 'US'], ['u.s.', 'US'],
  ['washington', 'US'], ['nato', 'NATO'], ['chines', 'CN'], ['china', 'CN'],
  ['belarus', 'BY'], ['weißruss', 'BY'], ['iran', 'IR'],
];

/** Words before an actor cue that make it a place or a partner, not an actor. */
export const NON_ACTOR_PREPOSITIONS: ReadonlySet<string> = new Set([
  'nach', 'in', 'im', 'gegen', 'an', 'für', 'zur', 'zu', 'mit', 'bei',
  'zwischen', 'into', 'to', 'against', 'for', 'with', 'between', 'at',
  'on', 'near', 'nahe', 'über', 'across', 'inside', 'within', 'unterstützung',
  'support', 'help', 'hilfe', 'seiten', 'side', 'of',
]);

/** Words after an actor cue that make it a source, not an actor. */
export const SOURCE_HEADS: ReadonlySet<string> = new Set([
  'geheimdienst', 'geheimdienste', 'geheimdienstes', 'militärgeheimdienst',
  'nachrichtendienst', 'intelligence', 'officials', 'beamte', 'behörden',
  'regierung', 'government', 'ministerium', 'ministry', 'präsident',
  'president', 'generalstab', 'außenminister', 'verteidigungsminister',
  'minister', 'sprecher', 'spokesperson', 'spokesman', 'commanders',
  'kommandeure', 'defence', 'defense', 'zufolge', 'says', 'said', 'sagte',
  'sagt', 'erklärte', 'meldete', 'estimates', 'estimated', 'schätzt',
  'agentur', 'agency', 'medien', 'media', 'sources', 'quellen', 'berichten',
  'spy', 'joint', 'national', 'foreign', 'lawmakers',
  'official', 'source', 'think', 'general', 'generals', 'war',
  'nachrichtendienste',
  'abgeordnete', 'parlament', 'parliament', 'geheimdienstkreise',
  'regierungskreise', 'kreise', 'sicherheitskreise', 'stellen',
]);

/** Event cue words (lower case); a cue matches a word that starts with it. */
export const EVENT_CUES: Readonly<Record<Language, Readonly<Record<
  'casualties' | 'killed' | 'wounded' | 'captured' | 'training' | 'deployed',
  readonly string[]>>>> = {
  de: {
    casualties: ['verluste', 'verlusten', 'opfer', 'ausfälle', 'verloren',
      'eingebüßt', 'verlor'],
    killed: ['getötet', 'gefallen', 'tot', 'tote', 'starben', 'gestorben',
      'ums', 'umgekommen', 'toten', 'erlagen', 'getöteten'],
    wounded: ['verwundet', 'verletzt'],
    captured: ['gefangen', 'gefangenschaft', 'festgenommen', 'kriegsgefangen'],
    training: ['ausbildung', 'ausgebildet', 'training', 'trainier', 'übung',
      'übungsgelände', 'manöver', 'trainingslager', 'militärübung',
      'geschult', 'schulung', 'lernen', 'absolvier'],
    deployed: ['entsandt', 'entsende', 'entsandte', 'geschickt', 'schickt',
      'schickte', 'stationiert', 'verlegt', 'eingesetzt', 'einsatz', 'kämpf',
      'front', 'eingetroffen', 'angekommen', 'kursk', 'gebracht', 'geliefert'],
  },
  en: {
    casualties: ['casualties', 'losses', 'casualty', 'lost', 'losing'],
    killed: ['killed', 'dead', 'died', 'deaths', 'death', 'slain'],
    wounded: ['wounded', 'injured', 'injuries'],
    captured: ['captured', 'prisoner', 'prisoners', 'pows', 'pow', 'captive'],
    training: ['training', 'trained', 'drills', 'exercises', 'trains',
      'taught', 'instructed', 'learning', 'instruction'],
    deployed: ['sent', 'deployed', 'deploy', 'stationed', 'dispatched',
      'fighting', 'front', 'arrived', 'moved', 'transferred', 'kursk',
      'combat', 'battle'],
  },
};

/**
 * Cues of an event outside presence and losses: desertion, defection,
 * missing, withdrawal (event `other`). Word prefixes, lower case.
 */
export const OTHER_CUES: Readonly<Record<Language, readonly string[]>> = {
  de: ['desertiert', 'deserteur', 'übergelaufen', 'vermisst', 'abgezogen',
    'zurückgezogen', 'geflohen'],
  en: ['deserted', 'deserters', 'defected', 'defectors', 'missing',
    'withdrawn', 'pulled', 'fled'],
};

/** Future/modal cues that make a figure `projected`. Whole words. */
export const PROJECTION_CUES: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: new Set([
    'könnte', 'könnten', 'dürfte', 'dürften', 'soll', 'sollen', 'sollte',
    'sollten', 'will', 'wollen', 'plant', 'planen', 'geplant', 'erwartet',
    'erwarten', 'voraussichtlich', 'künftig', 'demnächst', 'ansteigen',
    'anwachsen', 'aufstocken', 'steigen', 'wachsen', 'erhöhen', 'werde',
    'würde', 'würden', 'bereitet', 'beabsichtigt', 'erwägt', 'vorbereitet',
  ]),
  en: new Set([
    'will', 'would', 'could', 'might', 'may', 'expected', 'expects', 'expect',
    'plans', 'planned', 'planning', 'likely', 'set', 'going', 'rise', 'grow',
    'increase', 'reach', "'ll", 'shall', 'intends', 'prepared', 'due',
    'poised', 'preparing', 'prepares', 'intend', 'aims', 'seeks',
  ]),
};

/** Auxiliaries that turn a modal into a report about the past ("soll … haben"). */
export const PERFECT_AUXILIARIES: ReadonlySet<string> = new Set([
  'haben', 'sein', 'have',
]);

/**
 * Cues that a figure is the whole standing army, not a contingent; they
 * apply to large figures only (see `ARMY_SIZE_MIN`).
 */
export const ARMY_SIZE_CUES: readonly string[] = [
  'verfügt', 'verfügen', 'zählt', 'umfasst', 'stehende', 'stehenden',
  'größten', 'standing', 'largest', 'active-duty', 'reservist', 'reserv',
  'armee', 'armeen', 'army', 'armies', 'gesamtstärke', 'strength',
];

/** Below this a figure is never mistaken for the whole army. */
export const ARMY_SIZE_MIN = 100_000;
/** Figures from here up are army or population sizes, never a contingent. */
export const IMPLAUSIBLE_MIN = 1_000_000;

/** Words that join a unit noun to what follows without changing its head. */
export const EN_MODIFIERS: ReadonlySet<string> = new Set([
  'more', 'additional', 'extra', 'new', 'fresh', 'elite', 'special',
  'combat', 'regular', 'active', 'ground', 'infantry', 'armed', 'military',
  'of', 'its', 'their', 'his', 'the', 'north', 'south', 'korean', "korea's",
  'kpa', 'dprk', 'russian', 'ukrainian', 'other', 'further', 'operations',
  'assault', 'army', 'frontline', 'front-line', 'us', 'american',
]);

/** German words between number and noun that are not adjectives. */
export const DE_NON_MODIFIERS: ReadonlySet<string> = new Set([
  'die', 'der', 'den', 'dem', 'des', 'sie', 'wie', 'eine', 'einer', 'keine',
  'haben', 'werden', 'sollen', 'wurden', 'waren', 'oder', 'aber', 'unter',
  'nach', 'hinter', 'seien', 'gegen', 'ohne', 'diese', 'jene', 'ihre',
]);

/**
 * Stems that place a text in the war against Ukraine. A text with none of
 * them but with a cue of the Korean peninsula (`PENINSULA_STEMS`: troops at
 * the inter-Korean border) makes no claim about troops in Russia.
 */
export const THEATRE_STEMS: readonly string[] = [
  'russ', 'ukrain', 'kursk', 'kiew', 'kyiv', 'kiev', 'moskau', 'moscow',
  'kreml', 'kremlin', 'putin', 'selenskyj', 'zelensk', 'donbas', 'donezk',
  'donetsk', 'luhansk', 'charkiw', 'kharkiv', 'saporischschja',
  'zaporizhzhia', 'cherson', 'kherson', 'wladiwostok', 'vladivostok',
  'shoigu', 'schoigu', 'belgorod', 'brjansk', 'bryansk', 'rostow', 'rostov',
];

/** Cues of the inter-Korean border; see `THEATRE_STEMS`. */
export const PENINSULA_STEMS: readonly string[] = [
  'dmz', 'demarcation', 'demilitari', 'panmunjom', 'entmilitarisiert',
  'demarkationslinie', 'grenzlinie', 'inter-korean', 'innerkoreanisch',
  'armistice', '38th parallel', 'breitengrad', 'korean war', 'koreakrieg',
];

/**
 * A cheap gate: a text that matches none of these can hold no North Korean
 * actor cue (`ACTOR_PREFIXES` with code `KP`, `KP_DEMONYMS`), hence no
 * claim. Kept in step with those lists by a unit test.
 */
export const KP_GATE = /nord-?korea|north[\s-]+korea|\bn[\s.]+korea|pj[öo]n?gjang|pyongyang|dprk|\bkpa\b|\bkim\b|kvda|\bkva\b|volksarmee|korean\s+people|the\s+north|\bnk\b/iu;
