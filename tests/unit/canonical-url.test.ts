import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/shared/fetch/canonical-url.js';

describe('canonicalizeUrl', () => {
  it.each([
    [
      'lower-cases scheme and host',
      'HTTPS://WWW.Example.COM/News/A',
      'https://www.example.com/News/A',
    ],
    ['drops default ports', 'http://example.com:80/a', 'http://example.com/a'],
    [
      'drops the fragment',
      'https://example.com/a#comments',
      'https://example.com/a',
    ],
    [
      'drops tracking parameters',
      'https://example.com/a?utm_source=x&fbclid=1&gclid=2&id=7&mc_cid=9',
      'https://example.com/a?id=7',
    ],
    [
      'sorts the rest of the query',
      'https://example.com/a?b=2&a=1',
      'https://example.com/a?a=1&b=2',
    ],
    [
      'keeps a bare host without slash',
      'https://example.com/',
      'https://example.com',
    ],
    ['leaves non-URLs alone', 'seeds/000.txt', 'seeds/000.txt'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });
});
