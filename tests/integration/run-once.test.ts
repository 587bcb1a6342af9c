import { afterEach, describe, expect, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';
import { ALLOWED_KEYS, REQUIRED_KEYS } from '../helpers/seed-alerts.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

/** Which seed file must be named as the first source of each key. */
const FIRST_SEED: Record<string, string> = {
  'KP|presence|soldiers|12000': '000',
  'KP|presence|soldiers|3000': '000',
  'KP|presence|soldiers|2000': '001',
  'KP|projected|soldiers|10000': '001',
  'KP|presence|soldiers|10000': '002',
  'KP|presence|soldiers|1500': '003',
};

describe('troopwatch run --once on the seeds (embedded Redis)', () => {
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  it('delivers exactly the six required claim.new webhooks, verified, and none on a second run', async () => {
    const secret = makeSecret();
    const receiver = await new WebhookReceiver(secret).start();
    receivers.push(receiver);
    // No REDIS_URL: the program starts its own redis-server in the data dir.
    const env = await testEnv({
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: secret,
    });

    const first = await runCli(['run', '--once'], env);
    expect(first.stderr).not.toMatch(/"level":50/);
    expect(first.code).toBe(0);

    const keys = receiver.received.map((r) => r.key);
    for (const key of REQUIRED_KEYS) expect(keys).toContain(key);
    for (const key of keys) expect(ALLOWED_KEYS.has(key)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(receiver.distinctIds().size).toBe(receiver.received.length);
    for (const r of receiver.received) {
      expect(r.verified).toBe(true);
      expect(r.type).toBe('claim.new');
      const data = r.body.data as unknown as {
        claim: { actor: string; unit: string };
        article: { source: string; title: string };
        firstSeenAt: string;
        sources: unknown[];
      };
      expect(data.claim.actor).toBe('KP');
      expect(typeof data.firstSeenAt).toBe('string');
      expect(data.sources.length).toBe(1);
      if (FIRST_SEED[r.key])
        expect(data.article.source.startsWith(FIRST_SEED[r.key]!)).toBe(true);
    }

    const second = await runCli(['run', '--once'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/New alerts: 0/);
    expect(receiver.received.length).toBe(keys.length);

    // Everything persisted: the alert log lists each delivery as delivered.
    const alerts = await runCli(['alerts', '--json'], env);
    const list = JSON.parse(alerts.stdout) as Array<{
      key: string;
      deliveries: Array<{ state: string }>;
    }>;
    expect(list.map((a) => a.key).sort()).toEqual([...keys].sort());
    for (const a of list)
      expect(a.deliveries.map((d) => d.state)).toEqual(['delivered']);
  });

  it('records alerts with no endpoint configured and lists them', async () => {
    const env = await testEnv();
    const run = await runCli(['run', '--once'], env);
    expect(run.code).toBe(0);
    const alerts = JSON.parse(
      (await runCli(['alerts', '--json'], env)).stdout,
    ) as Array<{ key: string; deliveries: unknown[] }>;
    for (const key of REQUIRED_KEYS)
      expect(alerts.map((a) => a.key)).toContain(key);
    for (const a of alerts) expect(a.deliveries).toEqual([]);
    const claims = JSON.parse(
      (await runCli(['claims', '--json'], env)).stdout,
    ) as Array<{ key: string }>;
    expect(claims.map((c) => c.key).sort()).toEqual(
      alerts.map((a) => a.key).sort(),
    );
    // One canonical source, however the seeds name it.
    const nis = JSON.parse(
      (await runCli(['claims', '--source', 'kr-nis', '--json'], env)).stdout,
    ) as Array<{ key: string; claim: { source: { id: string } | null } }>;
    expect(nis.map((c) => c.key)).toContain('KP|presence|soldiers|12000');
    for (const c of nis) expect(c.claim.source?.id).toBe('kr-nis');
    expect(nis.length).toBeLessThan(claims.length);
    const bad = await runCli(['claims', '--source', 'kr-xyz'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown source; one of .*kr-nis/);
  });
});
