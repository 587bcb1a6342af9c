/**
 * A redis-server of the test's own on a loopback port with an append-only
 * file, which the test can kill and start again on the same data, as an
 * operator's Redis behind REDIS_URL would go down and come back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureRedisServer } from '../../src/queues/embedded-redis/binary.js';
import { pingRedis } from '../../src/queues/embedded-redis/resp.js';
import { createLogger } from '../../src/shared/logger.js';
import { waitFor } from '../helpers/cli.js';
import { freePort } from '../helpers/ports.js';

export class ExternalRedis {
  private child: ChildProcess | null = null;
  private constructor(
    private readonly binary: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<ExternalRedis> {
    const binary = await ensureRedisServer(createLogger({ level: 'warn' }), {
      install: true,
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-ext-redis-'));
    const redis = new ExternalRedis(binary, dir, await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Start (again) on the same directory, port and append-only file. */
  async start(): Promise<void> {
    this.child = spawn(
      this.binary,
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(this.port),
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--save',
        '',
        '--daemonize',
        'no',
        '--logfile',
        path.join(this.dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      async () =>
        (await pingRedis({ host: '127.0.0.1', port: this.port }, 300)) ===
        'pong',
      'the external redis-server',
      15_000,
      50,
    );
  }

  /** Kill it (SIGKILL by default) and wait until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await gone;
    this.child = null;
  }

  async remove(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}
