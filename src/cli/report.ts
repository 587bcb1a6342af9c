import type { Job } from 'bullmq';
import { STAGES, type StageName } from '../queues/names.js';
import type { Runtime } from '../queues/runtime.js';
import type { ArticleRecord } from '../queues/store/articles.js';
import type { AlertRecord } from '../queues/store/claims.js';
import type { DeliveryState } from '../queues/store/deliveries.js';

export type QueueCounts = Record<
  'waiting' | 'active' | 'delayed' | 'prioritized' | 'failed' | 'completed',
  number
>;

export async function queueCounts(
  runtime: Runtime,
): Promise<Record<StageName, QueueCounts>> {
  const entries = await Promise.all(
    STAGES.map(async (stage) => {
      const counts = await runtime.queues
        .get(stage)
        .getJobCounts(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'failed',
          'completed',
        );
      return [stage, counts as QueueCounts] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<StageName, QueueCounts>;
}

/** Jobs still to run: waiting, prioritized, active or delayed. */
export function openJobs(counts: QueueCounts): number {
  return counts.waiting + counts.prioritized + counts.active + counts.delayed;
}

export interface FailedJob {
  stage: StageName;
  id: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

export async function failedJobs(
  runtime: Runtime,
  limit = 20,
): Promise<FailedJob[]> {
  const out: FailedJob[] = [];
  for (const stage of STAGES) {
    const jobs = (await runtime.queues
      .get(stage)
      .getFailed(0, limit - 1)) as Job[];
    for (const job of jobs) {
      out.push({
        stage,
        id: job.id ?? '?',
        reason: job.failedReason,
        attempts: job.attemptsMade,
        failedAt: job.finishedOn
          ? new Date(job.finishedOn).toISOString()
          : null,
      });
    }
  }
  return out;
}

export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export function deliveryStates(
  alerts: readonly AlertRecord[],
): Record<DeliveryState, number> {
  const out: Record<DeliveryState, number> = {
    pending: 0,
    retrying: 0,
    delivered: 0,
    failed: 0,
  };
  for (const alert of alerts)
    for (const d of alert.deliveries) out[d.state] += 1;
  return out;
}

export function articleStates(
  articles: readonly ArticleRecord[],
): Record<string, number> {
  return countBy(articles, (a) => a.status);
}

/** Fixed-width columns for terminal listings. */
export function table(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length)),
  );
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  '),
    )
    .join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The shape of every listing command: JSON with --json, a sentence when
 * there is nothing, else the rendered table.
 */
export function printListing<T>(
  items: readonly T[],
  opts: {
    json?: boolean;
    empty: string;
    render: (items: readonly T[]) => string;
  },
): void {
  if (opts.json) printJson(items);
  else if (items.length === 0) process.stdout.write(`${opts.empty}\n`);
  else process.stdout.write(`${opts.render(items)}\n`);
}
