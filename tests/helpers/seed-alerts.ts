/** The six claim.new keys the seeds must raise (DESIGN.md, "Novelty and alerts"). */
export const REQUIRED_KEYS = [
  'KP|presence|soldiers|12000',
  'KP|presence|soldiers|3000',
  'KP|presence|soldiers|2000',
  'KP|projected|soldiers|10000',
  'KP|presence|soldiers|10000',
  'KP|presence|soldiers|1500',
] as const;

/** The required keys plus the one DESIGN.md allows (presence/officers/10). */
export const ALLOWED_KEYS: ReadonlySet<string> = new Set([
  ...REQUIRED_KEYS,
  'KP|presence|officers|10',
]);
