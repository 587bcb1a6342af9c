import type { Worker } from 'bullmq';
import { noveltyKey, type Claim } from '../shared/claim.js';
import type { AlertType, WebhookEndpoint } from '../shared/config/config.js';
import { isFingerprintable, simhash64 } from '../shared/dedupe/simhash.js';
import type { ArticleJob } from '../queues/names.js';
import type { AlertDraft, SourceRef } from '../queues/store/claims.js';
import {
  alertIdFor,
  corroborationIdFor,
  sha256,
  webhookIdFor,
} from '../queues/store/ids.js';
import { sourceName } from './article-origin.js';
import { enqueueDeliveries } from './enqueue-deliveries.js';
import { failArticle, loadArticleText } from './fail-article.js';
import { createStageWorker, type WorkerDeps } from './stage-worker.js';

/** How long a seed waits for the seeds before it in file-name order. */
const SEED_ORDER_DELAY_MS = 100;

/**
 * dedupe: article level (same text as an earlier article) and claim level
 * (a novelty key already known), decided atomically in Redis together with
 * the alerts to send; then their deliveries are enqueued with deterministic
 * job ids.
 */
export function createDedupeWorker(deps: WorkerDeps): Worker<ArticleJob> {
  return createStageWorker(
    deps,
    {
      name: 'dedupe',
      async process(job, { postpone }) {
        const { article, text } = await loadArticleText(
          deps,
          'dedupe',
          job.data.articleId,
        );
        // Seeds decide novelty in file-name order, so the first seed that
        // carries a figure is the one its alert names.
        if (
          article.seedSeq !== null &&
          (await deps.store.seeds.hasEarlierPending(article.seedSeq))
        ) {
          return postpone(SEED_ORDER_DELAY_MS);
        }
        const copyOf = await findNearDuplicate(
          deps,
          article.id,
          text,
          article.claims,
        );
        if (copyOf !== null) {
          await deps.store.articles.markDuplicate(article.id, copyOf);
          return { articleId: article.id, duplicateOf: copyOf, by: 'simhash' };
        }
        const now = new Date();
        const source: SourceRef = {
          articleId: article.id,
          url: article.url,
          title: article.title,
          source: sourceName(article),
          publishedAt: article.publishedAt,
          seenAt: now.toISOString(),
        };
        const draft = (
          type: AlertType,
          alertId: string,
          key: string,
          claim: Claim,
        ): AlertDraft => ({
          alertId,
          body: {
            type,
            timestamp: now.toISOString(),
            data: {
              key,
              claim,
              article: {
                url: source.url,
                title: source.title,
                source: source.source,
                publishedAt: source.publishedAt,
              },
              firstSeenAt: now.toISOString(),
              sources: [],
            },
          },
          deliveries: pendingDeliveries(alertId, deps.config.endpoints, type),
        });
        const entries = firstMentions(article.claims).map(([key, claim]) => ({
          key,
          claim,
          new: draft('claim.new', alertIdFor(key), key, claim),
          corroborated: draft(
            'claim.corroborated',
            corroborationIdFor(key, article.id),
            key,
            claim,
          ),
        }));
        const result = await deps.store.claims.record({
          articleId: article.id,
          textSha: sha256(normalizeForHash(text)),
          source,
          entries,
          now,
        });
        for (const alertId of result.newAlerts)
          await enqueueDeliveries(deps, alertId);
        return {
          articleId: article.id,
          duplicateOf: result.duplicateOf ?? undefined,
          alerts: result.newAlerts.length,
          corroborated: result.corroborated.length,
        };
      },
      onFinalFailure: failArticle(deps),
    },
    { concurrency: deps.config.concurrency },
  );
}

/**
 * A near-duplicate (SimHash within the threshold of an earlier article) is a
 * syndicated copy only if it carries no figure its original lacks: an update
 * with a new figure, or a chance match of two unrelated texts, must still
 * raise its claims. Short texts are left to the exact-text check.
 */
async function findNearDuplicate(
  deps: WorkerDeps,
  articleId: string,
  text: string,
  claims: readonly Claim[],
): Promise<string | null> {
  if (!isFingerprintable(text)) return null;
  const { duplicateOf } = await deps.nearDup.checkAndAdd(
    articleId,
    simhash64(text),
  );
  if (duplicateOf === null || duplicateOf === articleId) return null;
  const original = await deps.store.articles.get(duplicateOf);
  const known = new Set((original?.claims ?? []).map(noveltyKey));
  return claims.every((c) => known.has(noveltyKey(c))) ? duplicateOf : null;
}

function pendingDeliveries(
  alertId: string,
  endpoints: readonly WebhookEndpoint[],
  type: AlertType,
): AlertDraft['deliveries'] {
  const out: AlertDraft['deliveries'] = {};
  for (const endpoint of endpoints.filter((e) => e.types.includes(type))) {
    out[endpoint.id] = {
      endpointId: endpoint.id,
      url: endpoint.url,
      webhookId: webhookIdFor(alertId, endpoint.id),
      state: 'pending',
      attempts: 0,
      lastStatus: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
    };
  }
  return out;
}

/** One claim per novelty key: its first mention in the text. */
function firstMentions(claims: readonly Claim[]): Array<[string, Claim]> {
  const byKey = new Map<string, Claim>();
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    const key = noveltyKey(claim);
    if (!byKey.has(key)) byKey.set(key, claim);
  }
  return [...byKey];
}

/** Text for the exact-duplicate hash: case and spacing do not matter. */
function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
