import type { Worker } from 'bullmq';
import { StageError } from '../shared/errors.js';
import { inspectContent } from '../shared/decode-content.js';
import type { FetchJob } from '../queues/names.js';
import { newArticle, sha256 } from '../queues/store.js';
import { safeFetch } from '../net/safe-fetch.js';
import { canonicalizeUrl } from '../shared/canonical-url.js';
import { nextStageOptions } from './article-origin.js';
import { pollFeed } from './poll-feed.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** Media types an article may come as; anything else is `not_html`. */
const ARTICLE_TYPES = ['text/html', 'application/xhtml', 'text/plain'];

/** How long a feed item waits for the seeds before it looks again. */
const SEED_GATE_DELAY_MS = 250;

/**
 * fetch: gets the bytes (a stored seed or file blob, or a URL over HTTP),
 * creates the article record and hands it to clean. Feed polls run here too.
 */
export function createFetchWorker(deps: WorkerDeps): Worker<FetchJob> {
  return createStageWorker(deps, {
    name: 'fetch',
    async process(job, { postpone }) {
      const data = job.data;
      if (data.kind === 'feed' || data.kind === 'url') {
        // Seeds first: no feed item or URL starts while a seed is unfinished.
        if (data.kind === 'url' && (await deps.store.pendingSeedCount()) > 0) {
          return postpone(SEED_GATE_DELAY_MS);
        }
        // Politeness: wait (as a delayed job, not a sleep) for the host's turn.
        const slot = await deps.hostGate.acquire(hostOf(data.kind === 'feed' ? data.feedUrl : data.url));
        if (!slot.granted) return postpone(slot.waitMs);
        try {
          return data.kind === 'feed' ? await pollFeed(deps, data.feedUrl) : await fetchUrl(deps, data);
        } finally {
          await slot.release();
        }
      }
      const bytes = await deps.store.getBlob(data.sha);
      if (bytes === null) {
        throw new StageError(`fetch: stored content ${data.sha} is gone`, 'article_missing', false);
      }
      const kind = inspectContent(bytes).kind;
      if (kind === 'empty' || kind === 'binary') {
        throw new StageError(`fetch: ${data.name} is ${kind}`, `${kind}_content`, false);
      }
      const article = {
        id: data.sha.slice(0, 32),
        origin: data.seedSeq === undefined ? ('file' as const) : ('seed' as const),
      };
      const created = await deps.store.createArticle(
        newArticle({
          ...article,
          name: data.name,
          seedSeq: data.seedSeq ?? null,
          rawSha: data.sha,
          contentType: kind === 'html' ? 'text/html' : 'text/plain',
        }),
      );
      await deps.queues.enqueue('clean', { articleId: article.id }, nextStageOptions('clean', article));
      return { articleId: article.id, created, bytes: bytes.length };
    },
    async onFinalFailure(job) {
      if (job.data.kind !== 'blob') return;
      const articleId = job.data.sha.slice(0, 32);
      await deps.store.releaseSeed(articleId);
    },
  }, { concurrency: deps.config.concurrency });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return 'invalid';
  }
}

async function fetchUrl(
  deps: WorkerDeps,
  data: Extract<FetchJob, { kind: 'url' }>,
): Promise<Record<string, unknown>> {
  const requested = canonicalizeUrl(data.url);
  const id = sha256(requested).slice(0, 32);
  const existing = await deps.store.getArticle(id);
  if (existing !== null && existing.status !== 'failed') {
    return { articleId: id, skipped: 'known url' };
  }
  const res = await safeFetch(data.url, {
    allowPrivateHosts: deps.config.allowPrivateHosts,
    userAgent: deps.config.userAgent,
    accept: ARTICLE_TYPES,
  });
  const kind = inspectContent(res.body).kind;
  if (kind === 'empty' || kind === 'binary') {
    throw new StageError(`fetch: ${res.url} is ${kind}`, `${kind}_content`, false);
  }
  // A redirect can land on an article that is already known under its final URL.
  const owner = await deps.store.claimUrl(canonicalizeUrl(res.url), id);
  if (owner !== id) return { articleId: id, duplicateOf: owner, skipped: 'known final url' };
  const rawSha = sha256(res.body);
  await deps.store.putBlob(rawSha, res.body);
  const article = { id, origin: 'url' as const };
  await deps.store.createArticle(
    newArticle({
      ...article,
      name: data.url,
      url: res.url,
      title: data.title ?? null,
      publishedAt: data.publishedAt ?? null,
      feedUrl: data.feedUrl ?? null,
      rawSha,
      contentType: res.headers['content-type'] ?? null,
    }),
  );
  await deps.queues.enqueue('clean', { articleId: id }, nextStageOptions('clean', article));
  return { articleId: id, status: res.status, bytes: res.body.length };
}
