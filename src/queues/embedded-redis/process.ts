/**
 * Process and file helpers for the embedded redis-server: is a pid alive
 * (and not a zombie), does it look like redis, wait for it to exit, signal
 * it; plus sleeping and quiet unlinking.
 */
import { readFileSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';

/** How often to look again at a lock, a guard or a starting server. */
export const POLL_MS = 50;

/** True for a running (not zombie) process, including other users' ones. */
export function isProcessAlive(pid: number): boolean {
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
export async function looksLikeRedis(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /redis|valkey/i.test(cmdline);
  } catch {
    return true; // Not readable: assume it is, which only makes us wait.
  }
}

/** Wait until `pid` is gone; false when it still runs after `timeoutMs`. */
export async function waitForExit(
  pid: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Send `sig` to `pid`, ignoring a process that is already gone. */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/** Remove a file, ignoring one that is already gone. */
export async function unlinkQuiet(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch {
    // Already gone.
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
