import { canonicalizeUrl } from '../shared/fetch/canonical-url.js';
import { inspectContent } from '../shared/fetch/decode-content.js';
import { StageError } from '../shared/errors.js';
import type { FetchJob } from '../queues/names.js';
import { newArticle } from '../queues/store/articles.js';
import { sha256 } from '../queues/store/ids.js';
import { safeFetch } from '../shared/fetch/safe-fetch.js';
import { nextStageOptions } from './article-origin.js';
import type { WorkerDeps } from './stage-worker.js';

/** Media types an article may come as; anything else is `not_html`. */
const ARTICLE_TYPES = ['text/html', 'application/xhtml', 'text/plain'];

/** Refuses empty and binary bytes, which no later stage can read. */
function assertReadable(bytes: Uint8Array, name: string): 'html' | 'text' {
  const { kind, reason } = inspectContent(bytes);
  if (kind === 'empty' || kind === 'binary') {
    throw new StageError(
      `fetch: ${name} is ${kind} (${reason})`,
      `${kind}_content`,
      false,
    );
  }
  return kind;
}

/** A seed or file whose bytes the producer stored: the article, then clean. */
export async function ingestBlob(
  deps: WorkerDeps,
  data: Extract<FetchJob, { kind: 'blob' }>,
): Promise<Record<string, unknown>> {
  const bytes = await deps.store.articles.getBlob(data.sha);
  if (bytes === null)
    throw new StageError(
      `fetch: stored content ${data.sha} is gone`,
      'article_missing',
      false,
    );
  const kind = assertReadable(bytes, data.name);
  const article = {
    id: data.sha.slice(0, 32),
    origin: data.seedSeq === undefined ? ('file' as const) : ('seed' as const),
  };
  const created = await deps.store.articles.create(
    newArticle({
      ...article,
      name: data.name,
      seedSeq: data.seedSeq ?? null,
      rawSha: data.sha,
      contentType: kind === 'html' ? 'text/html' : 'text/plain',
    }),
  );
  await deps.queues.enqueue(
    'clean',
    { articleId: article.id },
    nextStageOptions('clean', article),
  );
  return { articleId: article.id, created, bytes: bytes.length };
}

/** A URL (a feed item or `enqueue`d): fetched safely, stored, then clean. */
export async function fetchArticle(
  deps: WorkerDeps,
  data: Extract<FetchJob, { kind: 'url' }>,
): Promise<Record<string, unknown>> {
  const id = sha256(canonicalizeUrl(data.url)).slice(0, 32);
  const existing = await deps.store.articles.get(id);
  if (existing !== null && existing.status !== 'failed')
    return { articleId: id, skipped: 'known url' };
  const res = await safeFetch(data.url, {
    allowPrivateHosts: deps.config.allowPrivateHosts,
    userAgent: deps.config.userAgent,
    accept: ARTICLE_TYPES,
  });
  assertReadable(res.body, res.url);
  // A redirect can land on an article that is already known under its final URL.
  const owner = await deps.store.articles.claimUrl(
    canonicalizeUrl(res.url),
    id,
  );
  if (owner !== id)
    return { articleId: id, duplicateOf: owner, skipped: 'known final url' };
  // Keyed by article as well as content: two addresses can serve the same
  // bytes (mirrors), and each article drops its copy once it is cleaned.
  const rawSha = `${id}.${sha256(res.body)}`;
  await deps.store.articles.putBlob(rawSha, res.body);
  const article = { id, origin: 'url' as const };
  await deps.store.articles.create(
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
  await deps.queues.enqueue(
    'clean',
    { articleId: id },
    nextStageOptions('clean', article),
  );
  return { articleId: id, status: res.status, bytes: res.body.length };
}
