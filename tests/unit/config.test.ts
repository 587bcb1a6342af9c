import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/shared/config/config.js';
import { UsageError } from '../../src/shared/errors.js';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('loadConfig', () => {
  it('has defaults that run everything on one machine', () => {
    const config = loadConfig({}, '/srv/tw');
    expect(config).toMatchObject({
      redisUrl: null,
      redisPrefix: '{troopwatch}',
      dataDir: '/srv/tw/data',
      seedsDir: '/srv/tw/seeds',
      endpoints: [],
      allowPrivateHosts: [],
      alertRetrySchedule: [
        5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000,
        36_000_000,
      ],
      concurrency: 4,
      dashboardPort: 8484,
      installRedis: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads several endpoints with one secret, and the secret from a file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-cfg-'));
    await writeFile(path.join(dir, 'secret'), `${SECRET}\n`);
    const config = loadConfig({
      ALERT_WEBHOOK_URL: 'https://a.example/hook, http://127.0.0.1:9000/x',
      ALERT_WEBHOOK_SECRET_FILE: path.join(dir, 'secret'),
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: '127.0.0.1:8080, Intranet.local',
      TROOPWATCH_ALERT_RETRY_SCHEDULE: '0,100ms,1s',
    });
    expect(config.endpoints.map((e) => e.url)).toEqual([
      'https://a.example/hook',
      'http://127.0.0.1:9000/x',
    ]);
    expect(
      config.endpoints.every(
        (e) => e.secret === SECRET && /^ep_[0-9a-f]{12}$/.test(e.id),
      ),
    ).toBe(true);
    expect(config.allowPrivateHosts).toEqual([
      '127.0.0.1:8080',
      'intranet.local',
    ]);
    expect(config.alertRetrySchedule).toEqual([100, 1000]);
  });

  it('reports every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        REDIS_URL: 'http://x',
        TROOPWATCH_CONCURRENCY: '0',
        TROOPWATCH_LOCK_DURATION: 'soon',
        ALERT_WEBHOOK_URL: 'ftp://x',
        ALERT_WEBHOOK_SECRET: 'hunter2',
        TROOPWATCH_LOG_LEVEL: 'loud',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as UsageError).message;
    for (const key of [
      'REDIS_URL',
      'TROOPWATCH_CONCURRENCY',
      'TROOPWATCH_LOCK_DURATION',
      'ALERT_WEBHOOK_URL',
      'ALERT_WEBHOOK_SECRET',
      'TROOPWATCH_LOG_LEVEL',
    ]) {
      expect(message).toContain(key);
    }
    expect(message).not.toContain('\n');
  });

  it.each([
    ['redis URL', { REDIS_URL: 'redis://:pw@127.0.0.1:6380/2' }],
    ['unix socket URL', { REDIS_URL: 'unix:///tmp/redis.sock' }],
    ['valkey over TLS', { REDIS_URL: 'rediss://cache.example:6390' }],
  ])('accepts a %s', (_name, env) => {
    expect(loadConfig(env).redisUrl).toBe(env.REDIS_URL);
  });
});
