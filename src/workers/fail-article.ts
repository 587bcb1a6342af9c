import type { Job } from 'bullmq';
import { StageError } from '../shared/errors.js';
import type { ArticleJob } from '../queues/names.js';
import type { ArticleRecord } from '../queues/store/articles.js';
import type { WorkerDeps } from './stage-worker.js';

/**
 * The final-failure hook of the article stages: the article is marked failed
 * with the reason (shown by `troopwatch status`) and, if it is a seed, the
 * seed gate is released so that feed items are not held back for ever.
 */
export function failArticle(deps: WorkerDeps) {
  return async (job: Job<ArticleJob>, err: Error): Promise<void> => {
    await deps.store.articles.update(job.data.articleId, {
      status: 'failed',
      error: err.message,
    });
    await deps.store.seeds.release(job.data.articleId);
  };
}

/** The error of a stage whose article record (or its text) has vanished. */
export function articleGone(stage: string, what: string): StageError {
  return new StageError(`${stage}: ${what} is gone`, 'article_missing', false);
}

/** The article and its text, or a non-retryable `article_missing`. */
export async function loadArticleText(
  deps: Pick<WorkerDeps, 'store'>,
  stage: string,
  articleId: string,
): Promise<{ article: ArticleRecord; text: string }> {
  const [article, text] = await Promise.all([
    deps.store.articles.get(articleId),
    deps.store.articles.getText(articleId),
  ]);
  if (article === null || text === null) {
    throw articleGone(stage, `article ${articleId}`);
  }
  return { article, text };
}
