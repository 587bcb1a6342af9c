import type { Worker } from 'bullmq';
import { extractClaims } from '../shared/extract/claims.js';
import type { ArticleJob } from '../queues/names.js';
import { isPast, nextStageOptions } from './article-origin.js';
import { failArticle, loadArticleText } from './fail-article.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** extract: text → troop-count claims, kept on the article. */
export function createExtractWorker(deps: WorkerDeps): Worker<ArticleJob> {
  return createStageWorker(
    deps,
    {
      name: 'extract',
      async process(job) {
        const { article, text } = await loadArticleText(
          deps,
          'extract',
          job.data.articleId,
        );
        const redo = !isPast(article, 'extracted');
        const claims = redo ? extractClaims(text) : article.claims;
        if (redo) {
          await deps.store.articles.update(article.id, {
            claims,
            status: 'extracted',
          });
        }
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
