/**
 * Every Redis key troopwatch writes, built in one place. All share one
 * prefix with a hash tag (`{troopwatch}` by default) so they live on one
 * cluster slot and Lua scripts may touch any of them.
 */
export interface Keys {
  /** The BullMQ `prefix` option. */
  readonly bullPrefix: string;
  blob(sha: string): string;
  article(id: string): string;
  articleText(id: string): string;
  /** ZSET of article ids by ingestion time. */
  readonly articles: string;
  /** HASH canonical URL → article id. */
  readonly articleByUrl: string;
  /** HASH text sha256 → article id. */
  readonly articleByText: string;
  /** HASH novelty key → claim record JSON. */
  readonly claims: string;
  /** ZSET novelty key by first-seen time. */
  readonly claimOrder: string;
  /** LIST of corroborating sources of one novelty key. */
  claimSources(key: string): string;
  /** HASH alert id → alert record JSON. */
  readonly alerts: string;
  /** ZSET alert id by creation time. */
  readonly alertOrder: string;
  /** HASH endpoint id → delivery record JSON, for one alert. */
  deliveries(alertId: string): string;
  /** ZSET `alertId|endpointId` of deliveries that failed for good. */
  readonly deadLetters: string;
  /** HASH endpoint id → why it is disabled (410 Gone). */
  readonly disabledEndpoints: string;
  /** ZSET seed fetch jobs not yet through dedupe, by seed sequence. */
  readonly seedsPending: string;
  /** Counter that numbers seeds in enqueue order. */
  readonly seedSeq: string;
  /** HASH feed URL → feed record JSON. */
  readonly feeds: string;
  /** SET of item ids already enqueued for one feed. */
  feedItems(feedUrl: string): string;
}

export function createKeys(prefix: string): Keys {
  const k = (...parts: string[]): string => [prefix, ...parts].join(':');
  return {
    bullPrefix: prefix,
    blob: (sha) => k('blob', sha),
    article: (id) => k('article', id),
    articleText: (id) => k('article', id, 'text'),
    articles: k('articles'),
    articleByUrl: k('articles', 'by-url'),
    articleByText: k('articles', 'by-text'),
    claims: k('claims'),
    claimOrder: k('claims', 'order'),
    claimSources: (key) => k('claims', 'sources', key),
    alerts: k('alerts'),
    alertOrder: k('alerts', 'order'),
    deliveries: (alertId) => k('alerts', 'deliveries', alertId),
    deadLetters: k('alerts', 'dead'),
    disabledEndpoints: k('endpoints', 'disabled'),
    seedsPending: k('seeds', 'pending'),
    seedSeq: k('seeds', 'seq'),
    feeds: k('feeds'),
    feedItems: (feedUrl) => k('feeds', 'items', feedUrl),
  };
}
