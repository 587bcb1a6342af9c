import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, testEnv, type CliResult } from '../helpers/cli.js';
import { makeSecret } from '../helpers/webhook-receiver.js';

/** One line on stderr, naming the problem, and exit code 2. */
function expectUsageError(res: CliResult, pattern: RegExp): void {
  expect(res.code).toBe(2);
  expect(res.stdout).toBe('');
  const lines = res.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^troopwatch: /);
  expect(lines[0]).toMatch(pattern);
  expect(res.stderr).not.toMatch(/\n\s+at /);
}

/** Keys under the test's own prefix: none means nothing was enqueued or written. */
async function keysWritten(env: Record<string, string>): Promise<string[]> {
  const redis = new Redis(inject('redisUrl'));
  try {
    return await redis.keys(`${env.TROOPWATCH_REDIS_PREFIX}*`);
  } finally {
    redis.disconnect();
  }
}

async function seedDir(
  files: Record<string, string | Buffer>,
): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-seeds-'));
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), content);
  return dir;
}

const GOOD = 'Nordkorea hat rund 12.000 Soldaten nach Russland entsandt.';

describe('bad input: one-line reason, exit 2, nothing enqueued', () => {
  it.each([
    [
      'a missing seeds directory',
      async () => ['seed', '/nonexistent/seeds'],
      /no seeds directory/,
    ],
    [
      'an empty seed file',
      async () => ['seed', await seedDir({ '000.txt': GOOD, '001.txt': '' })],
      /001\.txt is empty/,
    ],
    [
      'a whitespace-only seed file',
      async () => [
        'seed',
        await seedDir({ '000.txt': GOOD, '001.txt': ' \n\t\n' }),
      ],
      /is empty/,
    ],
    [
      'a binary seed file',
      async () => [
        'seed',
        await seedDir({
          '000.txt': GOOD,
          '001.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
        }),
      ],
      /001\.txt is binary/,
    ],
    [
      'an invalid URL for enqueue',
      async () => ['enqueue', 'http://'],
      /not an http\(s\) URL/,
    ],
    [
      'a non-http URL for enqueue',
      async () => ['enqueue', 'ftp://example.org/a'],
      /not an http\(s\) URL/,
    ],
    [
      'a missing file for enqueue',
      async () => ['enqueue', 'https://example.org/a', '/nonexistent.txt'],
      /no such file/,
    ],
    [
      'a feed URL that is not http',
      async () => ['feed', 'add', 'file:///etc/passwd'],
      /not an http\(s\) URL/,
    ],
    [
      'an unknown command',
      async () => ['frobnicate'],
      /unknown command 'frobnicate'/,
    ],
    [
      'an unknown flag',
      async () => ['claims', '--frobnicate'],
      /unknown option '--frobnicate'/,
    ],
    [
      'a bad stage list',
      async () => ['worker', '--stages', 'fetch,nope'],
      /unknown stage nope/,
    ],
    [
      'a bad duration',
      async () => [
        'feed',
        'add',
        'https://example.org/feed',
        '--every',
        'often',
      ],
      /duration/,
    ],
  ])('%s', async (_name, args, pattern) => {
    const env = await testEnv({ REDIS_URL: inject('redisUrl') });
    const res = await runCli(await args(), env);
    expectUsageError(res, pattern);
    expect(await keysWritten(env)).toEqual([]);
  });

  it('reports every bad configuration key at once', async () => {
    const env = await testEnv({
      REDIS_URL: 'mysql://nope',
      TROOPWATCH_CONCURRENCY: 'lots',
      ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
    });
    const res = await runCli(['status'], env);
    expectUsageError(
      res,
      /^(?=.*REDIS_URL=mysql)(?=.*TROOPWATCH_CONCURRENCY=lots)(?=.*ALERT_WEBHOOK_SECRET)/,
    );
  });

  it('exits 1 with a one-line reason when Redis cannot be reached', async () => {
    const env = await testEnv({ REDIS_URL: 'redis://127.0.0.1:9' });
    const res = await runCli(['status'], env);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/cannot reach/);
  });

  it('--help explains every command and exits 0', async () => {
    const env = await testEnv();
    for (const cmd of [
      [],
      ['run'],
      ['worker'],
      ['feed', 'add'],
      ['extract'],
      ['alerts'],
    ]) {
      const res = await runCli([...cmd, '--help'], env);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Usage: troopwatch/);
    }
  });
});

describe('an unreachable webhook endpoint', () => {
  let closed: Server | null = null;
  afterEach(() => closed?.close());

  it('retries each delivery, then records it as failed and shows it in troopwatch alerts', async () => {
    // A port that was just free: nothing listens there.
    closed = createServer();
    await new Promise<void>((r) => closed!.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed!.close(() => r()));
    closed = null;

    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      ALERT_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
      ALERT_WEBHOOK_SECRET: makeSecret(),
      TROOPWATCH_ALERT_RETRY_SCHEDULE: '0,100ms,200ms',
    });
    const run = await runCli(['run', '--once', '--delivery-wait', '30s'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /deliveries: 0 delivered, [67] failed, 0 pending/,
    );

    const alerts = JSON.parse(
      (await runCli(['alerts', '--failed', '--json'], env)).stdout,
    ) as Array<{
      deliveries: Array<{ state: string; attempts: number; lastError: string }>;
    }>;
    expect(alerts.length).toBeGreaterThanOrEqual(6);
    for (const a of alerts) {
      expect(a.deliveries).toHaveLength(1);
      expect(a.deliveries[0]).toMatchObject({ state: 'failed', attempts: 3 });
      expect(a.deliveries[0]!.lastError).toMatch(/ECONNREFUSED/);
    }
    const table = await runCli(['alerts', '--failed'], env);
    expect(table.stdout).toMatch(/failed after 3 attempts/);
  });
});
