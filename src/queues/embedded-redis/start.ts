/**
 * A redis-server that troopwatch starts for itself when no REDIS_URL is set:
 * unix socket only, append-only file in the data directory.
 *
 * Files in `dataDir`:
 * - `appendonlydir/` (Redis 7) or `appendonly.aof` (6.2): the data.
 * - `redis.log`: the server's log (and its stderr, for config errors).
 * - `redis.sock`: the socket, unless the path is too long (see
 *   {@link embeddedSocketPath}).
 * - `embedded-redis.lock`: JSON {@link LockInfo}; whoever holds it owns the
 *   server and shuts it down.
 * - `embedded-redis.lock.guard`: short-lived mutex around changes to someone
 *   else's lock (reaping a stale lock, taking over, handing over).
 * - `embedded-redis.users/<pid>.<token>`: one file per live handle that
 *   reuses a server it does not own.
 *
 * Ownership rules:
 * - The first command creates the lock (O_EXCL) and starts the server.
 * - Later commands that find a live server and a live owner reuse it
 *   (`owned: false`) and register in `embedded-redis.users/`.
 * - When the owner stops while users are still alive, it does not shut the
 *   server down (that would pull Redis from under, say, a running `start`
 *   that came after a short `enqueue`); it hands ownership to a live user,
 *   whose `stop()` then shuts down (or hands on again).
 * - When the owner process is gone (SIGKILL, crash) but the server still
 *   answers, the next command takes over ownership (`owned: true`), so that
 *   an orphaned server is shut down at the end of that command instead of
 *   running forever.
 * - A lock whose server process is gone is stale and removed; the next
 *   command starts a fresh server on the same data.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuntimeError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { ensureRedisServer } from './binary.js';
import {
  LOCK_FILE,
  classify,
  createLock,
  describeLock,
  ifLockUnchanged,
  liveUsers,
  readLock,
  registerUser,
  releaseLock,
  replaceLock,
  unregisterUser,
  userFile,
  withGuard,
  type Ctx,
  type LockInfo,
} from './lock.js';
import { POLL_MS, sleep, unlinkQuiet } from './process.js';
import { assertWritable, embeddedSocketPath } from './data-dir.js';
import { shutdownServer, spawnOwned } from './server.js';
import { Supervisor } from './supervisor.js';

/** A running embedded Redis, owned by this handle or shared with another. */
export interface EmbeddedRedis {
  /** `unix://<absolute socket path>`. */
  url: string;
  /** Absolute path of the server's unix socket. */
  socketPath: string;
  /**
   * True when this handle started the server (or took over an orphaned
   * one) and its `stop()` shuts it down. A reusing handle can still become
   * the owner later by hand-over; `stop()` follows the lock, not this flag.
   */
  owned: boolean;
  /** The redis-server process id (a new one after a restart). */
  readonly pid: number;
  /**
   * Owner: shut the server down (SHUTDOWN fsyncs the AOF), or hand it over
   * to a live user. Otherwise: unregister. Idempotent.
   */
  stop(): Promise<void>;
}

/** Options for {@link startEmbeddedRedis}. */
export interface StartEmbeddedRedisOptions {
  /** Holds the AOF, log, socket and lock; created with mode 0700. */
  dataDir: string;
  logger: Logger;
  /**
   * Install redis-server from the OS packages if missing.
   * @defaultValue false
   */
  install?: boolean;
  /**
   * How long to wait for the server (ours or another command's).
   * @defaultValue 10000
   */
  startTimeoutMs?: number;
  /**
   * As the owner, restart the server when it dies (see `supervisor.ts`).
   * @defaultValue false
   */
  supervise?: boolean;
  /**
   * The supervised server died and could not be started again.
   * @defaultValue log the reason and exit with code 1
   */
  onFatal?: (err: Error) => void;
}

/**
 * `unix://` URL of a socket path. Characters that mean something in a URL
 * (space, %, #, ?) are percent-encoded as in file URLs, so
 * `decodeURIComponent(new URL(url).pathname)` gives the path back.
 */
export function socketUrl(socketPath: string): string {
  return pathToFileURL(socketPath).href.replace(/^file:/, 'unix:');
}

/**
 * Start (or reuse) the embedded redis-server for `dataDir`.
 *
 * The server runs in its own process group (`detached`), so Ctrl-C reaches
 * only our process: it must close its workers, which still need Redis, and
 * only then call `stop()`.
 *
 * @throws UsageError `redis_missing` / `redis_version` when there is no
 *   usable redis-server binary.
 * @throws RuntimeError `redis_start` when the server does not come up in
 *   time (the message carries the tail of redis.log).
 */
export async function startEmbeddedRedis(
  opts: StartEmbeddedRedisOptions,
): Promise<EmbeddedRedis> {
  const { logger } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const timeoutMs = opts.startTimeoutMs ?? 10_000;
  await assertWritable(dataDir);
  // Resolve the binary before taking the lock: an apt install can take
  // minutes, and other commands would time out waiting on our lock.
  const binary = await ensureRedisServer(logger, {
    install: opts.install ?? false,
  });
  const ctx: Ctx = {
    dataDir,
    lockPath: path.join(dataDir, LOCK_FILE),
    socketPath: embeddedSocketPath(dataDir),
    token: randomUUID(),
    logger,
  };
  const supervise = (server: {
    pid: number;
    markStopping: (() => void) | null;
  }): Supervisor | null => {
    if (!opts.supervise) return null;
    const supervisor = new Supervisor(
      {
        ctx,
        binary,
        timeoutMs,
        onFatal:
          opts.onFatal ??
          ((err) => {
            logger.fatal({ reason: err.message }, 'Giving up');
            process.exit(1);
          }),
      },
      server,
    );
    supervisor.start();
    return supervisor;
  };
  let deadline = Date.now() + timeoutMs;
  let lastBusy = '';
  for (;;) {
    const mine: LockInfo = {
      ownerPid: process.pid,
      ownerToken: ctx.token,
      redisPid: null,
      socketPath: ctx.socketPath,
      startedAt: new Date().toISOString(),
    };
    if (await createLock(ctx.lockPath, mine)) {
      // A fresh budget: time spent waiting for a server that then went away
      // should not count against starting ours.
      const server = await spawnOwned(ctx, binary, mine, timeoutMs, {
        supervised: opts.supervise === true,
      });
      const pid = server.lock.redisPid as number;
      const supervisor = supervise({ pid, markStopping: server.markStopping });
      return makeHandle(
        ctx,
        server.lock,
        true,
        supervisor,
        server.markStopping,
      );
    }
    const read = await readLock(ctx.lockPath);
    if (read === null) continue; // Released just now; try to create again.
    const state = await classify(read);
    switch (state) {
      case 'reuse': {
        const lock = read.lock as LockInfo;
        const registered = await ifLockUnchanged(ctx, read.raw, () =>
          registerUser(ctx),
        );
        if (!registered) continue;
        logger.info(
          { socketPath: lock.socketPath, ownerPid: lock.ownerPid },
          'Reusing the embedded redis-server started by another command',
        );
        return makeHandle(ctx, lock, false, null, null);
      }
      case 'takeover': {
        const lock = read.lock as LockInfo;
        const taken: LockInfo = {
          ...lock,
          ownerPid: process.pid,
          ownerToken: ctx.token,
        };
        const ok = await ifLockUnchanged(ctx, read.raw, () =>
          replaceLock(ctx, taken),
        );
        if (!ok) continue;
        logger.warn(
          { redisPid: lock.redisPid, previousOwnerPid: lock.ownerPid },
          'The process that started the embedded redis-server is gone; ' +
            'taking over its ownership',
        );
        const supervisor = supervise({
          pid: taken.redisPid as number,
          markStopping: null,
        });
        return makeHandle(ctx, taken, true, supervisor, null);
      }
      case 'stale': {
        await ifLockUnchanged(ctx, read.raw, () => unlinkQuiet(ctx.lockPath));
        logger.info(
          { lock: read.lock },
          'Removed a stale embedded redis lock; starting a new server',
        );
        continue;
      }
      case 'loading':
        // Loading a large AOF can outlast any timeout, and it is progress.
        deadline = Math.max(deadline, Date.now() + timeoutMs);
        await sleep(POLL_MS);
        continue;
      case 'busy': {
        if (Date.now() >= deadline) {
          throw new RuntimeError(
            `redis: another process holds ${ctx.lockPath} ` +
              `(${describeLock(read)}) but its redis-server did not answer ` +
              `within ${timeoutMs} ms`,
            'redis_start',
          );
        }
        if (read.raw !== lastBusy) {
          lastBusy = read.raw;
          logger.debug(
            { lock: read.lock },
            'Waiting for the embedded redis-server of another command',
          );
        }
        await sleep(POLL_MS);
        continue;
      }
    }
  }
}

function makeHandle(
  ctx: Ctx,
  lock: LockInfo,
  owned: boolean,
  supervisor: Supervisor | null,
  onStopping: (() => void) | null,
): EmbeddedRedis {
  let stopped: Promise<void> | undefined;
  const firstPid = lock.redisPid as number;
  return {
    url: socketUrl(lock.socketPath),
    socketPath: lock.socketPath,
    owned,
    get pid() {
      return supervisor?.pid ?? firstPid;
    },
    stop() {
      stopped ??= (async () => {
        if (!owned) {
          // Stop as a user; a hand-over may have made us the owner since.
          if (!(await unregisterUser(ctx))) return;
        }
        // The supervisor marks the current server as stopping itself.
        if (supervisor !== null) await supervisor.stop();
        else onStopping?.();
        await stopAsOwner(ctx, supervisor?.pid ?? firstPid);
      })();
      return stopped;
    },
  };
}

async function stopAsOwner(ctx: Ctx, pid: number): Promise<void> {
  const { logger } = ctx;
  const decision = await withGuard(ctx, async () => {
    const current = (await readLock(ctx.lockPath))?.lock;
    // Someone reaped our lock (our server had died) and may run a new
    // server now, which is theirs to stop.
    if (current?.ownerToken !== ctx.token) return 'not-ours' as const;
    const users = await liveUsers(ctx);
    const heir = users.find((u) => u.token !== ctx.token);
    if (heir !== undefined) {
      await unlinkQuiet(userFile(ctx, heir.pid, heir.token));
      await replaceLock(ctx, {
        ...current,
        ownerPid: heir.pid,
        ownerToken: heir.token,
      });
      return heir;
    }
    // Marked under the guard so that no new user registers while we shut
    // down; newcomers wait and then start a fresh server.
    await replaceLock(ctx, { ...current, stopping: true });
    return 'shutdown' as const;
  });
  if (decision === 'not-ours') return;
  if (decision !== 'shutdown') {
    logger.info(
      { heirPid: decision.pid },
      'Other commands still use the embedded redis-server; handed it over',
    );
    return;
  }
  // If this throws, the process is still there: keep the lock so that no
  // second server is started on the same AOF.
  await shutdownServer(ctx, pid);
  await releaseLock(ctx);
}
