import type { Worker } from 'bullmq';
import { canonicalizeUrl } from '../shared/fetch/canonical-url.js';
import { cleanText } from '../shared/clean/text.js';
import { decodeText, inspectContent } from '../shared/fetch/decode-content.js';
import type { ArticleJob } from '../queues/names.js';
import { isPast, nextStageOptions } from './article-origin.js';
import { articleGone, failArticle } from './fail-article.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** clean: HTML → readable text and metadata; text → normalised text. */
export function createCleanWorker(deps: WorkerDeps): Worker<ArticleJob> {
  return createStageWorker(
    deps,
    {
      name: 'clean',
      async process(job) {
        const article = await deps.store.articles.get(job.data.articleId);
        if (article === null || article.rawSha === null) {
          throw articleGone('clean', `article ${job.data.articleId}`);
        }
        if (isPast(article, 'cleaned')) {
          if (article.status !== 'duplicate') {
            await deps.queues.enqueue(
              'extract',
              { articleId: article.id },
              nextStageOptions('extract', article),
            );
          }
          return {
            articleId: article.id,
            skipped: `already ${article.status}`,
          };
        }
        const bytes = await deps.store.articles.getBlob(article.rawSha);
        if (bytes === null) {
          throw articleGone('clean', `content of ${article.id}`);
        }
        const decoded = decodeText(bytes, {
          contentType: article.contentType ?? undefined,
        });
        let text: string;
        let meta = {};
        if (inspectContent(bytes).kind === 'html') {
          if (deps.cleanPool === null)
            throw new Error('clean: no parser pool in this process');
          const page = await deps.cleanPool.clean(
            decoded,
            article.url ?? undefined,
          );
          // The page names its own canonical URL (link rel=canonical, og:url):
          // a copy published under another address is the same article.
          if (article.origin === 'url' && page.canonicalUrl) {
            const owner = await deps.store.articles.claimUrl(
              canonicalizeUrl(page.canonicalUrl),
              article.id,
            );
            if (owner !== article.id) {
              await deps.store.articles.markDuplicate(article.id, owner);
              await deps.store.articles.deleteBlob(article.rawSha);
              return {
                articleId: article.id,
                duplicateOf: owner,
                by: 'canonical url',
              };
            }
          }
          text = page.text;
          meta = {
            title: article.title ?? page.title,
            siteName: page.siteName,
            publishedAt: article.publishedAt ?? page.publishedAt,
          };
        } else {
          text = cleanText(decoded);
          meta = { title: article.title ?? headline(text) };
        }
        await deps.store.articles.setText(article.id, text);
        await deps.store.articles.update(article.id, {
          ...meta,
          status: 'cleaned',
        });
        await deps.queues.enqueue(
          'extract',
          { articleId: article.id },
          nextStageOptions('extract', article),
        );
        // Seeds and files keep their bytes (small, and re-seeding stays cheap);
        // fetched pages drop theirs once the text is kept.
        if (article.origin === 'url')
          await deps.store.articles.deleteBlob(article.rawSha);
        return { articleId: article.id, chars: text.length };
      },
      onFinalFailure: failArticle(deps),
    },
    { concurrency: deps.config.concurrency },
  );
}

/** The first non-empty line of a plain-text article, as its title. */
function headline(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? null : line.trim().slice(0, 200);
}
