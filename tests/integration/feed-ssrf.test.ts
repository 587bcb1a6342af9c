import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';
import { FixtureServer, rssFeed } from '../helpers/http-fixture.js';

describe('untrusted feed links never reach private addresses', () => {
  const servers: FixtureServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('items pointing at a loopback service, the metadata address, or redirecting there cause zero requests to them', async () => {
    const victim = await new FixtureServer().start();
    victim.route('/secret', 'internal admin page');
    const site = await new FixtureServer().start();
    servers.push(victim, site);
    const victimPort = new URL(victim.origin).port;
    site.redirect('/hop', `${victim.origin}/secret`);
    site.route(
      '/feed.xml',
      rssFeed([
        { title: 'Loopback', link: `${victim.origin}/secret` },
        { title: 'Localhost', link: `http://localhost:${victimPort}/secret` },
        {
          title: 'Metadata',
          link: 'http://169.254.169.254/latest/meta-data/iam/',
        },
        {
          title: 'Mapped',
          link: `http://[::ffff:127.0.0.1]:${victimPort}/secret`,
        },
        { title: 'Redirect', link: `${site.origin}/hop` },
      ]),
      'application/rss+xml',
    );
    // Only the feed's own host is allowed, as a user testing locally would set it.
    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: site.hostPort,
    });
    expect(
      (await runCli(['feed', 'add', `${site.origin}/feed.xml`], env)).code,
    ).toBe(0);
    const run = await runCli(['run', '--once'], env);
    expect(run.code).toBe(0);

    expect(victim.requests).toEqual([]);
    expect(site.requests.map((r) => r.path)).toContain('/hop');
    const status = JSON.parse(
      (await runCli(['status', '--json'], env)).stdout,
    ) as {
      failedJobs: Array<{ stage: string; reason: string }>;
    };
    const blocked = status.failedJobs.filter(
      (j) => j.stage === 'fetch' && /non-public address/.test(j.reason),
    );
    expect(blocked).toHaveLength(5);
  });
});
