import { freePort } from '../helpers/ports.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import {
  runCli,
  spawnCli,
  stopProcess,
  testEnv,
  waitFor,
} from '../helpers/cli.js';

describe('troopwatch start', () => {
  const procs: ChildProcess[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => stopProcess(p, 'SIGKILL')));
  });

  it('runs the seeds with its own Redis, serves the dashboard and metrics, shares Redis with other commands, and stops cleanly', async () => {
    const port = await freePort();
    const env = await testEnv({
      TROOPWATCH_DASHBOARD_PORT: String(port),
      TROOPWATCH_LOG_LEVEL: 'info',
    });
    const start = spawnCli(['start'], env);
    procs.push(start);
    await waitFor(
      () => start.output().includes('troopwatch is running'),
      'start',
      60_000,
    );

    // A second command reuses the running embedded Redis.
    await waitFor(
      async () => {
        const res = await runCli(['status', '--json'], env);
        const status = JSON.parse(res.stdout) as {
          articles: { done?: number };
          redis: { embedded: boolean };
        };
        return status.redis.embedded && status.articles.done === 5;
      },
      'the seeds to be done',
      60_000,
      250,
    );

    const dashboard = await fetch(`http://127.0.0.1:${port}/`);
    expect(dashboard.status).toBe(200);
    const metrics = await (
      await fetch(`http://127.0.0.1:${port}/metrics`)
    ).text();
    expect(metrics).toMatch(
      /troopwatch_queue_jobs\{queue="dedupe",state="completed"\} 5/,
    );
    expect(metrics).toMatch(/troopwatch_claims 7|troopwatch_claims 6/);

    expect(await stopProcess(start, 'SIGTERM')).toBe(0);
    expect(start.output()).toMatch(/Workers stopped/);
    expect(start.output()).toMatch(/Shutting down the embedded redis-server/);
    // Socket gone: the owned server stopped with the command.
    expect(existsSync(path.join(env.TROOPWATCH_DATA_DIR!, 'redis.sock'))).toBe(
      false,
    );
  });
});
