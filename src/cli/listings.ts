import { describeRedisUrl } from '../queues/connection.js';
import { STAGES } from '../queues/names.js';
import type { Runtime } from '../queues/runtime.js';
import { articleStates, deliveryStates, failedJobs, queueCounts, table } from './report.js';

export async function showClaims(rt: Runtime, json?: boolean): Promise<void> {
  const claims = await rt.store.listClaims();
  if (json) {
    process.stdout.write(`${JSON.stringify(claims, null, 2)}\n`);
    return;
  }
  if (claims.length === 0) {
    process.stdout.write('No claims yet.\n');
    return;
  }
  const rows = claims.map((c) => [
    c.key,
    c.claim.qualifier,
    c.claim.attribution ?? '-',
    String(c.sources.length),
    c.firstSeenAt,
    c.sources[0]?.title?.slice(0, 60) ?? c.sources[0]?.source ?? '-',
  ]);
  process.stdout.write(`${table([['KEY', 'QUALIFIER', 'ATTRIBUTION', 'SOURCES', 'FIRST SEEN', 'FIRST ARTICLE'], ...rows])}\n`);
}

export async function showAlerts(rt: Runtime, opts: { json?: boolean; failed?: boolean }): Promise<void> {
  let alerts = await rt.store.listAlerts();
  if (opts.failed) alerts = alerts.filter((a) => a.deliveries.some((d) => d.state === 'failed'));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
    return;
  }
  if (alerts.length === 0) {
    process.stdout.write(opts.failed ? 'No failed deliveries.\n' : 'No alerts yet.\n');
    return;
  }
  const rows: string[][] = [];
  for (const a of alerts) {
    const deliveries = a.deliveries.length
      ? a.deliveries
          .map((d) => `${d.state}${d.attempts ? ` after ${d.attempts} attempt${d.attempts > 1 ? 's' : ''}` : ''}${d.lastError ? ` (${d.lastError})` : ''} → ${d.url}`)
          .join('; ')
      : 'recorded (no endpoint configured)';
    rows.push([a.id, a.type, a.key, a.createdAt, deliveries]);
  }
  process.stdout.write(`${table([['ID', 'TYPE', 'KEY', 'CREATED', 'DELIVERIES'], ...rows])}\n`);
}

export async function showStatus(rt: Runtime, json?: boolean): Promise<void> {
  const [counts, failed, articles, claims, alerts, feeds, pendingSeeds] = await Promise.all([
    queueCounts(rt),
    failedJobs(rt),
    rt.store.listArticles(1_000_000),
    rt.store.listClaims(),
    rt.store.listAlerts(),
    rt.store.listFeeds(),
    rt.store.pendingSeedCount(),
  ]);
  const status = {
    redis: { url: describeRedisUrl(rt.redisUrl), version: rt.redisVersion, embedded: rt.embedded !== null },
    queues: counts,
    failedJobs: failed,
    articles: { total: articles.length, ...articleStates(articles) },
    pendingSeeds,
    claims: claims.length,
    alerts: { total: alerts.length, deliveries: deliveryStates(alerts) },
    feeds: feeds.length,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    return;
  }
  const queueRows = STAGES.map((s) => {
    const c = counts[s];
    return [s, String(c.waiting + c.prioritized), String(c.active), String(c.delayed), String(c.failed), String(c.completed)];
  });
  const d = status.alerts.deliveries;
  const lines = [
    `Redis ${status.redis.version} at ${status.redis.url}${status.redis.embedded ? ' (embedded)' : ''}`,
    '',
    table([['QUEUE', 'WAITING', 'ACTIVE', 'DELAYED', 'FAILED', 'COMPLETED'], ...queueRows]),
    '',
    `Articles: ${articles.length} (${Object.entries(articleStates(articles)).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'})${pendingSeeds ? `; ${pendingSeeds} seeds in progress` : ''}`,
    `Claims: ${claims.length}; alerts: ${alerts.length}; deliveries: ${d.delivered} delivered, ${d.retrying + d.pending} pending, ${d.failed} failed`,
    `Feeds: ${feeds.length}${feeds.some((f) => f.consecutiveFailures > 0) ? ` (${feeds.filter((f) => f.consecutiveFailures > 0).length} failing)` : ''}`,
  ];
  if (failed.length > 0) {
    lines.push('', 'Failed jobs:');
    for (const f of failed) lines.push(`  ${f.stage} ${f.id}: ${f.reason}${f.failedAt ? ` (${f.failedAt})` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
