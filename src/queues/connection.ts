import { Redis, type RedisOptions } from 'ioredis';
import { RuntimeError } from '../shared/errors.js';

/** `redis://`, `rediss://` or `unix:///path/to/socket[?db=N]` → ioredis options. */
export function parseRedisUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') {
    const db = Number(parsed.searchParams.get('db') ?? 0);
    return { path: decodeURIComponent(parsed.pathname), db };
  }
  const options: RedisOptions = {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
  };
  if (parsed.username !== '')
    options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '')
    options.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === 'rediss:') options.tls = {};
  return options;
}

/** Where a URL points, for messages, without its password. */
export function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') return parsed.pathname;
  parsed.password = '';
  parsed.username = '';
  return parsed.toString();
}

/**
 * For BullMQ workers (and QueueEvents): commands wait for a reconnect forever,
 * as BullMQ requires (`maxRetriesPerRequest: null`).
 */
export function createWorkerConnection(url: string): Redis {
  return new Redis({ ...parseRedisUrl(url), maxRetriesPerRequest: null });
}

/** Options for {@link createProducerConnection}. */
export interface ProducerConnectionOptions {
  /**
   * Once connected, ride out outages: reconnect for ever (backoff capped at
   * 2 s) and hold commands until Redis is back, as long-running commands
   * (`start`, `run --once`, `worker`) must. The first connection still
   * fails fast, so an unreachable Redis at start is an error at once.
   * @defaultValue false (short commands fail fast throughout)
   */
  waitThroughOutages?: boolean;
}

const RECONNECT_CAP_MS = 2_000;

/**
 * For producers and the CLI: fail fast when Redis is down instead of queueing
 * commands in memory (going-to-production guide of BullMQ), unless asked to
 * wait through outages once connected.
 */
export async function createProducerConnection(
  url: string,
  opts: ProducerConnectionOptions = {},
): Promise<Redis> {
  let established = false;
  const resilient = opts.waitThroughOutages === true;
  const client = new Redis({
    ...parseRedisUrl(url),
    enableOfflineQueue: resilient,
    maxRetriesPerRequest: resilient ? null : 1,
    lazyConnect: true,
    connectTimeout: 5000,
    retryStrategy: (times) => {
      if (established && resilient) {
        return Math.min(100 * 2 ** Math.min(times, 10), RECONNECT_CAP_MS);
      }
      return times > 3 ? null : 200 * times;
    },
  });
  // An unhandled 'error' event would crash the process with a stack trace.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw new RuntimeError(
      `redis: cannot reach ${describeRedisUrl(url)} (${(err as Error).message})`,
      'redis_unavailable',
      { cause: err },
    );
  }
  established = true;
  return client;
}
