/**
 * parseFeed over the two copied parser test suites in bench/feeds (see their
 * SOURCE.md): every file parses or fails classified, quickly; rss-parser's
 * expected outputs match on title, link, guid and date; feedparser's
 * encoding cases come out with the right characters.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';

import { StageError } from '../../src/shared/errors.js';
import { htmlToText } from '../../src/shared/feed/text.js';
import { parseFeed, type ParsedFeed } from '../../src/shared/feed/parse.js';

const ROOT = path.resolve('bench/feeds');
const RSS_PARSER = path.join(ROOT, 'rss-parser/test');
const ENCODING = path.join(ROOT, 'feedparser/tests/encoding');

/** A generous per-file bound; the slowest real file takes well under 1 s. */
const PER_FILE_MS = 5_000;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [full];
    })
    .sort();
}

/**
 * A feedparser test file's comment header (`Expect:`, `Header:`, ...). The
 * header is ASCII, so dropping NUL bytes reads it out of UTF-16/32 files
 * too, without trusting the decoder under test.
 */
function feedparserHeader(bytes: Uint8Array): Record<string, string> {
  const ascii = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/\0/g, '');
  const comment = /<!--([\s\S]*?)-->/.exec(ascii)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const line of comment.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (m && !(m[1]! in out)) out[m[1]!] = m[2]!;
  }
  return out;
}

/** `Header: Content-type: text/xml; charset=x` → `text/xml; charset=x`. */
function contentTypeOf(header: string | undefined): string | undefined {
  const m = /^content-type:\s*(.*)$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}

type Outcome = { ok: true; feed: ParsedFeed } | { ok: false; error: unknown };

async function attempt(
  bytes: Uint8Array,
  contentType?: string,
): Promise<Outcome> {
  try {
    const feed = await parseFeed(bytes, {
      ...(contentType ? { contentType } : {}),
      url: 'http://example.com/feeds/feed.xml',
      maxItems: 100_000,
    });
    return { ok: true, feed };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('feed corpora: every file parses or fails classified, quickly', () => {
  it('all of bench/feeds', async () => {
    const files = walk(ROOT).filter((f) => /\.(xml|rss|atom|json)$/i.test(f));
    expect(files.length).toBeGreaterThan(1300);
    const durations: number[] = [];
    const rejected = new Map<string, number>();
    const unclassified: string[] = [];
    const slow: string[] = [];
    let parsed = 0;
    const started = performance.now();
    for (const file of files) {
      const bytes = readFileSync(file);
      const contentType = contentTypeOf(feedparserHeader(bytes).Header);
      const t0 = performance.now();
      const outcome = await attempt(bytes, contentType);
      const ms = performance.now() - t0;
      durations.push(ms);
      if (ms > PER_FILE_MS) slow.push(`${path.relative(ROOT, file)} ${ms}`);
      if (outcome.ok) {
        parsed += 1;
      } else if (
        outcome.error instanceof StageError &&
        !outcome.error.retryable &&
        /^fetch: /.test(outcome.error.message)
      ) {
        const code = outcome.error.code;
        rejected.set(code, (rejected.get(code) ?? 0) + 1);
      } else {
        unclassified.push(`${path.relative(ROOT, file)}: ${outcome.error}`);
      }
    }
    const total = performance.now() - started;
    durations.sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)]!;
    const max = durations[durations.length - 1]!;
    console.log(
      `feed corpora: ${files.length} files, ${parsed} parsed, rejected ` +
        JSON.stringify(Object.fromEntries(rejected)) +
        `, median ${median.toFixed(2)} ms, max ${max.toFixed(1)} ms, ` +
        `total ${(total / 1000).toFixed(1)} s`,
    );
    expect(unclassified).toEqual([]);
    expect(slow).toEqual([]);
    expect(total).toBeLessThan(30_000);
  });
});

// ---------------------------------------------------------------------------
// rss-parser: expected outputs

interface ExpectedItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  'rdf:about'?: unknown;
  isoDate?: unknown;
}

/**
 * rss-parser's raw field → what our model should say. Titles: we return
 * plain text, so compare against the markup-stripped, whitespace-collapsed
 * expectation. Links: we resolve and only keep http(s). The xml2js-options
 * case turned empty elements into the string 'EMPTY'.
 */
function expectedText(value: unknown): string | null {
  if (typeof value !== 'string' || value === 'EMPTY') return null;
  return htmlToText(value) || null;
}

function expectedLink(value: unknown): string | null {
  if (typeof value !== 'string' || value === 'EMPTY') return null;
  try {
    const url = new URL(value.trim(), 'http://example.com/feeds/feed.xml');
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function expectedGuid(item: ExpectedItem): string | null {
  // Atom ids and RDF rdf:about are rss-parser's `id` / `rdf:about`; our
  // model calls all of them guid.
  for (const value of [item.guid, item.id, item['rdf:about']]) {
    if (typeof value === 'string' && value.trim() && value !== 'EMPTY') {
      return value.trim();
    }
  }
  return null;
}

/**
 * Equal, except that a U+FFFD in the expectation matches any one non-ASCII
 * character or space: upstream generated uolNoticias.json by reading the
 * latin1 file as UTF-8, so its titles hold replacement characters where we
 * have the right letters (and a space where the byte was a no-break space,
 * which we collapse).
 */
function sameField(want: string | null, got: string | null): boolean {
  if (want === got) return true;
  if (want === null || got === null || !want.includes('\ufffd')) return false;
  const pattern = want
    .split('\ufffd')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?:[^\\x00-\\x7f]| )');
  replacementMatches += 1;
  return new RegExp(`^${pattern}$`).test(got);
}

let replacementMatches = 0;
let titlesNormalized = 0;
const totals = { items: 0, fields: 0, present: 0 };

const rssParserCases = readdirSync(path.join(RSS_PARSER, 'output'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('rss-parser cases: title, link, guid and date match', () => {
  const results: string[] = [];
  afterAll(() => {
    console.log(
      `rss-parser cases: ${results.length} files, ${totals.items} items, ` +
        `${totals.fields} fields compared (${totals.present} non-null); ` +
        `${titlesNormalized} titles differ from rss-parser's raw string ` +
        `before markup/whitespace normalization; ${replacementMatches} ` +
        `fields matched through U+FFFD wildcards\n  ` +
        results.join('\n  '),
    );
  });

  it.each(rssParserCases)('%s', async (name) => {
    const input = readdirSync(path.join(RSS_PARSER, 'input')).find(
      (f) => f.replace(/\.[^.]+$/, '') === name,
    );
    expect(input, `input for ${name}`).toBeDefined();
    // SOURCE.md: encoding.json is itself stored in latin1.
    const raw = readFileSync(path.join(RSS_PARSER, 'output', `${name}.json`));
    const json = raw.toString(name === 'encoding' ? 'latin1' : 'utf8');
    const expected = (JSON.parse(json) as { feed: { items: ExpectedItem[] } })
      .feed.items;
    const outcome = await attempt(
      readFileSync(path.join(RSS_PARSER, 'input', input!)),
    );
    if (!outcome.ok) throw outcome.error;
    const items = outcome.feed.items;

    // Duplicate ids are dropped by design; compare against the expectation
    // with the same duplicates dropped (first one kept).
    expect(items.length, 'item count').toBeLessThanOrEqual(expected.length);
    let fields = 0;
    let present = 0;
    let j = 0;
    const mismatches: string[] = [];
    for (const exp of expected) {
      const ours = items[j];
      const want = {
        title: expectedText(exp.title),
        link: expectedLink(exp.link),
        guid: expectedGuid(exp),
        publishedAt: typeof exp.isoDate === 'string' ? exp.isoDate : null,
      };
      const got = ours && {
        title: ours.title,
        link: ours.link,
        guid: ours.guid,
        publishedAt: ours.publishedAt,
      };
      if (
        got === undefined ||
        (want.guid !== got.guid &&
          j > 0 &&
          items.slice(0, j).some((i) => i.guid === want.guid))
      ) {
        continue; // a duplicate we dropped
      }
      for (const key of Object.keys(want) as (keyof typeof want)[]) {
        fields += 1;
        if (want[key] !== null) present += 1;
        if (!sameField(want[key], got[key])) {
          mismatches.push(
            `item ${j} ${key}: want ${JSON.stringify(want[key])}, ` +
              `got ${JSON.stringify(got[key])}`,
          );
        }
      }
      if (typeof exp.title === 'string' && exp.title !== got.title) {
        titlesNormalized += 1;
      }
      j += 1;
    }
    totals.items += items.length;
    totals.fields += fields;
    totals.present += present;
    results.push(
      `${name}: ${items.length} items, ${fields} fields (${present} non-null)`,
    );
    expect(j, 'items compared').toBe(items.length);
    expect(mismatches).toEqual([]);
  });

  it('unrecognized.rss (an HTML "Document Moved" page) fails', async () => {
    const outcome = await attempt(
      readFileSync(path.join(RSS_PARSER, 'input/unrecognized.rss')),
    );
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: StageError }).error;
    expect(error).toBeInstanceOf(StageError);
    expect(error.code).toBe('not_a_feed');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/is not an RSS, Atom or JSON feed/);
  });

  it('itunes-missing-image.rss (no expected output) parses', async () => {
    const outcome = await attempt(
      readFileSync(path.join(RSS_PARSER, 'input/itunes-missing-image.rss')),
    );
    expect(outcome.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// feedparser: encoding cases

/** Python string literal ('…' or u'…') → JS string. */
function pyString(literal: string): string {
  const body = /^u?(['"])([\s\S]*)\1$/.exec(literal.trim());
  if (!body) throw new Error(`not a Python string literal: ${literal}`);
  return body[2]!.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g,
    (_, esc: string) => {
      if (/^[xuU]/.test(esc)) {
        return String.fromCodePoint(parseInt(esc.slice(1), 16));
      }
      return { n: '\n', t: '\t', r: '\r' }[esc] ?? esc;
    },
  );
}

/** Python codec name (as feedparser reports it) → a way to decode bytes. */
function referenceDecode(bytes: Uint8Array, encoding: string): string {
  const name = encoding.toLowerCase();
  if (name === 'utf-32be' || name === 'utf-32le') {
    const le = name.endsWith('le');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let s = '';
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
      s += String.fromCodePoint(view.getUint32(i, le));
    }
    return s.replace(/^\ufeff/, '');
  }
  // Python's us-ascii would fail on high bytes; these files have none, so
  // any ASCII superset is an exact reference.
  const label = name === 'us-ascii' ? 'windows-1252' : name;
  return new TextDecoder(label).decode(bytes).replace(/^\ufeff/, '');
}

/**
 * Files whose expectation cannot be stated in our model, and why. They are
 * still required to parse or fail classified (first test above).
 */
const UNMAPPABLE: Record<string, string> = {
  'bozo_http_i18n.xml':
    'asserts the type of bozo_exception (CharacterEncodingOverride); we ' +
    'have no bozo flag. Its title is checked by http_i18n.xml instead.',
  'bozo_linenoise.xml':
    "expects feedparser's own mojibake after its bozo fallback to " +
    'windows-1252, not the right characters',
  'euc-kr-attribute.xml':
    'the character sits in an HTML attribute (<img alt>), which our ' +
    'plain-text summary drops by design',
  'bozo_double-encoded-html.xml':
    'the same mojibake repair as double-encoded-html.xml, but the ' +
    'expectation relies on bozo (the file is not well-formed)',
};

interface EncodingCase {
  file: string;
  expect: string;
  contentType: string | undefined;
}

const encodingCases: EncodingCase[] = readdirSync(ENCODING)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((file) => {
    const header = feedparserHeader(readFileSync(path.join(ENCODING, file)));
    return {
      file,
      expect: header.Expect ?? '',
      contentType: contentTypeOf(header.Header),
    };
  });

/** The characters our model exposes, for whole-feed comparisons. */
function visibleText(feed: ParsedFeed): unknown {
  return {
    title: feed.title,
    link: feed.link,
    items: feed.items.map((i) => [i.title, i.link, i.guid, i.summary]),
  };
}

type Check =
  | { kind: 'encoding'; encoding: string }
  | { kind: 'value'; field: 'feed.title' | 'summary' | 'title'; value: string }
  | { kind: 'parses' };

/**
 * Translate the handful of Expect shapes that occur. `bozo`/`not bozo` are
 * dropped: we have no such flag, and the acceptance asks for characters.
 */
function translate(expectation: string): Check | null {
  const e = expectation.replace(/^\s*(?:not\s+)?bozo\s*(?:and\s*)?/, '');
  let m = /^encoding == '([^']+)'$/.exec(e);
  if (m) return { kind: 'encoding', encoding: m[1]! };
  m = /^feed\['title'\] == (u?'.*')$/.exec(e);
  if (m) return { kind: 'value', field: 'feed.title', value: pyString(m[1]!) };
  m =
    /^entries\[0\](?:\['(?:description|summary)'\]|\.summary) == (u?'.*')$/.exec(
      e,
    );
  if (m) return { kind: 'value', field: 'summary', value: pyString(m[1]!) };
  m = /^entries\[0\]\['title'\] == (u?'.*')$/.exec(e);
  if (m) return { kind: 'value', field: 'title', value: pyString(m[1]!) };
  m = /^ord\(entries\[0\]\['description'\]\) == (\d+)$/.exec(e);
  if (m) {
    return {
      kind: 'value',
      field: 'summary',
      value: String.fromCodePoint(Number(m[1])),
    };
  }
  if (e === '' || e === '1') return { kind: 'parses' };
  return null;
}

describe('feedparser encoding cases: the right characters', () => {
  it('every Expect line is either translated or listed as unmappable', () => {
    const untranslated = encodingCases
      .filter((c) => !(c.file in UNMAPPABLE) && translate(c.expect) === null)
      .map((c) => `${c.file}: ${c.expect}`);
    expect(untranslated).toEqual([]);
    const counts = { encoding: 0, value: 0, parses: 0, unmappable: 0 };
    for (const c of encodingCases) {
      if (c.file in UNMAPPABLE) counts.unmappable += 1;
      else counts[translate(c.expect)!.kind] += 1;
    }
    console.log(
      `feedparser encoding: ${encodingCases.length} files, ` +
        JSON.stringify(counts),
    );
  });

  it.each(encodingCases.filter((c) => !(c.file in UNMAPPABLE)))(
    '$file',
    async ({ file, expect: expectation, contentType }) => {
      const bytes = readFileSync(path.join(ENCODING, file));
      const check = translate(expectation)!;
      const outcome = await attempt(bytes, contentType);
      if (check.kind === 'parses') {
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(StageError);
        return;
      }
      if (!outcome.ok) throw outcome.error;
      const feed = outcome.feed;
      expect(JSON.stringify(visibleText(feed))).not.toContain('\ufffd');
      if (check.kind === 'value') {
        const got =
          check.field === 'feed.title'
            ? feed.title
            : check.field === 'title'
              ? feed.items[0]?.title
              : feed.items[0]?.summary;
        // Our fields are plain text: compare with the expectation's text.
        expect(got).toBe(htmlToText(check.value));
        return;
      }
      // `encoding == X`: decoding the bytes as X by reference, re-encoding
      // as declared UTF-8 and parsing that gives the same characters.
      const text = referenceDecode(bytes, check.encoding).replace(
        /^(<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']/,
        '$1"utf-8"',
      );
      const reference = await attempt(
        new TextEncoder().encode(text),
        'application/xml; charset=utf-8',
      );
      if (!reference.ok) throw reference.error;
      expect(visibleText(feed)).toEqual(visibleText(reference.feed));
    },
  );
});
