import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { StageError } from '../../src/shared/errors.js';
import { decodeFeedText } from '../../src/shared/feed/encoding.js';
import {
  htmlToText,
  parseFeedDate,
  repairMojibake,
} from '../../src/shared/feed/text.js';
import {
  feedItemId,
  parseFeed,
  type ParsedFeed,
} from '../../src/shared/feed/parse.js';

const FIXTURES = path.resolve('tests/fixtures/feeds');
const fixture = (name: string): Uint8Array =>
  readFileSync(path.join(FIXTURES, name));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const URL_ = 'https://feeds.example.com/x/feed';

/** The StageError parseFeed rejects with (fails the test otherwise). */
async function rejection(
  bytes: Uint8Array,
  opts: Parameters<typeof parseFeed>[1] = {},
): Promise<StageError> {
  try {
    await parseFeed(bytes, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(StageError);
    expect((err as StageError).retryable).toBe(false);
    return err as StageError;
  }
  throw new Error('expected parseFeed to reject');
}

const rss = (items: string, channel = '<title>T</title>'): Uint8Array =>
  utf8(
    `<?xml version="1.0"?><rss version="2.0"><channel>${channel}` +
      `${items}</channel></rss>`,
  );

describe('parseFeed: formats', () => {
  it('RSS 2.0: guid, links, dates, summaries, duplicates', async () => {
    const feed = await parseFeed(fixture('rss2.xml'), { url: URL_ });
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Frontline Wire');
    expect(feed.link).toBe('https://news.example.org/');
    const [first, permalink, relative, bare, notWeb, ...rest] = feed.items;
    expect(rest).toEqual([]); // the duplicate of the first item is dropped

    expect(first).toEqual({
      id: 'urn:example:1001',
      title: 'Troops & tanks: 12,000 soldiers deployed',
      link: 'https://news.example.org/2024/11/troops?utm_source=rss',
      guid: 'urn:example:1001',
      publishedAt: '2024-11-04T08:30:00.000Z',
      // Markup and <script> dropped, &nbsp; decoded, whitespace collapsed.
      summary: 'About 12,000 soldiers were sent.',
    });
    // A guid without isPermaLink="false" doubles as the link.
    expect(permalink!.link).toBe('https://news.example.org/2024/11/permalink');
    // Relative link resolved against the feed URL; id is the canonical
    // link (fragment dropped); content:encoded as summary; CET understood.
    expect(relative).toMatchObject({
      id: 'https://feeds.example.com/2024/11/relative',
      link: 'https://feeds.example.com/2024/11/relative#comments',
      guid: null,
      publishedAt: '2024-11-06T07:00:00.000Z',
      summary: 'Full text',
    });
    // No guid, no link: a hash of title and date.
    expect(bare).toMatchObject({ link: null, guid: null });
    expect(bare!.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bare!.publishedAt).toBe('2024-11-07T17:00:00.000Z');
    // Non-http links are dropped; an unparseable date is null.
    expect(notWeb).toMatchObject({ link: null, publishedAt: null });
  });

  it('Atom: xml:base, alternate link, html/xhtml text, bad dates', async () => {
    const feed = await parseFeed(fixture('atom.xml'), { url: URL_ });
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Atom Desk');
    expect(feed.link).toBe('https://atom.example.com/blog/');
    expect(feed.items).toEqual([
      {
        id: 'tag:atom.example.com,2024:1',
        title: 'First entry',
        // rel="enclosure" skipped; resolved against the feed's xml:base.
        link: 'https://atom.example.com/blog/posts/first',
        guid: 'tag:atom.example.com,2024:1',
        // published beats updated.
        publishedAt: '2024-11-04T07:00:00.000Z',
        summary: 'Summary with a link',
      },
      {
        id: 'tag:atom.example.com,2024:2',
        title: 'XHTML title',
        // The entry's own xml:base.
        link: 'https://other.example.net/news/item-2',
        guid: 'tag:atom.example.com,2024:2',
        publishedAt: '2024-11-05T08:00:00.000Z',
        summary: 'Body text',
      },
      {
        // A bad date and a <link> without attributes (both crash
        // rss-parser's own Atom code) cost only that field.
        id: 'tag:atom.example.com,2024:3',
        title: 'Bad date does not sink the feed',
        link: 'https://atom.example.com/blog/no-attributes',
        guid: 'tag:atom.example.com,2024:3',
        publishedAt: null,
        summary: null,
      },
    ]);
  });

  it('RSS 1.0 (RDF): rdf:about is the guid, dc:date the date', async () => {
    const feed = await parseFeed(fixture('rdf.xml'));
    expect(feed).toEqual({
      format: 'rdf',
      title: 'RDF Site',
      link: 'https://rdf.example.org/',
      items: [
        {
          id: 'https://rdf.example.org/a',
          title: 'RDF item',
          link: 'https://rdf.example.org/a',
          guid: 'https://rdf.example.org/a',
          publishedAt: '2024-11-04T09:00:00.000Z',
          summary: 'Plain description',
        },
      ],
    });
  });

  it('RSS 0.91 and version-less RSS', async () => {
    const item = '<item><title>A</title><link>http://a.example/1</link></item>';
    for (const version of ['version="0.91"', '']) {
      const feed = await parseFeed(
        utf8(`<rss ${version}><channel>${item}</channel></rss>`),
      );
      expect(feed.format).toBe('rss');
      expect(feed.items.map((i) => i.link)).toEqual(['http://a.example/1']);
    }
  });

  it('JSON Feed 1.1 (and 1.0)', async () => {
    const feed = await parseFeed(fixture('feed.json'), { url: URL_ });
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('JSON Desk');
    expect(feed.link).toBe('https://json.example.org/');
    expect(feed.items).toEqual([
      {
        id: '2',
        title: 'Second post',
        link: 'https://json.example.org/posts/2',
        guid: '2',
        publishedAt: '2024-11-04T14:00:00.000Z',
        summary: 'Hello world',
      },
      {
        id: '1', // numeric ids become strings
        title: 'First post',
        link: 'https://feeds.example.com/x/posts/1',
        guid: '1',
        publishedAt: '2024-11-03T09:00:00.000Z', // date_modified fallback
        summary: 'Short summary',
      },
      {
        id: 'https://elsewhere.example.com/story',
        title: null,
        link: 'https://elsewhere.example.com/story', // external_url
        guid: null,
        publishedAt: null,
        summary: 'No id, no title',
      },
    ]);
    const v1 = await parseFeed(
      utf8(
        '{"version":"https://jsonfeed.org/version/1",' +
          '"title":"x","items":[]}',
      ),
    );
    expect(v1).toEqual({ format: 'json', title: 'x', link: null, items: [] });
  });

  it('an RSS document without a channel is an empty feed', async () => {
    const feed = await parseFeed(utf8('<rss version="2.0">\n</rss>'));
    expect(feed).toEqual({ format: 'rss', title: null, link: null, items: [] });
  });
});

describe('parseFeed: encodings', () => {
  it('ISO-8859-1 declared in the XML declaration (umlauts)', async () => {
    const feed = await parseFeed(fixture('german-latin1.xml'));
    expect(feed.title).toBe('Nachrichten aus Südkorea');
    expect(feed.items[0]!.title).toBe('Größere Truppenstärke: 28.500 Soldaten');
    expect(feed.items[0]!.summary).toBe(
      'Über die Größe der Truppe äußerte sich das Ministerium.',
    );
  });

  it('windows-1252, declared or not', async () => {
    const bytes = fixture('windows-1252.xml');
    const declared = await parseFeed(bytes);
    expect(declared.title).toBe('Smart „quotes“ – €5');
    expect(declared.items[0]!.title).toBe('“Don’t” — café …');
    // Without a declaration the bytes are not UTF-8: windows-1252 fallback.
    const text = Buffer.from(bytes).toString('latin1');
    const bare = Buffer.from(text.replace(/^<\?xml[^>]*\?>/, ''), 'latin1');
    expect((await parseFeed(bare)).items[0]!.title).toBe('“Don’t” — café …');
  });

  it('HTTP charset beats the XML declaration; a BOM beats both', async () => {
    const doc = (decl: string): string =>
      `<?xml version="1.0" encoding="${decl}"?>` +
      '<rss version="2.0"><channel><title>Truppen: 년</title></channel></rss>';
    const utf8Bytes = utf8(doc('iso-8859-1'));
    const header = await parseFeed(utf8Bytes, {
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(header.title).toBe('Truppen: 년');
    // Same bytes without the header: the declaration (wrongly) wins.
    expect((await parseFeed(utf8Bytes)).title).toBe('Truppen: ë…„');
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(doc('utf-8'))]);
    const withBom = await parseFeed(bom, {
      contentType: 'text/xml; charset=iso-8859-1',
    });
    expect(withBom.title).toBe('Truppen: 년');
  });

  it('UTF-16 and UTF-32 without a byte order mark', async () => {
    const doc =
      '<?xml version="1.0" encoding="utf-16"?>' +
      '<rss version="2.0"><channel><title>년 Größe</title></channel></rss>';
    const le16 = Buffer.from(doc, 'utf16le');
    const be16 = Buffer.from(le16).swap16();
    const le32 = Buffer.alloc(doc.length * 4);
    [...doc].forEach((c, i) => le32.writeUInt32LE(c.codePointAt(0)!, i * 4));
    const be32 = Buffer.from(le32).swap32();
    for (const bytes of [le16, be16, le32, be32]) {
      // Even a contradicting HTTP header cannot make these bytes ASCII.
      const feed = await parseFeed(bytes, {
        contentType: 'text/xml; charset=utf-8',
      });
      expect(feed.title).toBe('년 Größe');
    }
    expect(
      decodeFeedText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])),
    ).toBe('<');
  });

  it('repairs UTF-8 that was decoded as windows-1252 earlier', async () => {
    const feed = await parseFeed(
      rss('<item><title>GrÃ¶ÃŸe â€“ â€žTruppenâ€œ</title></item>'),
    );
    expect(feed.items[0]!.title).toBe('Größe – „Truppen“');
    // Genuine text that merely looks like UTF-8 bytes stays as it is.
    expect(repairMojibake('Gruß“ and São Paulo')).toBe('Gruß“ and São Paulo');
  });
});

describe('parseFeed: rejections are classified StageErrors', () => {
  it('an HTML page', async () => {
    const err = await rejection(
      utf8('<!DOCTYPE html><html><head><title>Hi</title></head></html>'),
      { url: 'https://site.example/feed' },
    );
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toBe(
      'fetch: https://site.example/feed is not an RSS, Atom or JSON feed ' +
        '(an HTML page)',
    );
  });

  it.each([
    ['an empty body', new Uint8Array(0)],
    ['whitespace', utf8(' \n\t ')],
    ['plain text', utf8('Service unavailable')],
    ['gzip bytes', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])],
    ['JSON that is not a JSON Feed', utf8('{"version":"1.1","items":[]}')],
    ['a JSON array', utf8('[1, 2, 3]')],
    ['an unknown XML root', utf8('<?xml version="1.0"?><sitemap/>')],
  ])('%s → not_a_feed', async (_name, bytes) => {
    const err = await rejection(bytes);
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toMatch(
      /^fetch: document is not an RSS, Atom or JSON feed \(.+\)$/,
    );
  });

  it.each([
    ['unclosed XML', utf8('<rss version="2.0"><channel><title>x</channel>')],
    ['a truncated document', utf8('<rss version="2.0"><channel>')],
    ['a bare "&"', rss('<item><title>AT&T</title></item>')],
    ['broken JSON', utf8('{"version": "https://jsonfeed.org/version/1.1",')],
  ])('%s → malformed_feed', async (_name, bytes) => {
    const err = await rejection(bytes);
    expect(err.code).toBe('malformed_feed');
    expect(err.message).toMatch(/^fetch: document is a malformed feed \(.+\)$/);
    expect(err.message).not.toContain('\n');
  });

  it.each([
    ['a channel-less RSS 0.91', utf8('<rss version="0.91"><item/></rss>')],
    ['an empty rdf:RDF', utf8('<rdf:RDF xmlns:rdf="x"/>')],
    [
      'an Atom entry with an element title',
      utf8(
        '<feed><entry><title><b>x</b></title><link/><id><x/></id>' +
          '<published><y/></published></entry></feed>',
      ),
    ],
    [
      'RSS items with odd children',
      rss(
        '<item><title/><link><a/></link><guid isPermaLink="true"><x/></guid>' +
          '<pubDate/><description><div><p>x</p></div></description></item>',
      ),
    ],
    [
      'a JSON Feed with junk items',
      utf8(
        '{"version":"https://jsonfeed.org/version/1.1",' +
          '"items":[null,1,"x",{"id":{},"url":7,"title":["t"]}]}',
      ),
    ],
  ])('odd but well-formed: %s parses or fails classified', async (_, bytes) => {
    try {
      const feed: ParsedFeed = await parseFeed(bytes);
      expect(Array.isArray(feed.items)).toBe(true);
    } catch (err) {
      expect(err).toBeInstanceOf(StageError);
    }
  });
});

describe('parseFeed: hostile input', () => {
  const billionLaughs =
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n' +
    ' <!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, i) => {
      const prev = i === 0 ? 'lol' : `lol${i}`;
      return ` <!ENTITY lol${i + 1} "${`&${prev};`.repeat(10)}">\n`;
    }).join('') +
    ']>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>';

  it('billion laughs is refused fast, without expanding anything', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const err = await rejection(utf8(billionLaughs));
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(err.code).toBe('malformed_feed');
    expect(err.message).toMatch(/DOCTYPE declares entities/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50e6);
  });

  it('external entities are refused before any parser sees them', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM ' +
      '"file:///etc/passwd">]><rss version="2.0"><channel><title>&x;' +
      '</title></channel></rss>';
    expect((await rejection(utf8(xxe))).code).toBe('malformed_feed');
  });

  it('the XML parser itself never expands undeclared entities', async () => {
    // Defence in depth: even without our DOCTYPE check, sax treats &lol9;
    // as an error instead of looking anything up.
    const bytes = rss('<item><title>&lol9;</title></item>');
    expect((await rejection(bytes)).code).toBe('malformed_feed');
  });

  it('a DOCTYPE without entity declarations is fine', async () => {
    const feed = await parseFeed(
      utf8(
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape ' +
          'Communications//DTD RSS 0.91//EN" "http://my.netscape.com/' +
          'publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>' +
          '<title>Old</title></channel></rss>',
      ),
    );
    expect(feed.title).toBe('Old');
  });

  it('markup that makes rss-parser quadratic stays linear', async () => {
    // 400 KB of "a<": rss-parser's own snippet regex needs hours for this.
    const body = `<![CDATA[${'a<'.repeat(200_000)}]]>`;
    const t0 = performance.now();
    const feed = await parseFeed(
      rss(`<item><title>x</title><description>${body}</description></item>`),
    );
    expect(performance.now() - t0).toBeLessThan(2_000);
    // As in HTML, an unterminated tag swallows the rest of the text.
    expect(feed.items[0]!.summary).toBe('a');
  });

  it('deep nesting neither overflows the stack nor crashes', async () => {
    const depth = 50_000;
    const deep = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    try {
      const feed = await parseFeed(
        rss(`<item><title>t</title><description>${deep}</description></item>`),
      );
      expect(feed.items[0]!.summary).toBe('x');
    } catch (err) {
      expect(err).toBeInstanceOf(StageError);
    }
  });

  it('caps the number of items (maxItems, default 500)', async () => {
    const items = Array.from(
      { length: 700 },
      (_, i) => `<item><guid>g${i}</guid></item>`,
    ).join('');
    expect((await parseFeed(rss(items))).items).toHaveLength(500);
    const capped = await parseFeed(rss(items), { maxItems: 3 });
    expect(capped.items.map((i) => i.id)).toEqual(['g0', 'g1', 'g2']);
  });
});

describe('feedItemId', () => {
  it('prefers the trimmed guid', () => {
    expect(feedItemId({ guid: '  abc ', link: 'https://x.example/a' })).toBe(
      'abc',
    );
  });

  it('else the canonical link (tracking parameters, fragment dropped)', () => {
    expect(
      feedItemId({
        guid: '  ',
        link: 'HTTPS://X.example/a?utm_source=rss&b=2&a=1#top',
      }),
    ).toBe('https://x.example/a?a=1&b=2');
  });

  it('else a hash of title and date, stable and whitespace-insensitive', () => {
    const publishedAt = '2024-11-04T00:00:00.000Z';
    const a = feedItemId({ title: 'Troops  arrive', publishedAt });
    const b = feedItemId({ title: ' Troops arrive ', publishedAt });
    const c = feedItemId({ title: 'Troops arrive', publishedAt: null });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Pinned to the documented formula, so that a refactor cannot silently
    // change every stored item id.
    const digest = createHash('sha256')
      .update('Troops arrive\n2024-11-04T00:00:00.000Z')
      .digest('hex');
    expect(a).toBe(`sha256:${digest}`);
  });

  it('is the id parseFeed assigns, poll after poll', async () => {
    const first = await parseFeed(fixture('rss2.xml'), { url: URL_ });
    const second = await parseFeed(fixture('rss2.xml'), { url: URL_ });
    expect(second.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    for (const item of first.items) expect(feedItemId(item)).toBe(item.id);
  });
});

describe('feed text helpers', () => {
  it('htmlToText', () => {
    expect(htmlToText('<p>a</p><p>b</p>')).toBe('a b');
    expect(htmlToText('1 < 2 &amp;&amp; 3 > 2')).toBe('1 < 2 && 3 > 2');
    expect(htmlToText('don&#146;t &hellip; &unknown;')).toBe(
      'don’t … &unknown;',
    );
    expect(htmlToText('<style>p{}</style>x<!-- c -->y')).toBe('xy');
  });

  it('parseFeedDate', () => {
    expect(parseFeedDate('Mon, 04 Nov 2024 09:30:00 MSK')).toBe(
      '2024-11-04T06:30:00.000Z',
    );
    expect(parseFeedDate('2024-11-04')).toBe('2024-11-04T00:00:00.000Z');
    expect(parseFeedDate('Episode 2')).toBeNull();
    expect(parseFeedDate('')).toBeNull();
  });
});
