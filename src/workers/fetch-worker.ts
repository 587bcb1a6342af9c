import type { Worker } from 'bullmq';
import type { FetchJob } from '../queues/names.js';
import { fetchArticle, ingestBlob } from './fetch-article.js';
import { pollFeed } from './poll-feed.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** How long a feed item waits for the seeds before it looks again. */
const SEED_GATE_DELAY_MS = 250;

/**
 * fetch: gets the bytes (a stored seed or file, or a URL over HTTP), creates
 * the article record and hands it to clean. Feed polls run here too.
 */
export function createFetchWorker(deps: WorkerDeps): Worker<FetchJob> {
  return createStageWorker(
    deps,
    {
      name: 'fetch',
      async process(job, { postpone }) {
        const data = job.data;
        if (data.kind === 'blob') return ingestBlob(deps, data);
        // Seeds first: no feed item or URL starts while a seed is unfinished.
        if (
          data.kind === 'url' &&
          (await deps.store.seeds.pendingCount()) > 0
        ) {
          return postpone(SEED_GATE_DELAY_MS);
        }
        // Politeness: wait (as a delayed job, not a sleep) for the host's turn.
        const slot = await deps.hostGate.acquire(
          hostOf(data.kind === 'feed' ? data.feedUrl : data.url),
        );
        if (!slot.granted) return postpone(slot.waitMs);
        try {
          return data.kind === 'feed'
            ? await pollFeed(deps, data.feedUrl)
            : await fetchArticle(deps, data);
        } finally {
          await slot.release();
        }
      },
      async onFinalFailure(job) {
        // A seed that cannot be read must not hold the feed items back for ever.
        if (job.data.kind === 'blob')
          await deps.store.seeds.release(job.data.sha.slice(0, 32));
      },
    },
    { concurrency: deps.config.concurrency },
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return 'invalid';
  }
}
