import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { SEEDS, runCli, testEnv } from '../helpers/cli.js';
import { FixtureServer } from '../helpers/http-fixture.js';
import { ALLOWED_KEYS, REQUIRED_KEYS } from '../helpers/seed-alerts.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

const seedText = (prefix: string): string => {
  const file = [
    '000_15671ed14c4c9ea1',
    '001_ab2dd517342f5741',
    '002_1e766fff5a103677',
    '003_a55ff48605766874',
    '004_7853cb3426cd1e45',
  ].find((f) => f.startsWith(prefix))!;
  return readFileSync(path.join(SEEDS, `${file}.txt`), 'utf8');
};

/** A seed republished as a news page with its own chrome and headline. */
function page(
  text: string,
  opts: {
    headline?: string;
    chrome: string;
    canonical?: string;
    dropLast?: boolean;
  },
): string {
  let paragraphs = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const title = opts.headline ?? paragraphs[0]!;
  if (opts.dropLast) paragraphs = paragraphs.slice(0, -1);
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="de"><head><title>${esc(title)} | ${opts.chrome}</title>
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
<meta property="og:site_name" content="${opts.chrome}"></head><body>
<header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/welt">Welt</a></nav></header>
<main><article><h1>${esc(title)}</h1><p class="byline">Von Redaktion ${opts.chrome}</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<figure><figcaption>Foto: dpa</figcaption></figure></article>
<aside><h3>Auch interessant</h3><ul><li><a href="/x">Wetter am Wochenende</a></li></ul></aside></main>
<footer>© ${opts.chrome} · Impressum · Datenschutz · Jetzt teilen</footer></body></html>`;
}

describe('syndicated copies of the seeds', () => {
  const servers: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('the seeds plus ten syndicated variants raise exactly the six claim.new alerts', async () => {
    const site = await new FixtureServer().start();
    servers.push(site);
    const o = site.origin;
    site.route(
      '/welt/kim-truppen',
      page(seedText('000'), { chrome: 'Nordkurier' }),
    );
    site.route(
      '/politik/nk-soldaten',
      page(seedText('001'), {
        chrome: 'Westblick',
        headline: 'Nordkoreas Soldaten: 2000 Mann nach Training verlegt',
      }),
    );
    site.route(
      '/ausland/pentagon-10000',
      page(seedText('002'), { chrome: 'Tagesbote' }),
    );
    site.route(
      '/news/video-uniformen',
      page(seedText('003'), { chrome: 'Abendpost', dropLast: true }),
    );
    site.route(
      '/krieg/austin',
      page(seedText('004'), {
        chrome: 'Rundschau',
        headline: 'Austin: Mehr als 10.000 Nordkoreaner in Kursk',
      }),
    );
    site.route(
      '/amp/kim-truppen',
      page(seedText('000'), {
        chrome: 'Nordkurier AMP',
        canonical: `${o}/welt/kim-truppen`,
      }),
    );
    site.route(
      '/agentur/pentagon',
      page(seedText('002'), {
        chrome: 'Agenturdienst',
        headline: 'Pentagon bestätigt Entsendung',
      }),
    );
    const urls = [
      `${o}/welt/kim-truppen?utm_source=twitter&utm_medium=social`,
      `${o}/politik/nk-soldaten?fbclid=abc123`,
      `${o}/ausland/pentagon-10000#kommentare`,
      `${o}/news/video-uniformen?gclid=xyz`,
      `${o}/krieg/austin?utm_campaign=morning&ref=home`,
      `${o}/amp/kim-truppen`,
      `${o}/agentur/pentagon`,
      // The same articles again under other tracking parameters.
      `${o}/welt/kim-truppen?mc_cid=42`,
      `${o}/politik/nk-soldaten?utm_source=newsletter`,
      `${o}/ausland/pentagon-10000?msclkid=9`,
    ];
    const secret = makeSecret();
    const receiver = await new WebhookReceiver(secret).start();
    servers.push(receiver);
    const env = await testEnv({
      REDIS_URL: inject('redisUrl'),
      TROOPWATCH_ALLOW_PRIVATE_HOSTS: site.hostPort,
      TROOPWATCH_HOST_DELAY: '0',
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: secret,
    });
    expect((await runCli(['seed'], env)).code).toBe(0);
    expect((await runCli(['enqueue', ...urls], env)).code).toBe(0);
    const run = await runCli(['run', '--once'], env);
    expect(run.code).toBe(0);

    const keys = receiver.received.map((r) => r.key);
    for (const key of REQUIRED_KEYS) expect(keys).toContain(key);
    for (const key of keys) expect(ALLOWED_KEYS.has(key)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(receiver.received.every((r) => r.type === 'claim.new')).toBe(true);
    // The copies were recognised as such: they corroborate nothing.
    const claims = JSON.parse(
      (await runCli(['claims', '--json'], env)).stdout,
    ) as Array<{
      key: string;
      sources: Array<{ url: string | null }>;
    }>;
    for (const claim of claims)
      expect(
        claim.sources.filter((s) => s.url !== null),
        claim.key,
      ).toEqual([]);
    const status = JSON.parse(
      (await runCli(['status', '--json'], env)).stdout,
    ) as {
      articles: Record<string, number>;
      failedJobs: unknown[];
    };
    // Seven pages (three URLs were the same pages again): all copies.
    expect(status.failedJobs).toEqual([]);
    expect(status.articles).toMatchObject({ total: 12, done: 5, duplicate: 7 });
    // URL variants of one page were fetched once.
    const fetched = site.requests.map((r) => r.path.split('?')[0]);
    expect(fetched.filter((p) => p === '/welt/kim-truppen')).toHaveLength(1);
    expect(fetched.filter((p) => p === '/politik/nk-soldaten')).toHaveLength(1);
  });
});
