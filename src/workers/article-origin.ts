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

/** How far an article has come, in stage order. */
const PROGRESS: Readonly<Record<ArticleRecord['status'], number>> = {
  fetched: 0,
  cleaned: 1,
  extracted: 2,
  done: 3,
  duplicate: 3,
  failed: -1,
};

/**
 * True when the article is already past `status`: a job run again after a
 * lost lock (Redis restarted from its append-only file) must not write an
 * earlier status over a later one; it only makes sure the next stage's job
 * exists (job ids make that idempotent).
 */
export function isPast(
  article: Pick<ArticleRecord, 'status'>,
  status: 'cleaned' | 'extracted',
): boolean {
  return PROGRESS[article.status] >= PROGRESS[status];
}
