/**
 * The hand-over lock between troopwatch commands that share one embedded
 * redis-server: the lock file (JSON {@link LockInfo}) and the other file
 * names in the data directory, reading, creating and replacing the lock,
 * the guard that serialises changes to it, the user registration files,
 * and what a found lock means for the command that finds it.
 */
import {
  open,
  readFile,
  readdir,
  rename,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { RuntimeError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import {
  isProcessAlive,
  looksLikeRedis,
  sleep,
  unlinkQuiet,
} from './process.js';
import { pingRedis } from './resp.js';

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

/** What one handle needs to find its files and its lock. */
export interface Ctx {
  dataDir: string;
  lockPath: string;
  socketPath: string;
  token: string;
  logger: Logger;
}

/** Name of the ownership lock file inside the data directory. */
export const LOCK_FILE = 'embedded-redis.lock';
const GUARD_FILE = 'embedded-redis.lock.guard';
export const USERS_DIR = 'embedded-redis.users';
export const LOG_FILE = 'redis.log';
export const SOCKET_FILE = 'redis.sock';

const GUARD_TIMEOUT_MS = 10_000;
/** A guard older than this was left by a crash inside the critical section. */
const GUARD_STALE_MS = 30_000;
/** A lock without a redis pid for this long was left by a crashed spawn. */
const SPAWN_STALE_MS = 60_000;

export interface ReadLock {
  raw: string;
  /** Null when the file is empty or torn (being written right now). */
  lock: LockInfo | null;
  mtimeMs: number;
}

export type LockState = 'reuse' | 'takeover' | 'stale' | 'busy' | 'loading';

/** What a command that finds this lock should do with it. */
export async function classify(read: ReadLock): Promise<LockState> {
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

/** The lock's owner and server, for error messages. */
export function describeLock(read: ReadLock): string {
  const l = read.lock;
  return l === null
    ? 'unreadable lock'
    : `owner pid ${l.ownerPid}, redis pid ${l.redisPid ?? 'not yet started'}`;
}

/** Create the lock (O_EXCL); false when it already exists. */
export async function createLock(
  lockPath: string,
  lock: LockInfo,
): Promise<boolean> {
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
export async function replaceLock(ctx: Ctx, lock: LockInfo): Promise<void> {
  const tmp = `${ctx.lockPath}.${ctx.token}.tmp`;
  await writeFile(tmp, JSON.stringify(lock), { mode: 0o600 });
  await rename(tmp, ctx.lockPath);
}

/** The lock as it is now; null when there is none. */
export async function readLock(lockPath: string): Promise<ReadLock | null> {
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
 * Under the guard, run `fn` if the lock still holds `raw` (what the caller
 * read and decided on).
 *
 * @returns false, without running `fn`, when the lock has changed since.
 */
export async function ifLockUnchanged(
  ctx: Ctx,
  raw: string,
  fn: () => Promise<void>,
): Promise<boolean> {
  return withGuard(ctx, async () => {
    if (!(await lockUnchanged(ctx.lockPath, raw))) return false;
    await fn();
    return true;
  });
}

/** Under the guard, remove the lock if this handle still owns it. */
export async function releaseLock(ctx: Ctx): Promise<void> {
  await withGuard(ctx, async () => {
    const current = (await readLock(ctx.lockPath))?.lock;
    if (current?.ownerToken === ctx.token) await unlinkQuiet(ctx.lockPath);
  });
}

/**
 * Serialise changes to a lock we do not own. A guard left by a crash inside
 * the (millisecond-long) section is broken after GUARD_STALE_MS or when its
 * pid is gone; two processes breaking it at the same instant could both
 * enter, which needs a crash plus a three-way race and is accepted.
 */
export async function withGuard<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
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

/** The registration file of a handle that uses a server it does not own. */
export function userFile(ctx: Ctx, pid: number, token: string): string {
  return path.join(ctx.dataDir, USERS_DIR, `${pid}.${token}`);
}

/** Register this handle as a user of a server it does not own. */
export async function registerUser(ctx: Ctx): Promise<void> {
  await writeFile(userFile(ctx, process.pid, ctx.token), '', { mode: 0o600 });
}

/**
 * Under the guard, unregister this handle as a user.
 *
 * @returns true when a hand-over has made this handle the owner meanwhile.
 */
export async function unregisterUser(ctx: Ctx): Promise<boolean> {
  return withGuard(ctx, async () => {
    await unlinkQuiet(userFile(ctx, process.pid, ctx.token));
    const current = await readLock(ctx.lockPath);
    return current?.lock?.ownerToken === ctx.token;
  });
}

/** Registered users whose process still runs; removes dead ones. */
export async function liveUsers(
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
