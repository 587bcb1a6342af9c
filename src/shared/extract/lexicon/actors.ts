/**
 * Word lists of the actor rules (`actor.ts`): the words around a country
 * cue that make it a source or a place rather than the troops' owner, the
 * pronouns that point back to a source and the subordinators that end a
 * clause. Plain data.
 */

// German compound heads of a source after an actor adjective
// ("ukrainischen Verteidigungsgeheimdienstes", "Oberbefehlshabers").
export const SOURCE_HEAD_ENDS = [
  'geheimdienst',
  'geheimdienstes',
  'dienstes',
  'ministerium',
  'ministeriums',
  'regierung',
  'behörde',
  'behörden',
  'generalstab',
  'generalstabs',
  'präsident',
  'präsidenten',
  'sprecher',
  'sprecherin',
  'minister',
  'ministers',
  'ministerin',
  'chef',
  'chefs',
  'befehlshaber',
  'befehlshabers',
  'kommando',
  'kommandos',
  'abgeordneten',
  'abgeordnete',
  'senders',
  'sender',
  'nachrichtenagentur',
  'zeitung',
  'beamten',
];

// Verbs whose subject is the source of a figure, not the troops' owner.
export const SPEAKER_VERBS = new Set([
  'says',
  // "Washington was saying", "Seoul confirmed", "Kyiv warned".
  'saying',
  // "Seoul was citing a cumulative 14,000", "Kyiv was putting it at …".
  'citing',
  'cited',
  'putting',
  'reporting',
  'counting',
  'confirmed',
  'confirms',
  'confirming',
  'warned',
  'warns',
  'estimating',
  'claiming',
  // "while Seoul gives a far lower figure of 3,000".
  'gives',
  'gave',
  'reckon',
  'reckons',
  'think',
  'thinks',
  'said',
  'told',
  'estimates',
  'estimated',
  'believes',
  'believed',
  'claims',
  'claimed',
  'reports',
  'reported',
  'geht',
  'ging',
  'schätzt',
  'schätzte',
  'sagt',
  'sagte',
  'spricht',
  'sprach',
  'meldet',
  'meldete',
  'berichtet',
  'berichtete',
  'erklärt',
  'erklärte',
  'beziffert',
  'bezifferte',
  'nennt',
  'nannte',
  'zählt',
  'zählte',
  'think',
  'thinks',
  'believe',
  'tell',
  'tells',
  'put',
  'puts',
  'assesses',
  'assess',
  'counts',
  'counted',
]);

// Words between a speaker and its verb: "the Ukrainians will tell you".
export const SPEAKER_FILLERS = new Set([
  'was',
  'were',
  'is',
  'are',
  'will',
  'would',
  'also',
  'now',
  'still',
  'have',
  'has',
  'had',
  'wird',
  'hat',
  'haben',
]);

// Words that open a source phrase; an actor cue just after them is a source.
export const SOURCE_INTRODUCERS = new Set([
  'laut',
  'according',
  'angaben',
  'einschätzung',
  'schätzung',
  'schätzungen',
  'erkenntnissen',
  'informationen',
  'darstellung',
  'berufung',
  'citing',
  'per',
  'by',
]);

// Pronouns that refer back to a source named before them ("Kyiv says its
// forces …"): then the source is the actor.
export const PRONOUNS = new Set([
  'it',
  'its',
  'they',
  'their',
  'sie',
  'ihre',
  'ihren',
  'ihrer',
  'seine',
  'seinen',
  'seiner',
  'er',
  'eigenen',
  'own',
]);

// Subordinators end the clause in which a later actor cue may still count.
export const SUBORDINATORS = new Set([
  'as',
  'while',
  'während',
  'als',
  'weil',
  'because',
  'after',
  'nachdem',
  'where',
  'wo',
  'when',
  'wenn',
  'since',
  'da',
  'whereas',
  'wobei',
]);

// Nouns whose relative clause's pronoun subject is no owner: "the total it
// has deployed", "the men it lost" (whose they are was named before).
export const COUNTED_BEFORE =
  /^(?:total|number|figure|tally|count|men|troops|soldiers|force|contingent)$/u;

// Words that open a clause with a subject of its own after a comma: a
// determiner or pronoun, a subordinator or relative, a focus adverb.
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'der',
  'die',
  'das',
  'den',
  'dem',
  'ein',
  'eine',
  'the',
  'a',
  'an',
  'er',
  'sie',
  'es',
  'wir',
  'man',
  'he',
  'she',
  'they',
  'we',
  'it',
  'dass',
  'daß',
  'that',
  'who',
  'which',
  'whom',
  'wie',
  'wo',
  'weil',
  'while',
  'whereas',
  'when',
  'as',
  'if',
  'ob',
  'obwohl',
  'nachdem',
  'after',
  'where',
  'während',
  'allein',
  'only',
  'and',
  'und',
]);

// What a captor does: "Ukraine currently holds two such prisoners",
// "had inflicted around 4,000 casualties on the contingent".
export const CAPTOR = /^(?:holds|hält|festgehalten|inflicted|zugefügt)$/u;

// German speech verbs whose subject may follow them: "nennt Kiew".
export const GERMAN_INVERSION: ReadonlySet<string> = new Set([
  'nennt',
  'nannte',
  'spricht',
  'sprach',
  'schätzt',
  'schätzte',
  'geht',
  'ging',
]);

// Nouns of a count that its source may follow: "the figure from Seoul".
export const COUNT_FRAMES =
  /^(?:figures?|numbers?|estimates?|count|tally|data|account|assessment|zahl|zahlen|schätzung|schätzungen|angaben|einschätzung|rechnung|zählung)$/u;

// Regions whose genitive is a place: "im Fernen Osten Russlands".
export const REGION_NOUNS =
  /^(?:osten|westen|süden|norden|region|gebiet|grenzgebiet|grenzregion|hauptstadt|territorium|staatsgebiet)$/u;

// A speaker's own troops: "Die russische Seite hat rund 50.000 eigene
// Soldaten", "die eigenen Streitkräfte".
export const OWN = /^(?:eigene|eigenen|own)$/u;
