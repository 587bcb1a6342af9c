/**
 * The five stages, their queue names and job payloads, declared once so that
 * producers and workers cannot drift apart. Payloads are small plain JSON:
 * bodies live in Redis under the article's keys, never in jobs.
 */
export const QueueName = {
  fetch: 'fetch',
  clean: 'clean',
  extract: 'extract',
  dedupe: 'dedupe',
  alert: 'alert',
} as const;
export type StageName = keyof typeof QueueName;
export const STAGES: readonly StageName[] = Object.keys(
  QueueName,
) as StageName[];

/** Seeds and local files arrive as stored bytes; feed items and URLs as a URL. */
export type FetchJob =
  | {
      kind: 'blob';
      /** sha256 of the bytes, the key of the stored blob. */
      sha: string;
      /** The file name ("000_….txt") or path it came from. */
      name: string;
      /** Set for seeds: their place in file-name order. */
      seedSeq?: number;
    }
  | {
      /** Poll one registered feed and enqueue its new items. */
      kind: 'feed';
      feedUrl: string;
    }
  | {
      kind: 'url';
      url: string;
      feedUrl?: string;
      title?: string;
      publishedAt?: string;
    };

export interface ArticleJob {
  articleId: string;
}

export interface AlertJob {
  alertId: string;
  endpointId: string;
}

export interface JobPayloads {
  fetch: FetchJob;
  clean: ArticleJob;
  extract: ArticleJob;
  dedupe: ArticleJob;
  alert: AlertJob;
}

/**
 * BullMQ priorities: a lower number runs first. Seeds come before any feed
 * item (the seed gate in the workers makes that strict, this only orders the
 * waiting list).
 */
export const Priority = { seed: 1, file: 5, url: 10 } as const;
