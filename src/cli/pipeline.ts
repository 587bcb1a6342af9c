import { randomUUID } from 'node:crypto';
import type { Config } from '../shared/config/config.js';
import type { Logger } from '../shared/logger.js';
import type { StageName } from '../queues/names.js';
import type { Runtime } from '../queues/runtime.js';
import {
  enqueueInputs,
  enqueueSeeds,
  type EnqueueSummary,
  type FileInput,
  type Input,
} from '../queues/inputs.js';
import { pollFeedOnce, scheduleFeed } from '../queues/feed-schedule.js';
import { startFleet } from '../workers/fleet.js';
import { startDashboard } from './dashboard.js';
import { waitForDrain } from './drain.js';
import { articleStates, deliveryStates, printJson } from './report.js';

/** Resolves on the first SIGINT/SIGTERM; a second one exits at once. */
function untilSignal(log: Logger): {
  promise: Promise<string>;
  controller: AbortController;
} {
  const controller = new AbortController();
  const promise = new Promise<string>((resolve) => {
    const onSignal = (signal: string): void => {
      if (controller.signal.aborted) {
        log.warn({ signal }, 'Second signal: exiting without waiting');
        process.exit(1);
      }
      log.info({ signal }, 'Shutting down: finishing active jobs');
      controller.abort();
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return { promise, controller };
}

/** `start` and `run --once`. */
export async function runPipeline(
  rt: Runtime,
  config: Config,
  log: Logger,
  opts: {
    once: boolean;
    seeds: readonly FileInput[];
    deliveryWaitMs?: number;
    json?: boolean;
  },
): Promise<void> {
  const startedAt = new Date().toISOString();
  const signals = untilSignal(log);
  const fleet = startFleet(rt, config, log);
  try {
    const seeded = await enqueueSeeds(rt, opts.seeds);
    log.info(seeded, 'Seeds enqueued');
    const feeds = await rt.store.feeds.list();
    const runId = randomUUID().slice(0, 8);
    for (const feed of feeds) {
      if (opts.once) await pollFeedOnce(rt.queues, feed.url, runId);
      else await scheduleFeed(rt.queues, feed);
    }
    if (!opts.once) {
      const dashboard = await startDashboard(rt, config, log);
      log.info(
        { feeds: feeds.length },
        'troopwatch is running; Ctrl-C stops it',
      );
      await signals.promise;
      dashboard?.close();
      return;
    }
    const drained = await waitForDrain(rt, log, {
      deliveryWaitMs: opts.deliveryWaitMs ?? 120_000,
      signal: signals.controller.signal,
    });
    await printRunSummary(rt, {
      startedAt,
      seeded,
      feeds: feeds.length,
      ...drained,
      json: opts.json,
    });
  } finally {
    await fleet.close();
  }
}

async function printRunSummary(
  rt: Runtime,
  run: {
    startedAt: string;
    seeded: EnqueueSummary;
    feeds: number;
    pendingDeliveries: number;
    json?: boolean;
  },
): Promise<void> {
  const articles = (await rt.store.articles.list(100_000)).filter(
    (a) => a.createdAt >= run.startedAt,
  );
  const alerts = (await rt.store.claims.listAlerts()).filter(
    (a) => a.createdAt >= run.startedAt,
  );
  const summary = {
    seeds: run.seeded,
    feedsPolled: run.feeds,
    articles: articleStates(articles),
    newAlerts: alerts.length,
    deliveries: deliveryStates(alerts),
    pendingDeliveries: run.pendingDeliveries,
  };
  if (run.json) return printJson(summary);
  const states =
    Object.entries(summary.articles)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ') || 'none';
  const d = summary.deliveries;
  process.stdout.write(
    [
      `Seeds: ${run.seeded.enqueued} enqueued, ${run.seeded.known} already ingested; feeds polled: ${run.feeds}`,
      `Articles this run: ${states}`,
      `New alerts: ${alerts.length}; deliveries: ${d.delivered} delivered, ${d.failed} failed, ${d.retrying + d.pending} pending`,
      ...(run.pendingDeliveries > 0
        ? [
            `${run.pendingDeliveries} deliveries wait for a retry; they go on with the next start or worker.`,
          ]
        : []),
    ].join('\n') + '\n',
  );
}

/** `worker`: one fleet member until SIGINT/SIGTERM. */
export async function runWorker(
  rt: Runtime,
  config: Config,
  log: Logger,
  stages: StageName[],
): Promise<void> {
  const signals = untilSignal(log);
  const fleet = startFleet(rt, config, log, stages);
  await signals.promise;
  await fleet.close();
}

export async function seedCommand(
  rt: Runtime,
  seeds: readonly FileInput[],
  json?: boolean,
): Promise<void> {
  printEnqueueSummary(await enqueueSeeds(rt, seeds), json);
}

export async function enqueueCommand(
  rt: Runtime,
  inputs: readonly Input[],
  json?: boolean,
): Promise<void> {
  printEnqueueSummary(await enqueueInputs(rt, inputs), json);
}

function printEnqueueSummary(summary: EnqueueSummary, json?: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const extra = [
    summary.known > 0 ? `${summary.known} already ingested` : '',
    summary.failedBefore > 0
      ? `${summary.failedBefore} failed before (see troopwatch status)`
      : '',
  ].filter(Boolean);
  process.stdout.write(
    `Enqueued ${summary.enqueued}${extra.length ? `; ${extra.join('; ')}` : ''}.\n`,
  );
}
