/**
 * The redis-server process that a command owns: spawn it on the data
 * directory with the config template, record its pid in the lock, wait until
 * it answers, and shut it down (SHUTDOWN, then SIGTERM, then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeError, coerceError } from '../../shared/errors.js';
import { LOG_FILE, replaceLock, type Ctx, type LockInfo } from './lock.js';
import {
  POLL_MS,
  isProcessAlive,
  signal,
  sleep,
  unlinkQuiet,
  waitForExit,
} from './process.js';
import { pingRedis, sendCommand } from './resp.js';

const SHUTDOWN_WAIT_MS = 10_000;
const SIGNAL_WAIT_MS = 5_000;

/** A server that {@link spawnOwned} started and that now answers. */
export interface OwnedServer {
  /** The lock as written, with the server's pid. */
  lock: LockInfo;
  /** Call before shutting down, so the exit is not logged as unexpected. */
  markStopping: () => void;
}

/** Options for {@link spawnOwned}. */
export interface SpawnOptions {
  /**
   * A restart of a server that died under its owner: logs at debug level
   * only (the supervisor logs the outage) and keeps the lock on failure, so
   * that no other command starts a server on the same data meanwhile.
   * @defaultValue false
   */
  restart?: boolean;
  /**
   * A supervisor watches the server, so its exit is not logged here.
   * @defaultValue false
   */
  supervised?: boolean;
}

/**
 * Start redis-server for the lock we hold and wait until it answers. On
 * failure, kill what was started and (unless restarting) remove the lock.
 *
 * @throws RuntimeError `redis_start` (with the tail of redis.log).
 */
export async function spawnOwned(
  ctx: Ctx,
  binary: string,
  lock: LockInfo,
  timeoutMs: number,
  opts: SpawnOptions = {},
): Promise<OwnedServer> {
  const { dataDir, socketPath } = ctx;
  const logger = opts.restart
    ? ctx.logger.child({}, { level: 'warn' })
    : ctx.logger;
  const logPath = path.join(dataDir, LOG_FILE);
  let child: ChildProcess | undefined;
  try {
    const conf = await configTemplate();
    logger.info({ dataDir, socketPath }, 'Starting embedded redis-server');
    // redis-server writes config errors to stderr before it opens its
    // logfile, so point stdout/stderr at the same log.
    const logFd = openSync(logPath, 'a', 0o600);
    try {
      child = spawn(
        binary,
        [
          conf,
          // Overrides after the file win; redis quotes each value, so paths
          // with spaces are fine.
          '--dir',
          dataDir,
          '--unixsocket',
          socketPath,
          '--unixsocketperm',
          '700',
          '--logfile',
          logPath,
          '--port',
          '0',
          '--daemonize',
          'no',
        ],
        {
          cwd: dataDir,
          // Own process group: Ctrl-C must not stop Redis before our
          // workers have closed.
          detached: true,
          stdio: ['ignore', logFd, logFd],
        },
      );
    } finally {
      closeSync(logFd);
    }
    const spawned = child;
    const pid = await spawnedPid(spawned);
    // Don't keep the event loop alive just for the server process.
    spawned.unref();
    const withPid: LockInfo = { ...lock, redisPid: pid };
    await replaceLock(ctx, withPid);
    await waitUntilReady(ctx, spawned, timeoutMs, logPath);
    let stopping = false;
    spawned.once('exit', (code, signal) => {
      if (!stopping && !opts.supervised) {
        logger.error(
          { code, signal, logPath },
          'The embedded redis-server exited unexpectedly',
        );
      }
    });
    logger.info(
      { redisPid: pid, socketPath },
      'Embedded redis-server is ready',
    );
    return {
      lock: withPid,
      markStopping: () => {
        stopping = true;
      },
    };
  } catch (err) {
    if (child?.pid !== undefined && isProcessAlive(child.pid)) {
      child.kill('SIGKILL');
      await waitForExit(child.pid, SIGNAL_WAIT_MS);
    }
    // A failed restart keeps the lock, without a pid: other commands wait
    // for us (a young lock of a live owner) instead of starting a server of
    // their own on the same data.
    if (opts.restart) await replaceLock(ctx, lock).catch(() => undefined);
    else await unlinkQuiet(ctx.lockPath);
    if (err instanceof RuntimeError) throw err;
    throw new RuntimeError(
      `redis: could not start redis-server in ${dataDir}: ` +
        `${coerceError(err).message}${await logTail(logPath)}`,
      'redis_start',
      { cause: err },
    );
  }
}

function spawnedPid(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    if (child.pid !== undefined) {
      resolve(child.pid);
      return;
    }
    child.once('error', reject);
    child.once('spawn', () => {
      if (child.pid !== undefined) resolve(child.pid);
    });
  });
}

async function waitUntilReady(
  ctx: Ctx,
  child: ChildProcess,
  timeoutMs: number,
  logPath: string,
): Promise<void> {
  let deadline = Date.now() + timeoutMs;
  let loadingLogged = false;
  for (;;) {
    const ping = await pingRedis({ path: ctx.socketPath }, 500);
    if (ping === 'pong') return;
    if (ping === 'loading') {
      // Loading a large AOF can outlast any timeout, and it is progress.
      deadline = Math.max(deadline, Date.now() + timeoutMs);
      if (!loadingLogged) {
        loadingLogged = true;
        ctx.logger.info('Embedded redis-server is loading its data');
      }
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      const how =
        child.exitCode !== null
          ? `exit code ${child.exitCode}`
          : `signal ${child.signalCode}`;
      throw new RuntimeError(
        `redis: redis-server exited during startup (${how})` +
          (await logTail(logPath)),
        'redis_start',
      );
    }
    if (Date.now() >= deadline) {
      throw new RuntimeError(
        `redis: redis-server did not accept connections on ` +
          `${ctx.socketPath} within ${timeoutMs} ms` +
          (await logTail(logPath)),
        'redis_start',
      );
    }
    await sleep(POLL_MS);
  }
}

/**
 * Shut the server down and wait until its process is gone.
 *
 * @throws RuntimeError `internal` when it survives even SIGKILL.
 */
export async function shutdownServer(ctx: Ctx, pid: number): Promise<void> {
  const { logger } = ctx;
  logger.info({ redisPid: pid }, 'Shutting down the embedded redis-server');
  // SHUTDOWN fsyncs the AOF before exiting; on success the server just
  // closes the connection, so the reply is not interesting.
  await sendCommand({ path: ctx.socketPath }, 'SHUTDOWN', SHUTDOWN_WAIT_MS);
  if (await waitForExit(pid, SHUTDOWN_WAIT_MS)) return;
  // SIGTERM makes redis run the same graceful shutdown.
  logger.warn(
    { redisPid: pid },
    'redis-server ignored SHUTDOWN; sending SIGTERM',
  );
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, SIGNAL_WAIT_MS)) return;
  logger.warn(
    { redisPid: pid },
    'redis-server ignored SIGTERM; sending SIGKILL',
  );
  signal(pid, 'SIGKILL');
  if (await waitForExit(pid, SIGNAL_WAIT_MS)) return;
  throw new RuntimeError(
    `redis: redis-server (pid ${pid}) did not exit even after SIGKILL`,
    'internal',
  );
}

async function configTemplate(): Promise<string> {
  // Same relative location from src/queues/embedded-redis and dist/….
  const conf = fileURLToPath(
    new URL('../../../infra/redis.conf', import.meta.url),
  );
  try {
    await access(conf);
  } catch {
    throw new RuntimeError(
      `redis: the config template ${conf} is missing`,
      'redis_start',
    );
  }
  return conf;
}

async function logTail(logPath: string, lines = 10): Promise<string> {
  try {
    const text = (await readFile(logPath, 'utf8')).slice(-8_000).trimEnd();
    if (text === '') return '';
    const tail = text.split('\n').slice(-lines).join('\n');
    return `\nlast lines of ${logPath}:\n${tail}`;
  } catch {
    return '';
  }
}
