import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { cleanHtml } from '../../src/shared/clean/html.js';
import { pruneArticle } from '../../src/shared/clean/prune.js';

interface Expected {
  title: string | null;
  publishedAt: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  byline?: string | null;
  siteName?: string | null;
  mustContain: string[];
  mustNotContain: string[];
}

const fixturesDir = fileURLToPath(
  new URL('../fixtures/articles/', import.meta.url),
);
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(fixturesDir, entry.name);
    return {
      name: entry.name,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      expected: JSON.parse(
        readFileSync(join(dir, 'expected.json'), 'utf8'),
      ) as Expected,
    };
  });

describe('cleanHtml fixtures', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('$name', ({ html, expected }) => {
    // A fixed fetch URL, so relative canonical links have a base.
    const article = cleanHtml(html, {
      url: 'https://news.example.com/fetched/page?utm_source=feed',
    });

    expect(article.title).toBe(expected.title);
    expect(article.publishedAt).toBe(expected.publishedAt);
    expect(article.lang).toBe(expected.lang);
    expect(article.canonicalUrl).toBe(expected.canonicalUrl);
    if (expected.byline !== undefined) {
      expect(article.byline).toBe(expected.byline);
    }
    if (expected.siteName !== undefined) {
      expect(article.siteName).toBe(expected.siteName);
    }
    for (const needle of expected.mustContain) {
      expect(article.text).toContain(needle);
    }
    for (const needle of expected.mustNotContain) {
      expect(article.text).not.toContain(needle);
    }
    // Paragraphs are separated by exactly one blank line.
    expect(article.text).not.toMatch(/\n{3,}/);
  });
});

describe('cleanHtml edge cases', () => {
  it.each([
    { name: 'empty string', html: '' },
    { name: 'whitespace only', html: '  \n\t ' },
    { name: 'markup without text', html: '<html><body><div></div></body>' },
  ])('returns empty text for $name', ({ html }) => {
    expect(cleanHtml(html).text).toBe('');
  });

  it.each([
    {
      name: 'relative canonical without a base is dropped',
      html: '<link rel="canonical" href="/a/b"><p>x</p>',
      url: undefined,
      canonicalUrl: null,
    },
    {
      name: 'non-http fetch URL is ignored as a base',
      html: '<link rel="canonical" href="/a/b"><p>x</p>',
      url: 'file:///etc/passwd',
      canonicalUrl: null,
    },
    {
      name: 'javascript: canonical is rejected',
      html: '<link rel="canonical" href="javascript:alert(1)"><p>x</p>',
      url: 'https://example.com/',
      canonicalUrl: null,
    },
    {
      name: 'absolute canonical needs no base',
      html: '<link rel="Canonical" href="https://example.com/x#frag"><p>x</p>',
      url: undefined,
      canonicalUrl: 'https://example.com/x',
    },
  ])('$name', ({ html, url, canonicalUrl }) => {
    expect(cleanHtml(html, url ? { url } : {}).canonicalUrl).toBe(canonicalUrl);
  });

  it.each([
    {
      name: 'JSON-LD author string and date without timezone (read as UTC)',
      ld: {
        '@type': 'NewsArticle',
        headline: 'H',
        author: 'A. Writer',
        datePublished: '2024-10-24T10:00:00',
      },
      byline: 'A. Writer',
      publishedAt: '2024-10-24T10:00:00.000Z',
    },
    {
      name: 'array of JSON-LD nodes, schema.org-prefixed type',
      ld: [
        { '@type': 'BreadcrumbList' },
        {
          '@type': 'http://schema.org/ReportageNewsArticle',
          headline: 'H',
          author: { name: 'B. Writer' },
          datePublished: '2024-10-24',
        },
      ],
      byline: 'B. Writer',
      publishedAt: '2024-10-24T00:00:00.000Z',
    },
  ])('$name', ({ ld, byline, publishedAt }) => {
    const html =
      `<script type="application/ld+json">${JSON.stringify(ld)}</script>` +
      '<script type="application/ld+json">{ not json</script><p>x</p>';
    const article = cleanHtml(html);
    expect(article.title).toBe('H');
    expect(article.byline).toBe(byline);
    expect(article.publishedAt).toBe(publishedAt);
  });

  it('does not let inline CSS that jsdom cannot parse abort the parse', () => {
    const style = 'min-height: calc(($x - 16px) / 2)';
    const html = `<article><p style="${style}">Kept text.</p></article>`;
    expect(cleanHtml(html).text).toBe('Kept text.');
  });
});

/** Enough article prose around a snippet for Readability to pick it. */
function page(snippet: string, title = 'Troops arrive in Kursk'): string {
  const para = (n: number) =>
    `<p>Paragraph ${n}: South Korea's spy agency said on Tuesday that about ` +
    '11,000 North Korean soldiers had been deployed to the Kursk region, ' +
    'where they were expected to join front-line units within weeks.</p>';
  return (
    `<html><head><title>${title}</title>` +
    `<meta property="og:title" content="${title}"></head><body><article>` +
    `<h1>${title}</h1>${para(1)}${para(2)}${snippet}${para(3)}${para(4)}` +
    '</article></body></html>'
  );
}

describe('cleanHtml chrome pruning', () => {
  it.each([
    {
      name: 'figure with caption',
      html:
        '<figure><img src="a.jpg"><figcaption>CAPTION_X at a parade.' +
        '</figcaption></figure>',
    },
    {
      name: 'class hint: byline',
      html: '<div class="article__byline">By CHROME_X Writer</div>',
    },
    {
      name: 'class hint: related',
      html:
        '<div id="related-stories"><p>CHROME_X is a story ' +
        'about something else entirely, with enough words.</p></div>',
    },
    {
      name: 'list of links',
      html:
        '<ul><li><a href="/a">CHROME_X one</a></li>' +
        '<li><a href="/b">Other story two</a></li></ul>',
    },
    {
      name: 'paragraph that is one teaser link',
      html: '<p><a href="/x"><strong>CHROME_X TEASER HEADLINE</strong></a></p>',
    },
    {
      name: 'aside inside the article',
      html: '<aside><p>CHROME_X box</p></aside>',
    },
  ])('removes $name', ({ html }) => {
    const { text } = cleanHtml(page(html));
    expect(text).toContain('Paragraph 4:');
    expect(text).not.toMatch(/CAPTION_X|CHROME_X/);
  });

  it('drops the heading that repeats the title, keeps other headings', () => {
    const { text } = cleanHtml(page('<h2>What comes next</h2>'));
    expect(text).not.toContain('Troops arrive in Kursk');
    expect(text).toContain('What comes next');
  });

  it.each([
    {
      name: 'a sentence with a link in it',
      html:
        '<p>Officials <a href="/r">told Reuters</a> that KEPT_X 3,000 ' +
        'more soldiers were on their way.</p>',
    },
    {
      name: 'a single linked list item',
      html: '<ul><li><a href="/r">KEPT_X: read the full report</a></li></ul>',
    },
  ])('keeps $name', ({ html }) => {
    expect(cleanHtml(page(html)).text).toContain('KEPT_X');
  });

  it('reads class words split at separators and camelCase only', () => {
    const { document } = new JSDOM(
      '<div id="root"><p>Long article text that stays in place.</p>' +
        '<p>More article text that stays in place, too.</p>' +
        '<div class="shareBar">CHROME_X</div>' +
        '<div class="authority-note canvas">KEPT_X</div></div>',
    ).window;
    const root = document.getElementById('root')!;
    pruneArticle(root, null);
    expect(root.textContent).not.toContain('CHROME_X');
    expect(root.textContent).toContain('KEPT_X');
  });

  it('never removes a hinted wrapper that holds the article', () => {
    const html = page('').replace('<article>', '<article class="byline">');
    expect(cleanHtml(html).text).toContain('Paragraph 4:');
  });
});

// A smoke test on real pages; the full benchmark lives elsewhere.
// A copy of ../shared/bench/article-extraction kept in the project.
const benchDir = fileURLToPath(
  new URL('../../bench/article-extraction', import.meta.url),
);
const benchIds = [
  '04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34',
  '05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f',
  '06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85',
];

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

describe('cleanHtml on benchmark pages', () => {
  const truth = JSON.parse(
    readFileSync(join(benchDir, 'ground-truth.json'), 'utf8'),
  ) as Record<string, { articleBody: string; url: string }>;

  it.each(benchIds)('%s', (id) => {
    const html = gunzipSync(
      readFileSync(join(benchDir, 'html', `${id}.html.gz`)),
    ).toString('utf8');
    const { articleBody, url } = truth[id]!;
    const article = cleanHtml(html, { url });

    expect(article.text.length).toBeGreaterThan(0);
    expect(article.title).not.toBeNull();
    const expectedWords = words(articleBody);
    const gotWords = words(article.text);
    const found = [...expectedWords].filter((w) => gotWords.has(w)).length;
    const kept = [...gotWords].filter((w) => expectedWords.has(w)).length;
    expect(found / expectedWords.size).toBeGreaterThan(0.9);
    expect(kept / gotWords.size).toBeGreaterThan(0.7);
  });
});
