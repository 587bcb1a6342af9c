import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from '../helpers/http-fixture.js';
import { safeFetch } from '../../src/shared/fetch/safe-fetch.js';
import { StageError } from '../../src/shared/errors.js';

describe('safeFetch refuses non-public addresses unless allowed', () => {
  const server = new FixtureServer();
  const other = new FixtureServer();
  beforeAll(async () => {
    await server.start();
    await other.start();
    server.route('/page', '<html><body>ok</body></html>');
    other.route('/page', 'secret');
  });
  afterAll(async () => {
    await server.stop();
    await other.stop();
  });

  const opts = {
    allowPrivateHosts: [] as string[],
    userAgent: 'troopwatch-test',
  };

  it.each([
    ['loopback literal', () => `${server.origin}/page`],
    [
      'localhost name',
      () => `${server.origin.replace('127.0.0.1', 'localhost')}/page`,
    ],
    ['metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    [
      'IPv4-mapped IPv6 loopback',
      () => `http://[::ffff:127.0.0.1]:${new URL(server.origin).port}/page`,
    ],
  ])('%s is refused without a request', async (_name, url) => {
    const before = server.requests.length;
    const err = await safeFetch(url(), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StageError);
    expect((err as StageError).code).toBe('blocked_address');
    expect((err as StageError).retryable).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['another loopback port', () => `${other.origin}/page`],
  ])(
    'a redirect from an allowed host to %s is refused at the hop',
    async (_name, target) => {
      server.redirect('/hop', target());
      const err = await safeFetch(`${server.origin}/hop`, {
        ...opts,
        allowPrivateHosts: [server.hostPort],
      }).catch((e: unknown) => e);
      expect((err as StageError).code).toBe('blocked_address');
      expect(other.requests).toHaveLength(0);
    },
  );

  it('an allowed host is fetched, redirects followed up to five hops', async () => {
    for (let i = 0; i < 5; i++) server.redirect(`/r${i}`, `/r${i + 1}`);
    server.route('/r5', '<html><body>ok</body></html>');
    const res = await safeFetch(`${server.origin}/r0`, {
      ...opts,
      allowPrivateHosts: [server.hostPort],
    });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${server.origin}/r5`);
    server.redirect('/loop', '/loop');
    const err = await safeFetch(`${server.origin}/loop`, {
      ...opts,
      allowPrivateHosts: [server.hostPort],
    }).catch((e: unknown) => e);
    expect((err as StageError).code).toBe('too_many_redirects');
  });
});
