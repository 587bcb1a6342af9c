/**
 * Word lists of the anaphora rules (`anaphora.ts`): pronouns that stand for
 * troops named before, the verbs and words that may follow or precede a
 * figure without a noun of its own. Plain data.
 */

// Verbs after a bare figure that make it the subject of a troop sentence:
// "About 11,000 are already in Kursk", "Rund 3.000 sind gefallen".
export const SUBJECT_VERBS = new Set([
  'are',
  'were',
  'have',
  'had',
  'remain',
  'remained',
  'sind',
  'waren',
  'seien',
  'wären',
  'befinden',
  'befanden',
  'stehen',
  'standen',
  'kämpfen',
  'kämpften',
  'wurden',
  'haben',
  'hatten',
  'sollen',
  'died',
  'starben',
  'fell',
  'fielen',
  'fought',
  'serve',
  'dienen',
  'gerieten',
  'were',
  'was',
  'wurde',
  'soll',
  'könnten',
  'could',
  'will',
  'would',
  'may',
  'might',
]);

export const PARTICIPLES = new Set([
  'already',
  'bereits',
  'deployed',
  'sent',
  'stationed',
  'dispatched',
  'entsandten',
  'verlegten',
  'stationierten',
  'geschickten',
  'schon',
]);

// The subject of an English contact relative clause after a figure: "the
// 11,000 it sent last autumn", "the 3,000 Washington cited".
export const RELATIVE_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'we']);

// Its verb: a past form ("cited", "sent"), after an optional auxiliary.
export const PAST_FORMS = new Set([
  'sent',
  'put',
  'gave',
  'cited',
  'said',
  'saw',
  'took',
  'told',
  'spoke',
  'thought',
  'counted',
  'lost',
  'estimated',
  'reported',
]);
export const AUXILIARIES = new Set(['had', 'has', 'have', 'was', 'were']);

export const MORE_WORDS = new Set(['weitere', 'more', 'others', 'further']);

export const COPULAS = new Set([
  'sind',
  'seien',
  'waren',
  'wären',
  'are',
  'were',
]);

export const TOPIC_WORDS = new Set(['davon', 'darunter', 'including', 'among']);

export const DE_ADVERBS = new Set([
  'damit',
  'nun',
  'inzwischen',
  'bereits',
  'mittlerweile',
  'jetzt',
  'derzeit',
  'insgesamt',
  'schon',
  'demnach',
]);

// Pronouns that stand for troops named before: "8,000 of them", "davon".
export const ANAPHORS = new Set([
  'them',
  'those',
  'these',
  'whom',
  'which',
  'ihnen',
  'denen',
]);

// Words that may follow a figure that has no noun of its own.
export const AFTER_BARE = new Set([
  'to',
  'in',
  'into',
  'and',
  'at',
  'from',
  'for',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'nach',
  'in',
  'und',
  'an',
  'zur',
  'zum',
  'ins',
  'sind',
  'waren',
  // A time after the figure: "up from roughly 5,000 before the invasion",
  // "nach 3.000 im Frühjahr".
  'before',
  'after',
  'since',
  'last',
  'earlier',
  'vor',
  'seit',
  'im',
  // "at 4,000 over the past month", "auf 4.000 binnen eines Monats".
  'over',
  'within',
  'during',
  'until',
  'binnen',
  'innerhalb',
  'allein',
]);
