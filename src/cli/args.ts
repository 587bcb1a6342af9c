/**
 * Option parsers of the command line: each turns one argument into its
 * value or a commander `InvalidArgumentError` (exit 2 with the reason).
 */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../shared/config/duration.js';
import { SOURCE_IDS } from '../shared/extract/lexicon/source-table.js';
import { STAGES, type StageName } from '../queues/names.js';

export function sourceArg(value: string): string {
  if (!SOURCE_IDS.includes(value))
    throw new InvalidArgumentError(
      `unknown source; one of ${SOURCE_IDS.join(', ')}`,
    );
  return value;
}

export function durationArg(value: string): number {
  const ms = parseDuration(value);
  if (ms === null)
    throw new InvalidArgumentError('expected a duration like 30s, 10m or 2h');
  return ms;
}

export function stagesArg(value: string): StageName[] {
  const stages = value.split(',').map((s) => s.trim());
  const unknown = stages.filter(
    (s) => !(STAGES as readonly string[]).includes(s),
  );
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown stage ${unknown.join(', ')}; stages are ${STAGES.join(',')}`,
    );
  return stages as StageName[];
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}
