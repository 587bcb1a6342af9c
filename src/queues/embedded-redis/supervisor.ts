/**
 * The owner's watch over its embedded redis-server. A long-running command
 * (`start`, `run --once`, `worker`) that owns the server checks its process
 * a few times a second; when it is gone without being asked to stop, the
 * server is started again on the same data directory (same append-only
 * file, same socket, the owner's lock updated with the new pid), with a
 * capped backoff between tries. The outage is logged once, when the server
 * is back; the connections of the process see it as one Redis outage and
 * reconnect on their own. After `MAX_ATTEMPTS` failed starts the command
 * cannot go on: `onFatal` gets the reason.
 */
import { RuntimeError, coerceError } from '../../shared/errors.js';
import { readLock, type Ctx, type LockInfo } from './lock.js';
import { isProcessAlive, sleep } from './process.js';
import { spawnOwned, type OwnedServer } from './server.js';

const CHECK_MS = 250;
/** Starts tried before the command gives up. */
export const MAX_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5_000;

export interface SupervisorOptions {
  ctx: Ctx;
  binary: string;
  /** How long one start may take to answer. */
  timeoutMs: number;
  /** The server cannot be brought back; the command must end. */
  onFatal: (err: Error) => void;
}

export class Supervisor {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private recovering: Promise<void> | null = null;
  /** Restarts done, for tests and the log. */
  restarts = 0;

  constructor(
    private readonly opts: SupervisorOptions,
    private server: { pid: number; markStopping: (() => void) | null },
  ) {}

  /** The current server process. */
  get pid(): number {
    return this.server.pid;
  }

  start(): void {
    if (this.stopped || this.timer !== null) return;
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  /** Stop watching (before a shutdown or hand-over); waits for a restart in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.server.markStopping?.();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.recovering;
  }

  private check(): void {
    if (this.stopped || this.recovering !== null) return;
    if (isProcessAlive(this.server.pid)) return;
    this.recovering = this.recover().finally(() => {
      this.recovering = null;
    });
  }

  private async recover(): Promise<void> {
    const { ctx } = this.opts;
    const lock = (await readLock(ctx.lockPath))?.lock;
    // Handed over, or reaped by another command: no longer ours to restart.
    if (lock?.ownerToken !== ctx.token || lock.stopping) {
      this.stopped = true;
      if (this.timer !== null) clearInterval(this.timer);
      return;
    }
    const diedAt = Date.now();
    const deadPid = this.server.pid;
    let last: Error | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (this.stopped) return;
      if (attempt > 1) {
        await sleep(
          Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 2), MAX_BACKOFF_MS),
        );
        const current = (await readLock(ctx.lockPath))?.lock;
        if (current?.ownerToken !== ctx.token) return;
      }
      try {
        const fresh: LockInfo = { ...lock, redisPid: null };
        const server: OwnedServer = await spawnOwned(
          ctx,
          this.opts.binary,
          fresh,
          this.opts.timeoutMs,
          { restart: true, supervised: true },
        );
        this.server = {
          pid: server.lock.redisPid as number,
          markStopping: server.markStopping,
        };
        this.restarts += 1;
        ctx.logger.warn(
          {
            deadPid,
            redisPid: this.server.pid,
            downMs: Date.now() - diedAt,
            attempts: attempt,
            dataDir: ctx.dataDir,
          },
          'The embedded redis-server died; restarted it on the same data',
        );
        return;
      } catch (err) {
        last = coerceError(err);
      }
    }
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    const reason = (last?.message ?? 'unknown error').split('\n')[0];
    this.opts.onFatal(
      new RuntimeError(
        `redis: the embedded redis-server died and could not be started ` +
          `again (${MAX_ATTEMPTS} attempts): ${reason}`,
        'redis_start',
        { cause: last },
      ),
    );
  }
}
