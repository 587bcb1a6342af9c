import type { Redis } from 'ioredis';
import type { Config } from '../shared/config/config.js';
import type { Logger } from '../shared/logger.js';
import { createProducerConnection, describeRedisUrl } from './connection.js';
import {
  startEmbeddedRedis,
  type EmbeddedRedis,
} from './embedded-redis/start.js';
import { Queues } from './queues.js';
import { assertRedisVersion } from './embedded-redis/binary.js';
import { RedisHealth } from './redis-health.js';
import { Store } from './store/store.js';

/** An open Redis (embedded or external) with the store and queues on it. */
export interface Runtime {
  redisUrl: string;
  redisVersion: string;
  redis: Redis;
  store: Store;
  queues: Queues;
  /** The embedded server's handle, null with REDIS_URL. */
  embedded: EmbeddedRedis | null;
  /** Outages of this process's Redis connections, logged once each. */
  health: RedisHealth;
  /**
   * Closes queues and connection, then releases the embedded server: its
   * owner shuts it down (or hands it to a command still using it).
   */
  close(): Promise<void>;
}

/** Options for {@link openRuntime}. */
export interface RuntimeOptions {
  /**
   * A command that runs until stopped or drained (`start`, `run --once`,
   * `worker`): its connection waits through Redis outages, and an embedded
   * server it owns is restarted when it dies.
   * @defaultValue false
   */
  longRunning?: boolean;
  /**
   * Called when the embedded server died and could not be restarted; the
   * command cannot go on. @defaultValue throw from the supervisor (unhandled)
   */
  onFatal?: (err: Error) => void;
}

/** How long closing may wait for a Redis that has gone away. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Connect to REDIS_URL, or start (or reuse) the embedded `redis-server` in
 * the data directory, and refuse servers older than 6.2.
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
  opts: RuntimeOptions = {},
): Promise<Runtime> {
  let embedded: EmbeddedRedis | null = null;
  let redisUrl = config.redisUrl;
  if (redisUrl === null) {
    embedded = await startEmbeddedRedis({
      dataDir: config.dataDir,
      logger,
      install: config.installRedis,
      supervise: opts.longRunning === true,
      ...(opts.onFatal ? { onFatal: opts.onFatal } : {}),
    });
    redisUrl = embedded.url;
    logger.debug(
      { socket: embedded.socketPath, owned: embedded.owned },
      'Using embedded Redis',
    );
  }
  let redis: Redis;
  try {
    redis = await createProducerConnection(redisUrl, {
      waitThroughOutages: opts.longRunning === true,
    });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  let redisVersion: string;
  try {
    redisVersion = await assertRedisVersion(redis);
  } catch (err) {
    redis.disconnect();
    await embedded?.stop();
    throw err;
  }
  const health = new RedisHealth(
    logger,
    describeRedisUrl(redisUrl),
    opts.onFatal,
  );
  health.watch(redis);
  const store = new Store(redis, config.redisPrefix);
  const queues = new Queues(redis, config.redisPrefix, config, (err) =>
    health.reportError(err),
  );
  let closed = false;
  return {
    redisUrl,
    redisVersion,
    redis,
    store,
    queues,
    embedded,
    health,
    async close() {
      if (closed) return;
      closed = true;
      // A Redis that is gone for good must not hold the exit up for ever.
      const timer = setTimeout(() => redis.disconnect(), CLOSE_TIMEOUT_MS);
      timer.unref();
      await queues.close().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
      clearTimeout(timer);
      if (embedded !== null) {
        logger.debug(
          { url: describeRedisUrl(redisUrl) },
          'Releasing embedded Redis',
        );
        await embedded.stop();
      }
    },
  };
}
