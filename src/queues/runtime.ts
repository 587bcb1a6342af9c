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
  /**
   * Closes queues and connection, then releases the embedded server: its
   * owner shuts it down (or hands it to a command still using it).
   */
  close(): Promise<void>;
}

/**
 * Connect to REDIS_URL, or start (or reuse) the embedded `redis-server` in
 * the data directory, and refuse servers older than 6.2.
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
): Promise<Runtime> {
  let embedded: EmbeddedRedis | null = null;
  let redisUrl = config.redisUrl;
  if (redisUrl === null) {
    embedded = await startEmbeddedRedis({
      dataDir: config.dataDir,
      logger,
      install: config.installRedis,
    });
    redisUrl = embedded.url;
    logger.debug(
      { socket: embedded.socketPath, owned: embedded.owned },
      'Using embedded Redis',
    );
  }
  let redis: Redis;
  try {
    redis = await createProducerConnection(redisUrl);
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
  const store = new Store(redis, config.redisPrefix);
  const queues = new Queues(redis, config.redisPrefix, config);
  let closed = false;
  return {
    redisUrl,
    redisVersion,
    redis,
    store,
    queues,
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
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
