/**
 * One view per process of whether Redis can be reached, so that an outage is
 * logged once when it starts and once when it ends, not once per job, per
 * connection or per reconnect attempt, and without stack traces for what is
 * expected while Redis is away (ECONNREFUSED and the like).
 *
 * Every connection of the process reports its errors here (the runtime's,
 * the fleet's and what BullMQ duplicates from it, via the workers' and
 * queues' `error` events). The outage ends when a watched connection is
 * ready again; connection errors in the next moments are stragglers still
 * reconnecting and are counted, not logged.
 */
import type { Redis } from 'ioredis';
import { RuntimeError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** Errors that mean "Redis is not there right now", nothing worse. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT', // the unix socket is gone while the server restarts
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTCONN',
  'EAI_AGAIN',
]);
const CONNECTION_MESSAGES =
  /Connection is closed|Stream isn't writeable|Socket closed unexpectedly|connect ETIMEDOUT|LOADING|Connection reset|read ECONNRESET/i;

/**
 * Redis answers but refuses to write: its disk is full or read-only
 * (MISCONF), it is a replica (READONLY), or it is out of memory.
 */
const WRITE_REFUSED = /^(?:MISCONF|READONLY)\b|OOM command not allowed/;

/** True when Redis refuses writes: nothing can go on until an operator acts. */
export function isWriteRefused(err: unknown): boolean {
  return err instanceof Error && WRITE_REFUSED.test(err.message);
}

/** BullMQ's word for a job whose lock Redis no longer has. */
const LOST_LOCK = /^(?:Missing lock for job |could not renew lock for job )/;

/** Connection errors right after a recovery belong to the outage just ended. */
const GRACE_MS = 3_000;

/** True for errors that only say the connection is down. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return CONNECTION_MESSAGES.test(err.message);
}

export class RedisHealth {
  private downSince: number | null = null;
  private recoveredAt = 0;
  private suppressed = 0;
  /** Outages seen by this process, for tests and metrics. */
  outages = 0;

  private fatalSent = false;

  constructor(
    private readonly logger: Logger,
    /** Where Redis is, for the log lines (no password). */
    private readonly where: string,
    /**
     * Redis refuses writes: the command must stop (its jobs stay in Redis
     * and go on with the next run). @defaultValue only logged
     */
    private readonly onFatal: (err: Error) => void = () => undefined,
  ) {}

  get reachable(): boolean {
    return this.downSince === null;
  }

  /** Report errors of `client` here, and end an outage when it is ready. */
  watch(client: Redis): void {
    client.on('error', (err: Error) => this.reportError(err));
    client.on('ready', () => this.reportReady());
  }

  /**
   * An error from any connection, worker or queue. Connection errors start
   * (or continue) an outage; anything else is logged as it comes.
   *
   * @returns true when the error was a connection error (handled here).
   */
  reportError(err: Error, fields: Record<string, unknown> = {}): boolean {
    if (isWriteRefused(err)) {
      if (this.fatalSent) return true;
      this.fatalSent = true;
      const reason = err.message.split('\n')[0] ?? '';
      this.logger.error(
        { ...fields, redis: this.where, reason },
        'Redis refuses writes',
      );
      this.onFatal(
        new RuntimeError(
          `redis: ${this.where} refuses writes (${reason}); free its disk ` +
            'or make it writable, then run again: queued work goes on',
          'redis_unavailable',
          { cause: err },
        ),
      );
      return true;
    }
    if (LOST_LOCK.test(err.message)) {
      // Redis came back from its append-only file without the last second
      // of lock renewals; stall detection hands the job out again.
      this.logger.warn(
        { ...fields, reason: err.message },
        'A job lost its lock; it will run again',
      );
      return true;
    }
    if (!isConnectionError(err)) {
      this.logger.error({ err, ...fields }, 'Redis error');
      return false;
    }
    if (this.downSince !== null) {
      this.suppressed += 1;
      return true;
    }
    if (Date.now() - this.recoveredAt < GRACE_MS) {
      this.suppressed += 1;
      return true;
    }
    this.downSince = Date.now();
    this.outages += 1;
    this.suppressed = 0;
    this.logger.warn(
      { redis: this.where, reason: describe(err) },
      'Redis is unreachable; work pauses until it is back',
    );
    return true;
  }

  /** A connection is ready: the outage, if any, is over. */
  reportReady(): void {
    if (this.downSince === null) return;
    const downMs = Date.now() - this.downSince;
    this.downSince = null;
    this.recoveredAt = Date.now();
    this.logger.info(
      { redis: this.where, downMs, errorsSuppressed: this.suppressed },
      'Redis is reachable again; work resumes',
    );
  }
}

function describe(err: Error): string {
  const code = (err as { code?: unknown }).code;
  const first = err.message.split('\n')[0] ?? '';
  return typeof code === 'string' && !first.includes(code)
    ? `${code}: ${first}`
    : first;
}
