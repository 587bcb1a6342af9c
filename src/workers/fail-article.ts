import type { Job } from 'bullmq';
import type { ArticleJob } from '../queues/names.js';
import type { WorkerDeps } from './stage-worker.js';

/**
 * The final-failure hook of the article stages: the article is marked failed
 * with the reason (shown by `troopwatch status`) and, if it is a seed, the
 * seed gate is released so that feed items are not held back for ever.
 */
export function failArticle(deps: WorkerDeps) {
  return async (job: Job<ArticleJob>, err: Error): Promise<void> => {
    await deps.store.updateArticle(job.data.articleId, {
      status: 'failed',
      error: err.message,
    });
    await deps.store.releaseSeed(job.data.articleId);
  };
}
