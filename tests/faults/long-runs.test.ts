/**
 * Fault 7, the long runs.
 * - Ten separate kill-and-recover runs, each on fresh data: 500 articles,
 *   four worker processes, one of them killed (SIGKILL) at a random moment
 *   and started again; every run raises each alert exactly once.
 * - 2,000 real pages (the article-extraction benchmark, served from
 *   127.0.0.1 under 2,000 addresses) through one `start`: no article fails,
 *   none for memory, while the clean threads are recycled on the way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';
import { decodeText } from '../../src/shared/fetch/decode-content.js';
import { ROOT, runCli, stopProcess, waitFor } from '../helpers/cli.js';
import { FixtureServer } from '../helpers/http-fixture.js';
import { isDrained } from '../helpers/pipeline-assertions.js';
import { prng, shuffle } from '../helpers/synthetic-articles.js';
import { expectNothingLostOrDoubled, useFaults } from './harness.js';

const faults = useFaults();

async function startWorker(env: Record<string, string>) {
  const worker = faults.spawn(['worker'], env);
  await waitFor(
    () => worker.output().includes('Workers started'),
    'worker start',
  );
  return worker;
}

it('ten separate kill-and-recover runs of 500 articles with 4 workers: 0 lost, 0 doubled in each', async () => {
  const random = prng(2026);
  for (let round = 0; round < 10; round++) {
    const run = await faults.setup(500, 100, {
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_LOCK_DURATION: '2s',
    });
    const workers = await Promise.all(
      [0, 1, 2, 3].map(() => startWorker(run.env)),
    );
    const files = (await import('node:fs/promises')).readdir(
      run.env.TROOPWATCH_SEEDS_DIR!,
    );
    const paths = shuffle(await files, random).map((f) =>
      path.join(run.env.TROOPWATCH_SEEDS_DIR!, f),
    );
    expect(
      (await runCli(['enqueue', ...paths], run.env, { timeoutMs: 120_000 }))
        .code,
    ).toBe(0);
    await new Promise((r) => setTimeout(r, 300 + random() * 2_000));
    const victim = Math.floor(random() * workers.length);
    await stopProcess(workers[victim]!, 'SIGKILL');
    workers[victim] = await startWorker(run.env);
    await waitFor(
      () => isDrained(run.env),
      `round ${round} to drain`,
      180_000,
      500,
    );
    expectNothingLostOrDoubled(run);
    await Promise.all(workers.map((w) => stopProcess(w, 'SIGTERM')));
  }
}, 1_500_000);

const BENCH = path.join(ROOT, 'bench', 'article-extraction');
const PAGES = Number(process.env.TW_PAGES ?? 2_000);

it('2,000 real pages through start: none fails, none for memory', async () => {
  const truth = JSON.parse(
    readFileSync(path.join(BENCH, 'ground-truth.json'), 'utf8'),
  ) as Record<string, unknown>;
  const html = Object.keys(truth).map((id) =>
    decodeText(
      gunzipSync(readFileSync(path.join(BENCH, 'html', `${id}.html.gz`))),
    ),
  );
  const site = new FixtureServer();
  for (let i = 0; i < PAGES; i++)
    site.route(`/page/${i}`, html[i % html.length]!);
  await site.start();
  try {
    const run = await faults.setup(1, 1, {
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: site.hostPort,
      TROOPWATCH_HOST_DELAY: '0',
      TROOPWATCH_HOST_CONCURRENCY: '64',
      TROOPWATCH_LOG_LEVEL: 'warn',
    });
    const start = faults.spawn(['start'], run.env);
    const urls = Array.from(
      { length: PAGES },
      (_, i) => `${site.origin}/page/${i}`,
    );
    expect(
      (await runCli(['enqueue', ...urls], run.env, { timeoutMs: 120_000 }))
        .code,
    ).toBe(0);
    await waitFor(
      () => isDrained(run.env),
      'the 2,000 pages',
      1_200_000,
      2_000,
    );
    const status = JSON.parse(
      (await runCli(['status', '--json'], run.env)).stdout,
    ) as {
      articles: Record<string, number>;
      failedJobs: Array<{ reason: string }>;
    };
    expect(status.articles.total).toBe(PAGES + 1);
    // Not one page failed for memory (nor for any other reason).
    expect(
      status.failedJobs.filter((j) =>
        /too_large|MB to parse/.test(JSON.stringify(j)),
      ),
    ).toEqual([]);
    const reasons = status.failedJobs.map((j) =>
      JSON.stringify(j)
        .replace(/[0-9a-f]{32}/g, 'ID')
        .slice(0, 160),
    );
    expect([...new Set(reasons)].slice(0, 5)).toEqual([]);
    expect(status.articles.failed ?? 0).toBe(0);
    expect(start.output()).not.toContain('too_large');
    expect(start.exitCode).toBe(null);
  } finally {
    await site.stop();
  }
}, 1_500_000);
