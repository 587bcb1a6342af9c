/**
 * Word lists of the event rules (`event.ts`): clause and tense markers, plan
 * and expectation verbs, and the finite verbs that open a second predicate.
 * Plain data, lower-case; the rules match them against token words.
 */

export const RELATIVES = new Set([
  'die',
  'der',
  'das',
  'denen',
  'deren',
  'welche',
  'which',
  'who',
  'whom',
  'that',
]);

export const REPORTATIVE = new Set(['soll', 'sollen']);

export const PAST = new Set([
  'had',
  'counted',
  'was',
  'were',
  'sent',
  'dispatched',
  'hatte',
  'hatten',
  'war',
  'waren',
  'schickte',
  'entsandte',
  'wurden',
  // "bis Dezember standen rund 11.000 Mann in Kursk": by then, not ahead.
  'standen',
  'stand',
  'kamen',
  'befanden',
  'stood',
  'arrived',
]);

// Infinitives and auxiliaries that make "sollen" a plan, not a report.
export const FUTURE_MARKERS = new Set([
  'werden',
  'steigen',
  'ansteigen',
  'anwachsen',
  'wachsen',
  'erhöhen',
  'aufstocken',
  'aufgestockt',
  'schicken',
  'entsenden',
  'senden',
  'verlegen',
  'liefern',
  'folgen',
  'kommen',
  'hinzukommen',
  'ausbilden',
  'demnächst',
  'künftig',
  'bald',
  'später',
  'nächsten',
  'kommenden',
  'ersetzen',
  'ablösen',
  'rotieren',
  'eintreffen',
  'ankommen',
  'nachrücken',
]);

// Plan verbs that govern a following infinitive clause ("Russland plant,
// … 12.000 Bauarbeiter anzuwerben").
export const PLAN_VERBS = [
  'plant',
  'planen',
  // Reported speech: "Insgesamt plane Pjöngjang, etwa 12 000 Soldaten zu
  // entsenden".
  'plane',
  'wolle',
  'erwäge',
  'beabsichtigt',
  'beabsichtigen',
  'erwägt',
  'erwägen',
  'will',
  'wollen',
  'plans',
  'intends',
  'wants',
  'bereitet',
  'bereiten',
  'prepares',
  'preparing',
];

// Verbs that govern a "dass"/"that" clause about the future.
export const EXPECT_VERBS = [
  'erwartet',
  // "Der NIS rechnet damit, dass Pjöngjang … schickt".
  'rechnet',
  'rechnen',
  'plant',
  'expects',
  'expected',
  'plans',
  'voraussichtlich',
  // "hält es für möglich, dass Pjöngjang … schickt".
  'möglich',
  'denkbar',
  'possible',
];

export const CONJUNCTIONS = new Set(['und', 'oder', 'bzw', 'and', 'or']);

// Finite verbs that open a second predicate after "and" ("are training …
// and are likely to …", "puts … at 12,000 and says 40 % were killed").
export const FINITE = new Set([
  'says',
  'said',
  'say',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'may',
  'might',
  'should',
  'can',
  'remain',
  'remains',
  'expects',
  'warned',
  'added',
  'noted',
  'sagt',
  'sagte',
  'ist',
  'sind',
  'war',
  'waren',
  'hat',
  'haben',
  'hatte',
  'hatten',
  'wird',
  'werden',
  'soll',
  'sollen',
  'könnte',
  'könnten',
  'dürften',
  'seien',
  'sei',
  'wurde',
  'wurden',
  'erklärte',
  'warnte',
]);

// Verbs of a likely present state: "könnten sich … befinden" is no plan.
export const STATIVES = new Set([
  'befinden',
  'befindet',
  'sein',
  'stehen',
  'kämpfen',
  'remain',
  'fighting',
]);

// Modals of likelihood.
export const LIKELIHOOD = new Set([
  'könnte',
  'könnten',
  'dürfte',
  'dürften',
  'could',
  'may',
  'might',
]);

// Verbs whose object is the losses a deployment makes good.
export const REPLACING = new Set([
  'replace',
  'replacing',
  'offset',
  'compensate',
  'ersetzen',
  'ausgleichen',
  'auszugleichen',
  'auffüllen',
  'aufzufüllen',
  'ersetzt',
  'replenish',
]);

/** The events that count losses. */
export const CASUALTY_EVENTS = [
  'casualties',
  'killed',
  'wounded',
  'captured',
] as const;

// Auxiliaries of a figure's own verb ("2,700 had been injured").
export const AUXILIARIES =
  /^(?:had|have|has|been|were|was|are|is|be|sind|seien|wurden|worden|waren|wären)$/u;

// Degree words before "trained" / "ausgebildete" that make it a quality
// ("11,000 lightly trained conscripts are fighting", "gut ausgebildete
// Soldaten"), not a figure in training.
export const TRAINING_QUALITY =
  /^(?:well|ill|poorly|badly|lightly|highly|barely|hardly|better|best|hastily|minimally|properly|fully|gut|schlecht|kaum|besser|bestens|hervorragend|mangelhaft|unzureichend|notdürftig|dürftig|hastig|ungenügend|voll)$/u;
// The same degree glued on: "well-trained", "schlecht-ausgebildete".
export const GLUED_QUALITY =
  /^(?:well|ill|poorly|badly|lightly|highly|half|under|gut|schlecht|kaum|halb)-/u;
