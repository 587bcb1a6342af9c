import { canonicalSource } from '../shared/extract/source.js';
import { describeRedisUrl } from '../queues/connection.js';
import { STAGES } from '../queues/names.js';
import type { Runtime } from '../queues/runtime.js';
import type { DeliveryRecord } from '../queues/store/deliveries.js';
import {
  articleStates,
  deliveryStates,
  failedJobs,
  printJson,
  printListing,
  queueCounts,
  table,
} from './report.js';

/**
 * `claims [--source id]`. Claims recorded before sources were canonical get
 * theirs from their attribution, so the filter sees them too.
 */
export async function showClaims(
  rt: Runtime,
  opts: { json?: boolean; source?: string } = {},
): Promise<void> {
  const { json } = opts;
  const claims = (await rt.store.claims.list()).map((c) => ({
    ...c,
    claim: {
      ...c.claim,
      source: c.claim.source ?? canonicalSource(c.claim.attribution),
    },
  }));
  const shown =
    opts.source === undefined
      ? claims
      : claims.filter((c) => c.claim.source?.id === opts.source);
  printListing(shown, {
    json,
    empty: 'No claims yet.',
    render: (claims) =>
      table([
        [
          'KEY',
          'QUALIFIER',
          'SOURCE',
          'ATTRIBUTION',
          'SOURCES',
          'FIRST SEEN',
          'FIRST ARTICLE',
        ],
        ...claims.map((c) => [
          c.key,
          c.claim.qualifier,
          c.claim.source?.id ?? '-',
          c.claim.attribution ?? '-',
          String(c.sources.length),
          c.firstSeenAt,
          c.sources[0]?.title?.slice(0, 60) ?? c.sources[0]?.source ?? '-',
        ]),
      ]),
  });
}

export async function showAlerts(
  rt: Runtime,
  opts: { json?: boolean; failed?: boolean },
): Promise<void> {
  let alerts = await rt.store.claims.listAlerts();
  if (opts.failed)
    alerts = alerts.filter((a) =>
      a.deliveries.some((d) => d.state === 'failed'),
    );
  printListing(alerts, {
    json: opts.json,
    empty: opts.failed ? 'No failed deliveries.' : 'No alerts yet.',
    render: (list) =>
      table([
        ['ID', 'TYPE', 'KEY', 'CREATED', 'DELIVERIES'],
        ...list.map((a) => [
          a.id,
          a.type,
          a.key,
          a.createdAt,
          describeDeliveries(a.deliveries),
        ]),
      ]),
  });
}

function describeDeliveries(deliveries: readonly DeliveryRecord[]): string {
  if (deliveries.length === 0) return 'recorded (no endpoint configured)';
  return deliveries
    .map((d) => {
      const attempts = d.attempts
        ? ` after ${d.attempts} attempt${d.attempts > 1 ? 's' : ''}`
        : '';
      return `${d.state}${attempts}${d.lastError ? ` (${d.lastError})` : ''} → ${d.url}`;
    })
    .join('; ');
}

export async function showStatus(rt: Runtime, json?: boolean): Promise<void> {
  const [counts, failed, articles, claims, alerts, feeds, pendingSeeds] =
    await Promise.all([
      queueCounts(rt),
      failedJobs(rt),
      rt.store.articles.list(1_000_000),
      rt.store.claims.list(),
      rt.store.claims.listAlerts(),
      rt.store.feeds.list(),
      rt.store.seeds.pendingCount(),
    ]);
  const status = {
    redis: {
      url: describeRedisUrl(rt.redisUrl),
      version: rt.redisVersion,
      embedded: rt.embedded !== null,
    },
    queues: counts,
    failedJobs: failed,
    articles: { total: articles.length, ...articleStates(articles) },
    pendingSeeds,
    claims: claims.length,
    alerts: { total: alerts.length, deliveries: deliveryStates(alerts) },
    feeds: feeds.length,
  };
  if (json) return printJson(status);
  const queueRows = STAGES.map((s) => {
    const c = counts[s];
    return [
      s,
      String(c.waiting + c.prioritized),
      String(c.active),
      String(c.delayed),
      String(c.failed),
      String(c.completed),
    ];
  });
  const d = status.alerts.deliveries;
  const lines = [
    `Redis ${status.redis.version} at ${status.redis.url}${status.redis.embedded ? ' (embedded)' : ''}`,
    '',
    table([
      ['QUEUE', 'WAITING', 'ACTIVE', 'DELAYED', 'FAILED', 'COMPLETED'],
      ...queueRows,
    ]),
    '',
    `Articles: ${articles.length} (${
      Object.entries(articleStates(articles))
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none'
    })${pendingSeeds ? `; ${pendingSeeds} seeds in progress` : ''}`,
    `Claims: ${claims.length}; alerts: ${alerts.length}; deliveries: ${d.delivered} delivered, ${d.retrying + d.pending} pending, ${d.failed} failed`,
    `Feeds: ${feeds.length}${feeds.some((f) => f.consecutiveFailures > 0) ? ` (${feeds.filter((f) => f.consecutiveFailures > 0).length} failing)` : ''}`,
  ];
  if (failed.length > 0) {
    lines.push('', 'Failed jobs:');
    for (const f of failed)
      lines.push(
        `  ${f.stage} ${f.id}: ${f.reason}${f.failedAt ? ` (${f.failedAt})` : ''}`,
      );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
