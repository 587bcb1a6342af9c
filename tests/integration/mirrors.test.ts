/**
 * Two addresses that serve the very same bytes (a mirror): both articles go
 * through clean, although each drops its copy of the bytes once cleaned.
 */
import { expect, it } from 'vitest';
import { runCli, waitFor } from '../helpers/cli.js';
import { useFleet } from '../helpers/fleet-harness.js';
import { FixtureServer, articlePage } from '../helpers/http-fixture.js';
import { isDrained } from '../helpers/pipeline-assertions.js';

const fleet = useFleet();

it('identical pages under two URLs both complete; neither fails for missing content', async () => {
  const page = articlePage('Truppen aus Nordkorea', [
    'Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes rund 12.000 Soldaten nach Russland geschickt.',
    'Die Soldaten werden demnach im Osten Russlands ausgebildet, hieß es am Freitag in Seoul weiter.',
  ]);
  const site = await new FixtureServer()
    .route('/a', page)
    .route('/mirror/a', page)
    .start();
  try {
    const { env } = await fleet.setup({
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: site.hostPort,
      TROOPWATCH_HOST_DELAY: '0',
    });
    // One job at a time: the second clean runs after the first dropped its copy.
    await fleet.startWorker(env, ['--concurrency', '1']);
    const enq = await runCli(
      ['enqueue', `${site.origin}/a`, `${site.origin}/mirror/a`],
      env,
    );
    expect(enq.code).toBe(0);
    await waitFor(() => isDrained(env), 'both pages');
    const status = JSON.parse(
      (await runCli(['status', '--json'], env)).stdout,
    ) as {
      articles: Record<string, number>;
      failedJobs: unknown[];
    };
    expect(status.failedJobs).toEqual([]);
    expect(status.articles.total).toBe(2);
    expect(status.articles.failed ?? 0).toBe(0);
  } finally {
    await site.stop();
  }
});
