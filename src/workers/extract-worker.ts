import type { Worker } from 'bullmq';
import { extractClaims } from '../shared/extract/claims.js';
import { StageError } from '../shared/errors.js';
import type { ArticleJob } from '../queues/names.js';
import { nextStageOptions } from './article-origin.js';
import { failArticle } from './fail-article.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** extract: text → troop-count claims, kept on the article. */
export function createExtractWorker(deps: WorkerDeps): Worker<ArticleJob> {
  return createStageWorker(
    deps,
    {
      name: 'extract',
      async process(job) {
        const article = await deps.store.getArticle(job.data.articleId);
        const text = await deps.store.getArticleText(job.data.articleId);
        if (article === null || text === null) {
          throw new StageError(
            `extract: article ${job.data.articleId} is gone`,
            'article_missing',
            false,
          );
        }
        const claims = extractClaims(text);
        await deps.store.updateArticle(article.id, {
          claims,
          status: 'extracted',
        });
        await deps.queues.enqueue(
          'dedupe',
          { articleId: article.id },
          nextStageOptions('dedupe', article),
        );
        return { articleId: article.id, claims: claims.length };
      },
      onFinalFailure: failArticle(deps),
    },
    { concurrency: deps.config.concurrency },
  );
}
