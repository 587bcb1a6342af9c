import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';
import { REQUIRED_KEYS } from '../helpers/seed-alerts.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

describe('several endpoints, each with its own secret and types', () => {
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  it('claim.corroborated goes only to the endpoint that asked for it, signed with its own secret', async () => {
    const newsOnly = await new WebhookReceiver(makeSecret()).start();
    const everything = await new WebhookReceiver(makeSecret()).start();
    receivers.push(newsOnly, everything);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-hooks-'));
    const file = path.join(dir, 'webhooks.json');
    writeFileSync(
      file,
      JSON.stringify([
        { url: newsOnly.url, secret: newsOnly.secret },
        {
          url: everything.url,
          secret: everything.secret,
          types: ['claim.new', 'claim.corroborated'],
        },
      ]),
    );
    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_WEBHOOKS_FILE: file,
    });
    expect((await runCli(['run', '--once'], env)).code).toBe(0);

    // Both receive every claim.new, each verified with its own secret.
    for (const receiver of [newsOnly, everything]) {
      const fresh = receiver.received.filter((r) => r.type === 'claim.new');
      for (const key of REQUIRED_KEYS)
        expect(fresh.map((r) => r.key)).toContain(key);
      expect(receiver.received.every((r) => r.verified)).toBe(true);
    }
    expect(newsOnly.received.some((r) => r.type === 'claim.corroborated')).toBe(
      false,
    );
    // In the seeds, 3000 (000, then 001) and presence 10000 (002, then 004) are corroborated.
    const corroborations = everything.received.filter(
      (r) => r.type === 'claim.corroborated',
    );
    const keys = corroborations.map((r) => r.key);
    expect(keys).toContain('KP|presence|soldiers|3000');
    expect(keys).toContain('KP|presence|soldiers|10000');
    for (const c of corroborations) {
      const data = c.body.data as unknown as {
        sources: unknown[];
        firstSeenAt: string;
      };
      expect(data.sources.length).toBeGreaterThanOrEqual(2);
    }
    const claims = JSON.parse(
      (await runCli(['claims', '--json'], env)).stdout,
    ) as Array<{ key: string; sources: unknown[] }>;
    expect(
      claims.find((c) => c.key === 'KP|presence|soldiers|3000')!.sources,
    ).toHaveLength(2);
  });
});
