/**
 * A throwaway redis-server for `npm run bench:dedupe`: unix socket in a temp
 * directory, no TCP port, no persistence; stopped and removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/** A running throwaway server and a client connected to it. */
export interface ThrowawayRedis {
  redis: Redis;
  stop(): Promise<void>;
}

/** Start `binary` and connect; rejects when it does not answer in time. */
export async function startThrowawayRedis(
  binary = '/usr/bin/redis-server',
): Promise<ThrowawayRedis> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'troopwatch-bench-'));
  const socket = path.join(dir, 'r.sock');
  const child: ChildProcess = spawn(
    binary,
    [
      '--port', '0',
      '--unixsocket', socket,
      '--dir', dir,
      '--save', '',
      '--appendonly', 'no',
      '--daemonize', 'no',
    ],
    { stdio: 'ignore' },
  );
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', kill);
  const redis = new Redis({
    path: socket,
    lazyConnect: true,
    maxRetriesPerRequest: null,
  });
  // Until the server listens, connect attempts fail; they are retried below.
  const quiet = (): void => {};
  redis.on('error', quiet);
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await redis.connect();
      await redis.ping();
      redis.off('error', quiet);
      break;
    } catch (err) {
      if (Date.now() > deadline || child.exitCode !== null) {
        kill();
        throw err;
      }
      redis.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    redis,
    async stop() {
      redis.disconnect();
      process.off('exit', kill);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
