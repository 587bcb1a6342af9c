import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testEnv } from '../helpers/cli.js';

/**
 * A server that speaks just enough RESP to pass for an old Redis: it answers
 * INFO with `redis_version:5.0.7` and everything else with +OK / +PONG.
 */
function startOldRedis(): Promise<Server> {
  const server = createServer((socket: Socket) => {
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // Each command is a RESP array; answer once per complete command line set.
      for (;;) {
        const match = /^\*(\d+)\r\n/.exec(buffer);
        if (!match) return;
        const parts: string[] = [];
        let rest = buffer.slice(match[0].length);
        for (let i = 0; i < Number(match[1]); i++) {
          const bulk = /^\$(\d+)\r\n/.exec(rest);
          if (!bulk || rest.length < bulk[0].length + Number(bulk[1]) + 2)
            return;
          parts.push(
            rest.slice(bulk[0].length, bulk[0].length + Number(bulk[1])),
          );
          rest = rest.slice(bulk[0].length + Number(bulk[1]) + 2);
        }
        buffer = rest;
        const command = parts[0]!.toUpperCase();
        if (command === 'INFO') {
          const info = '# Server\r\nredis_version:5.0.7\r\nloading:0\r\n';
          socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        } else if (command === 'PING') socket.write('+PONG\r\n');
        else socket.write('+OK\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

describe('REDIS_URL pointing at a Redis older than 6.2', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startOldRedis();
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('is refused with a clear one-line message and exit 2', async () => {
    const port = (server.address() as AddressInfo).port;
    const res = await runCli(
      ['status'],
      await testEnv({ REDIS_URL: `redis://127.0.0.1:${port}` }),
    );
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/5\.0\.7/);
    expect(res.stderr).toMatch(/6\.2/);
  });
});
