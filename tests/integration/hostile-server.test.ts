import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  safeFetch,
  type SafeFetchOptions,
} from '../../src/shared/fetch/safe-fetch.js';
import { decodeText } from '../../src/shared/fetch/decode-content.js';
import { StageError, type StageErrorCode } from '../../src/shared/errors.js';
import { closeServer } from '../helpers/http-fixture.js';

/** 200 MB of zeros, gzipped to about 200 KB. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => gzip.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 200; i++) gzip.write(zeros);
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

/** A server that misbehaves in every way a page or feed can. */
async function startHostile(bomb: Buffer, victimPort: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>x</p>'), 200);
      res.on('close', () => clearInterval(timer));
    } else if (path === '/silent') {
      // Accepts the request and never answers.
    } else if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
      };
      res.on('drain', pump);
      pump();
    } else if (path === '/fifty') {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-length': String(50 * 1024 * 1024),
      });
      res.write(Buffer.alloc(1024 * 1024, 'b'));
    } else if (path === '/fifty-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const chunk = Buffer.alloc(1024 * 1024, 'c');
      const pump = (): void => {
        while (sent < 50 && res.write(chunk)) sent += 1;
        if (sent >= 50) res.end();
      };
      res.on('drain', pump);
      pump();
    } else if (path === '/bomb') {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
      });
      res.end(bomb);
    } else if (path === '/corrupt-gzip') {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
      });
      res.end(Buffer.from('this is not gzip at all'));
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (path === '/to-loopback') {
      res
        .writeHead(302, { location: `http://127.0.0.1:${victimPort}/secret` })
        .end();
    } else if (path === '/to-metadata') {
      res
        .writeHead(301, {
          location: 'http://169.254.169.254/latest/meta-data/',
        })
        .end();
    } else if (path === '/image') {
      res
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === '/invalid-bytes') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        Buffer.concat([
          Buffer.from('<p>Gr'),
          Buffer.from([0xf6, 0xdf, 0xff, 0xfe]),
          Buffer.from('e</p>'),
        ]),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

describe('safeFetch against a hostile server', () => {
  let hostile: Server;
  let victim: Server;
  const victimHits: string[] = [];
  let base: string;
  let opts: SafeFetchOptions;

  beforeAll(async () => {
    victim = createServer((req, res) => {
      victimHits.push(req.url ?? '/');
      res.end('secret');
    });
    await new Promise<void>((r) => victim.listen(0, '127.0.0.1', r));
    const victimPort = (victim.address() as AddressInfo).port;
    hostile = await startHostile(await gzipBomb(), victimPort);
    const port = (hostile.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    // Only the hostile server itself is allowed; the victim on another port is not.
    opts = {
      allowPrivateHosts: [`127.0.0.1:${port}`],
      userAgent: 'troopwatch-test',
      timeoutMs: 1000,
      deadlineMs: 3000,
      accept: ['text/html'],
    };
  });
  afterAll(async () => {
    await closeServer(hostile);
    await closeServer(victim);
  });

  it.each<[string, string, StageErrorCode, boolean]>([
    ['a slow drip body', '/drip', 'timeout', true],
    ['a server that never answers', '/silent', 'timeout', true],
    ['an endless body', '/endless', 'too_large', false],
    ['a 50 MB body (announced)', '/fifty', 'too_large', false],
    ['a 50 MB body (chunked)', '/fifty-chunked', 'too_large', false],
    ['a gzip bomb', '/bomb', 'too_large', false],
    ['a corrupt gzip body', '/corrupt-gzip', 'invalid_body', false],
    ['a redirect loop', '/loop', 'too_many_redirects', false],
    [
      'a redirect to a loopback service',
      '/to-loopback',
      'blocked_address',
      false,
    ],
    [
      'a redirect to the metadata address',
      '/to-metadata',
      'blocked_address',
      false,
    ],
    ['a wrong content type', '/image', 'not_html', false],
  ])(
    '%s ends in time with its error code',
    async (_name, path, code, retryable) => {
      const started = Date.now();
      const err = await safeFetch(`${base}${path}`, opts).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StageError);
      expect((err as StageError).code).toBe(code);
      expect((err as StageError).retryable).toBe(retryable);
      // Within the deadline, with room for a loaded machine.
      expect(Date.now() - started).toBeLessThan(8000);
    },
  );

  it('invalid bytes come through and decode without throwing', async () => {
    const res = await safeFetch(`${base}/invalid-bytes`, opts);
    expect(decodeText(res.body)).toContain('Gr');
  });

  it('never reached the private service, and memory stayed bounded', async () => {
    const before = process.memoryUsage().rss;
    for (const path of ['/bomb', '/endless', '/fifty-chunked', '/bomb']) {
      await safeFetch(`${base}${path}`, opts).catch(() => undefined);
    }
    // Each body stops at the 10 MB cap; without it these would hold 200+ MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * 1024 * 1024);
    expect(victimHits).toEqual([]);
  });
});
