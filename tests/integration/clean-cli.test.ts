import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';

const PAGE = `<!doctype html><html lang="de"><head><meta charset="iso-8859-1">
<title>Nordkoreas Soldaten in Kursk | Beispielzeitung</title>
<meta property="og:site_name" content="Beispielzeitung">
<meta property="article:published_time" content="2024-11-04T08:30:00+01:00">
<link rel="canonical" href="/politik/nordkorea-kursk"></head><body>
<nav>Startseite | Politik | Ausland</nav>
<article><h1>Nordkoreas Soldaten in Kursk</h1><p class="byline">Von Anna Müller</p>
<p>Nach Angaben des südkoreanischen Geheimdienstes haben die Truppen aus Pjöngjang ihre Stellungen in der Region Kursk bezogen. Die Größe des Kontingents wird auf rund 11.000 Mann geschätzt.</p>
<p>Die Regierung in Seoul äußerte sich besorgt über die Entwicklung und kündigte weitere Gespräche mit den Verbündeten an.</p></article>
<footer>© Beispielzeitung · Impressum</footer><script>document.write('injected')</script></body></html>`;

describe('troopwatch clean', () => {
  it('prints the readable text of an ISO-8859-1 page with correct umlauts, and metadata with --json', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-clean-'));
    const file = path.join(dir, 'page.html');
    writeFileSync(file, Buffer.from(PAGE, 'latin1'));
    const env = await testEnv();

    const text = await runCli(['clean', file], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Die Größe des Kontingents wird auf rund 11.000 Mann geschätzt.',
    );
    expect(text.stdout).toContain('äußerte sich besorgt');
    expect(text.stdout).not.toMatch(/Startseite|Impressum|injected/);

    const json = await runCli(
      [
        'clean',
        file,
        '--json',
        '--url',
        'https://zeitung.example/ausland/x?utm_source=rss',
      ],
      env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      title: 'Nordkoreas Soldaten in Kursk',
      siteName: 'Beispielzeitung',
      lang: 'de',
      canonicalUrl: 'https://zeitung.example/politik/nordkorea-kursk',
      publishedAt: '2024-11-04T07:30:00.000Z',
    });
  });

  it('reads standard input, and refuses binary input with exit 2', async () => {
    const env = await testEnv();
    const res = await runCli(['clean', '-'], env, {
      input: 'Startseite\n\nNordkorea hat Truppen entsandt, hieß es.\n',
    });
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe('Nordkorea hat Truppen entsandt, hieß es.');
    const bin = await runCli(['clean', '-'], env, {
      input: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]),
    });
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/binary/);
  });
});
