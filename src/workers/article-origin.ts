import type { JobsOptions } from 'bullmq';
import { Priority } from '../queues/names.js';
import type { ArticleRecord } from '../queues/store/articles.js';

/** Options for the next stage's job of an article: seeds keep their lead. */
export function nextStageOptions(
  stage: string,
  article: Pick<ArticleRecord, 'id' | 'origin'>,
): JobsOptions & { jobId: string } {
  return {
    jobId: `${stage}-${article.id}`,
    priority: Priority[article.origin],
  };
}

/** The "source" of an article in alert bodies: site name, host or file. */
export function sourceName(
  article: Pick<ArticleRecord, 'siteName' | 'url' | 'name'>,
): string {
  if (article.siteName) return article.siteName;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      // fall through to the name
    }
  }
  return article.name;
}
