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
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import {
  access,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RuntimeError, coerceError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { ensureRedisServer } from './binary.js';

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
  /** The redis-server process id. */
  pid: number;
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
}

/** Lock file contents. */
export interface LockInfo {
  /** Process that owns (and eventually shuts down) the server. */
  ownerPid: number;
  /** Identifies the owning handle (one process may hold several handles). */
  ownerToken: string;
  /** Null while the owner is spawning the server. */
  redisPid: number | null;
  socketPath: string;
  /** Set once the owner has begun shutting the server down. */
  stopping?: boolean;
  startedAt: string;
}

/** Name of the ownership lock file inside the data directory. */
export const LOCK_FILE = 'embedded-redis.lock';
const GUARD_FILE = 'embedded-redis.lock.guard';
const USERS_DIR = 'embedded-redis.users';
const LOG_FILE = 'redis.log';
const SOCKET_FILE = 'redis.sock';

/**
 * sun_path holds 108 bytes on Linux and 104 on macOS, both including the
 * terminating NUL; stay under the smaller one.
 */
const MAX_SOCKET_PATH_BYTES = 103;
const POLL_MS = 50;
const GUARD_TIMEOUT_MS = 10_000;
/** A guard older than this was left by a crash inside the critical section. */
const GUARD_STALE_MS = 30_000;
/** A lock without a redis pid for this long was left by a crashed spawn. */
const SPAWN_STALE_MS = 60_000;
const SHUTDOWN_WAIT_MS = 10_000;
const SIGNAL_WAIT_MS = 5_000;

/**
 * The socket path for a data directory: `<dataDir>/redis.sock`, or, when
 * that is too long for a unix socket address, `<tmpdir>/troopwatch-redis-
 * <hash>.sock` where the hash is of the uid and the absolute dataDir, so each
 * data directory still gets its own stable socket. The socket is created
 * with mode 0700, so other users cannot connect even in a shared tmpdir.
 */
export function embeddedSocketPath(dataDir: string): string {
  const abs = path.resolve(dataDir);
  const inDir = path.join(abs, SOCKET_FILE);
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH_BYTES) return inDir;
  const hash = createHash('sha256')
    .update(`${process.getuid?.() ?? ''}:${abs}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(os.tmpdir(), `troopwatch-redis-${hash}.sock`);
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
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await mkdir(path.join(dataDir, USERS_DIR), { recursive: true, mode: 0o700 });
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
      return spawnOwned(ctx, binary, mine, timeoutMs);
    }
    const read = await readLock(ctx.lockPath);
    if (read === null) continue; // Released just now; try to create again.
    const state = await classify(read);
    switch (state) {
      case 'reuse': {
        const lock = read.lock as LockInfo;
        const registered = await withGuard(ctx, async () => {
          if (!(await lockUnchanged(ctx.lockPath, read.raw))) return false;
          await writeFile(userFile(ctx, process.pid, ctx.token), '', {
            mode: 0o600,
          });
          return true;
        });
        if (!registered) continue;
        logger.info(
          { socketPath: lock.socketPath, ownerPid: lock.ownerPid },
          'Reusing the embedded redis-server started by another command',
        );
        return makeHandle(ctx, lock, false, null);
      }
      case 'takeover': {
        const lock = read.lock as LockInfo;
        const taken: LockInfo = {
          ...lock,
          ownerPid: process.pid,
          ownerToken: ctx.token,
        };
        const ok = await withGuard(ctx, async () => {
          if (!(await lockUnchanged(ctx.lockPath, read.raw))) return false;
          await replaceLock(ctx, taken);
          return true;
        });
        if (!ok) continue;
        logger.warn(
          { redisPid: lock.redisPid, previousOwnerPid: lock.ownerPid },
          'The process that started the embedded redis-server is gone; ' +
            'taking over its ownership',
        );
        return makeHandle(ctx, taken, true, null);
      }
      case 'stale': {
        await withGuard(ctx, async () => {
          if (await lockUnchanged(ctx.lockPath, read.raw)) {
            await unlinkQuiet(ctx.lockPath);
          }
        });
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
              `(${describe(read)}) but its redis-server did not answer ` +
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

/**
 * PING a Redis server with a bare RESP exchange (no client library, no
 * reconnects), for readiness checks.
 *
 * @returns 'pong', 'loading' while it loads its data, or 'down'.
 */
export function pingRedis(
  target: { path: string } | { host: string; port: number },
  timeoutMs = 1_000,
): Promise<'pong' | 'loading' | 'down'> {
  return new Promise((resolve) => {
    let settled = false;
    let buf = '';
    const sock = net.createConnection(target);
    const done = (result: 'pong' | 'loading' | 'down'): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('down'), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (!buf.includes('\r\n')) return;
      if (buf.startsWith('+PONG')) done('pong');
      else if (buf.startsWith('-LOADING')) done('loading');
      else done('down');
    });
    sock.on('error', () => done('down'));
    sock.on('close', () => done('down'));
  });
}

interface Ctx {
  dataDir: string;
  lockPath: string;
  socketPath: string;
  token: string;
  logger: Logger;
}

interface ReadLock {
  raw: string;
  /** Null when the file is empty or torn (being written right now). */
  lock: LockInfo | null;
  mtimeMs: number;
}

type LockState = 'reuse' | 'takeover' | 'stale' | 'busy' | 'loading';

async function classify(read: ReadLock): Promise<LockState> {
  const { lock } = read;
  if (lock === null) {
    // 'wx' creates the file before writing it, so a young empty lock is
    // someone mid-write; an old one was left by a crash right there.
    return Date.now() - read.mtimeMs < 2_000 ? 'busy' : 'stale';
  }
  const ownerAlive = isProcessAlive(lock.ownerPid);
  const ping = await pingRedis({ path: lock.socketPath });
  // redisPid is written right after the spawn, before the server can
  // answer; a server answering without it would be an odd race, so wait.
  if (ping === 'pong' && !lock.stopping && lock.redisPid !== null) {
    return ownerAlive ? 'reuse' : 'takeover';
  }
  if (ping === 'loading') return 'loading';
  if (ping !== 'down') return 'busy';
  if (lock.redisPid === null) {
    const young = Date.now() - read.mtimeMs < SPAWN_STALE_MS;
    return ownerAlive && young ? 'busy' : 'stale';
  }
  // Starting, stopping or hung: never start a second server on the same AOF
  // while the first process lives.
  if (isProcessAlive(lock.redisPid) && (await looksLikeRedis(lock.redisPid))) {
    return 'busy';
  }
  return 'stale';
}

async function spawnOwned(
  ctx: Ctx,
  binary: string,
  lock: LockInfo,
  timeoutMs: number,
): Promise<EmbeddedRedis> {
  const { logger, dataDir, socketPath } = ctx;
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
      if (!stopping) {
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
    return makeHandle(ctx, withPid, true, () => {
      stopping = true;
    });
  } catch (err) {
    if (child?.pid !== undefined && isProcessAlive(child.pid)) {
      child.kill('SIGKILL');
      await waitForExit(child.pid, SIGNAL_WAIT_MS);
    }
    await unlinkQuiet(ctx.lockPath);
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

function makeHandle(
  ctx: Ctx,
  lock: LockInfo,
  owned: boolean,
  onStopping: (() => void) | null,
): EmbeddedRedis {
  let stopped: Promise<void> | undefined;
  const pid = lock.redisPid as number;
  return {
    url: socketUrl(lock.socketPath),
    socketPath: lock.socketPath,
    owned,
    pid,
    stop() {
      stopped ??= (async () => {
        if (!owned) {
          // Stop as a user; a hand-over may have made us the owner since.
          const nowOwner = await withGuard(ctx, async () => {
            await unlinkQuiet(userFile(ctx, process.pid, ctx.token));
            const current = await readLock(ctx.lockPath);
            return current?.lock?.ownerToken === ctx.token;
          });
          if (!nowOwner) return;
        }
        onStopping?.();
        await stopAsOwner(ctx, pid);
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
  await withGuard(ctx, async () => {
    const current = (await readLock(ctx.lockPath))?.lock;
    if (current?.ownerToken === ctx.token) await unlinkQuiet(ctx.lockPath);
  });
}

async function shutdownServer(ctx: Ctx, pid: number): Promise<void> {
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

/** Send one inline command and wait for the first reply line or close. */
function sendCommand(
  target: { path: string },
  command: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    let settled = false;
    let buf = '';
    const sock = net.createConnection(target);
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(buf);
    };
    const timer = setTimeout(done, timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${command}\r\n`));
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.includes('\r\n')) done();
    });
    sock.on('error', done);
    sock.on('close', done);
  });
}

async function createLock(lockPath: string, lock: LockInfo): Promise<boolean> {
  try {
    await writeFile(lockPath, JSON.stringify(lock), {
      flag: 'wx',
      mode: 0o600,
    });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Replace the lock atomically (rename), so readers never see it torn. */
async function replaceLock(ctx: Ctx, lock: LockInfo): Promise<void> {
  const tmp = `${ctx.lockPath}.${ctx.token}.tmp`;
  await writeFile(tmp, JSON.stringify(lock), { mode: 0o600 });
  await rename(tmp, ctx.lockPath);
}

async function readLock(lockPath: string): Promise<ReadLock | null> {
  try {
    const [raw, st] = await Promise.all([
      readFile(lockPath, 'utf8'),
      stat(lockPath),
    ]);
    return { raw, lock: parseLock(raw), mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (
      typeof v.ownerPid === 'number' &&
      typeof v.ownerToken === 'string' &&
      typeof v.socketPath === 'string' &&
      (v.redisPid === null || typeof v.redisPid === 'number')
    ) {
      return v as LockInfo;
    }
  } catch {
    // Torn or foreign content.
  }
  return null;
}

async function lockUnchanged(lockPath: string, raw: string): Promise<boolean> {
  return (await readLock(lockPath))?.raw === raw;
}

/**
 * Serialise changes to a lock we do not own. A guard left by a crash inside
 * the (millisecond-long) section is broken after GUARD_STALE_MS or when its
 * pid is gone; two processes breaking it at the same instant could both
 * enter, which needs a crash plus a three-way race and is accepted.
 */
async function withGuard<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  const guardPath = path.join(ctx.dataDir, GUARD_FILE);
  const deadline = Date.now() + GUARD_TIMEOUT_MS;
  for (;;) {
    try {
      const fh = await open(guardPath, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      const [raw, st] = await Promise.all([
        readFile(guardPath, 'utf8'),
        stat(guardPath),
      ]);
      const holder = Number.parseInt(raw, 10);
      const age = Date.now() - st.mtimeMs;
      if (
        age > GUARD_STALE_MS ||
        (raw !== '' && !isProcessAlive(holder)) ||
        (raw === '' && age > 2_000)
      ) {
        await unlinkQuiet(guardPath);
        continue;
      }
    } catch {
      continue; // Released between our attempts.
    }
    if (Date.now() >= deadline) {
      throw new RuntimeError(
        `redis: timed out waiting for ${guardPath}; remove it if no ` +
          'troopwatch command is running',
        'redis_start',
      );
    }
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await unlinkQuiet(guardPath);
  }
}

function userFile(ctx: Ctx, pid: number, token: string): string {
  return path.join(ctx.dataDir, USERS_DIR, `${pid}.${token}`);
}

/** Registered users whose process still runs; removes dead ones. */
async function liveUsers(
  ctx: Ctx,
): Promise<Array<{ pid: number; token: string }>> {
  const dir = path.join(ctx.dataDir, USERS_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const live: Array<{ pid: number; token: string }> = [];
  for (const name of names) {
    const dot = name.indexOf('.');
    const pid = Number.parseInt(name.slice(0, dot), 10);
    const token = name.slice(dot + 1);
    if (dot > 0 && isProcessAlive(pid)) live.push({ pid, token });
    else await unlinkQuiet(path.join(dir, name));
  }
  return live;
}

/** True for a running (not zombie) process, including other users' ones. */
function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process whose parent has not reaped it (our own child before
 * libuv's SIGCHLD handler runs, or an orphan in a container whose PID 1 does
 * not reap) still answers kill(pid, 0).
 */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // Format: "pid (comm) state …"; comm may itself contain ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/** Guards against a recycled pid now belonging to an unrelated program. */
async function looksLikeRedis(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /redis|valkey/i.test(cmdline);
  } catch {
    return true; // Not readable: assume it is, which only makes us wait.
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
  return true;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
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

function describe(read: ReadLock): string {
  const l = read.lock;
  return l === null
    ? 'unreadable lock'
    : `owner pid ${l.ownerPid}, redis pid ${l.redisPid ?? 'not yet started'}`;
}

async function unlinkQuiet(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
