/**
 * Configuration: every environment variable parsed from one table, all bad
 * keys reported at once, a frozen `Config` returned. Durations are read by
 * `duration.ts`, webhook endpoints (URL list or file) by `endpoints.ts`.
 * No other module reads troopwatch settings from `process.env`.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseDuration } from './duration.js';
import { readEndpoints, type WebhookEndpoint } from './endpoints.js';

export {
  endpointId,
  isHttpUrl,
  type AlertType,
  type WebhookEndpoint,
} from './endpoints.js';

/** Everything troopwatch reads from the environment, validated once. */
export interface Config {
  /** An external Redis; null means the embedded `redis-server`. */
  redisUrl: string | null;
  /** Key prefix of every Redis key; the hash tag keeps them on one cluster slot. */
  redisPrefix: string;
  dataDir: string;
  seedsDir: string;
  endpoints: readonly WebhookEndpoint[];
  /** Hosts (or host:port, or `*`) that article and feed fetches may reach despite being non-public. */
  allowPrivateHosts: readonly string[];
  /** Delays before each retry of a webhook delivery, in ms; attempts = length + 1. */
  alertRetrySchedule: readonly number[];
  /** Attempts of the fetch/clean/extract/dedupe stages before a job is failed. */
  stageAttempts: number;
  /** First retry delay of the stages (doubles each time), in ms. */
  stageBackoffMs: number;
  /** Parallel jobs per stage and worker process. */
  concurrency: number;
  /** BullMQ job lock; a crashed worker's jobs are taken over after about this long. */
  lockDurationMs: number;
  webhookTimeoutMs: number;
  /** Worker threads that parse HTML, per worker process. */
  cleanThreads: number;
  /** Pages one clean thread parses before it is replaced by a fresh one. */
  cleanThreadPages: number;
  /** A page whose parse takes longer fails (its thread is replaced). */
  cleanTimeoutMs: number;
  /** Politeness: parallel requests per host, across the fleet. */
  hostConcurrency: number;
  /** Politeness: least time between two requests to one host. */
  hostDelayMs: number;
  feedIntervalMs: number;
  /** 0 disables the dashboard. */
  dashboardPort: number;
  dashboardHost: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  userAgent: string;
  /** Install redis-server from the OS packages when it is missing. */
  installRedis: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;

/**
 * Default of every setting; the README's configuration table mirrors this
 * (keep both in sync).
 */
export const CONFIG_DEFAULTS = {
  TROOPWATCH_DATA_DIR: './data',
  TROOPWATCH_SEEDS_DIR: './seeds',
  TROOPWATCH_REDIS_PREFIX: '{troopwatch}',
  TROOPWATCH_ALERT_RETRY_SCHEDULE: '0,5s,5m,30m,2h,5h,10h,10h',
  TROOPWATCH_STAGE_ATTEMPTS: '5',
  TROOPWATCH_STAGE_BACKOFF: '1s',
  TROOPWATCH_CONCURRENCY: '4',
  TROOPWATCH_LOCK_DURATION: '30s',
  TROOPWATCH_WEBHOOK_TIMEOUT: '10s',
  TROOPWATCH_CLEAN_THREADS: '2',
  TROOPWATCH_CLEAN_THREAD_PAGES: '1000',
  TROOPWATCH_CLEAN_TIMEOUT: '30s',
  TROOPWATCH_HOST_CONCURRENCY: '2',
  TROOPWATCH_HOST_DELAY: '1s',
  TROOPWATCH_FEED_INTERVAL: '10m',
  TROOPWATCH_DASHBOARD_PORT: '8484',
  TROOPWATCH_DASHBOARD_HOST: '127.0.0.1',
  TROOPWATCH_LOG_LEVEL: 'info',
  TROOPWATCH_USER_AGENT:
    'troopwatch/0.1 (+https://github.com/troopwatch/troopwatch)',
  TROOPWATCH_INSTALL_REDIS: 'true',
} satisfies Record<string, string>;

/**
 * Parse the environment. Every bad key is reported at once, in one
 * `UsageError` (code `config`), so a user fixes them in one go.
 */
export function loadConfig(
  env: Env = process.env,
  cwd = process.cwd(),
): Config {
  const problems: string[] = [];
  const get = (key: keyof typeof CONFIG_DEFAULTS): string =>
    nonEmpty(env[key]) ?? CONFIG_DEFAULTS[key];

  const duration = (key: keyof typeof CONFIG_DEFAULTS, min = 0): number => {
    const ms = parseDuration(get(key));
    if (ms === null || ms < min) {
      problems.push(
        `${key}=${get(key)} is not a duration like 500ms, 30s, 10m or 2h`,
      );
      return parseDuration(CONFIG_DEFAULTS[key]) ?? 0;
    }
    return ms;
  };
  const integer = (
    key: keyof typeof CONFIG_DEFAULTS,
    min: number,
    max: number,
  ): number => {
    const raw = get(key);
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(
        `${key}=${raw} must be a whole number from ${min} to ${max}`,
      );
      return Number(CONFIG_DEFAULTS[key]);
    }
    return n;
  };

  const redisUrl = nonEmpty(env.REDIS_URL) ?? null;
  if (redisUrl !== null && !isRedisUrl(redisUrl)) {
    problems.push(
      `REDIS_URL=${redisUrl} must be redis://, rediss:// or unix:// URL`,
    );
  }

  const schedule = get('TROOPWATCH_ALERT_RETRY_SCHEDULE')
    .split(',')
    .map((s) => parseDuration(s.trim()));
  if (schedule.some((ms) => ms === null)) {
    problems.push(
      `TROOPWATCH_ALERT_RETRY_SCHEDULE must be comma-separated durations, like ${CONFIG_DEFAULTS.TROOPWATCH_ALERT_RETRY_SCHEDULE}`,
    );
  }
  // The first entry is the immediate first attempt; the rest are retry delays.
  const alertRetrySchedule = schedule.every((ms) => ms !== null)
    ? (schedule as number[]).slice(1)
    : [];

  const endpoints = readEndpoints(env, problems);

  const logLevel = get('TROOPWATCH_LOG_LEVEL');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(
      `TROOPWATCH_LOG_LEVEL=${logLevel} must be one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  const installRedis = get('TROOPWATCH_INSTALL_REDIS');
  if (!['true', 'false', '1', '0'].includes(installRedis)) {
    problems.push(
      `TROOPWATCH_INSTALL_REDIS=${installRedis} must be true or false`,
    );
  }

  const config: Config = {
    redisUrl,
    redisPrefix: get('TROOPWATCH_REDIS_PREFIX'),
    dataDir: path.resolve(cwd, get('TROOPWATCH_DATA_DIR')),
    seedsDir: path.resolve(cwd, get('TROOPWATCH_SEEDS_DIR')),
    endpoints,
    allowPrivateHosts: (nonEmpty(env.TROOPWATCH_ALLOW_PRIVATE_HOSTS) ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    alertRetrySchedule,
    stageAttempts: integer('TROOPWATCH_STAGE_ATTEMPTS', 1, 100),
    stageBackoffMs: duration('TROOPWATCH_STAGE_BACKOFF'),
    concurrency: integer('TROOPWATCH_CONCURRENCY', 1, 256),
    lockDurationMs: duration('TROOPWATCH_LOCK_DURATION', 1000),
    webhookTimeoutMs: duration('TROOPWATCH_WEBHOOK_TIMEOUT', 100),
    cleanThreads: integer('TROOPWATCH_CLEAN_THREADS', 1, 64),
    cleanThreadPages: integer('TROOPWATCH_CLEAN_THREAD_PAGES', 1, 1_000_000),
    cleanTimeoutMs: duration('TROOPWATCH_CLEAN_TIMEOUT', 100),
    hostConcurrency: integer('TROOPWATCH_HOST_CONCURRENCY', 1, 64),
    hostDelayMs: duration('TROOPWATCH_HOST_DELAY'),
    feedIntervalMs: duration('TROOPWATCH_FEED_INTERVAL', 1000),
    dashboardPort: integer('TROOPWATCH_DASHBOARD_PORT', 0, 65535),
    dashboardHost: get('TROOPWATCH_DASHBOARD_HOST'),
    logLevel: logLevel as Config['logLevel'],
    userAgent: get('TROOPWATCH_USER_AGENT'),
    installRedis: installRedis === 'true' || installRedis === '1',
  };
  if (problems.length > 0) {
    throw new UsageError(`config: ${problems.join('; ')}`, 'config');
  }
  return Object.freeze(config);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function isRedisUrl(value: string): boolean {
  try {
    return ['redis:', 'rediss:', 'unix:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
