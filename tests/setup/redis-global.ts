/**
 * Vitest globalSetup: one throwaway redis-server for the whole run, on a free
 * loopback port, without persistence. Tests read its URL with
 * `inject('redisUrl')`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pingRedis } from '../../src/queues/embedded-redis/resp.js';
import { ensureRedisServer } from '../../src/queues/embedded-redis/binary.js';
import { createLogger } from '../../src/shared/logger.js';
import { freePort } from '../helpers/ports.js';

const START_TIMEOUT_MS = 15_000;

/** Start the server, provide `redisUrl`, and return the teardown. */
export default async function setup(
  project: TestProject,
): Promise<() => Promise<void>> {
  const logger = createLogger({ level: 'info' });
  // A fresh machine (CI image, new container) gets redis from apt.
  const binary = await ensureRedisServer(logger, { install: true });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'troopwatch-test-redis-'));
  const port = await freePort();
  const logPath = path.join(dir, 'redis.log');
  // Not detached: on Ctrl-C the terminal's SIGINT reaches this server too,
  // and redis shuts down on SIGINT, so an aborted run leaves nothing behind.
  const child = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--logfile',
      logPath,
    ],
    { stdio: 'ignore' },
  );
  // Safety net if vitest exits without running the teardown.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await pingRedis({ host: '127.0.0.1', port }, 500)) !== 'pong') {
    if (child.exitCode !== null || Date.now() >= deadline) {
      child.kill('SIGKILL');
      const log = await readFile(logPath, 'utf8').catch(() => '');
      await rm(dir, { recursive: true, force: true });
      throw new Error(
        `test redis-server on port ${port} did not start:\n` +
          log.slice(-2_000),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);

  return async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // Graceful; nothing to save.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
}
