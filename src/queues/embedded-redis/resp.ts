/**
 * Bare RESP exchanges over one socket, with no client library and no
 * reconnects: a PING for readiness checks and one inline command (SHUTDOWN).
 */
import net from 'node:net';

/**
 * PING a Redis server with a bare RESP exchange (no client library, no
 * reconnects), for readiness checks.
 *
 * @returns 'pong', 'loading' while it loads its data, or 'down'.
 */
export function pingRedis(
  target: { path: string } | { host: string; port: number },
  timeoutMs = 1_000,
): Promise<'pong' | 'loading' | 'down'> {
  return new Promise((resolve) => {
    let settled = false;
    let buf = '';
    const sock = net.createConnection(target);
    const done = (result: 'pong' | 'loading' | 'down'): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('down'), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (!buf.includes('\r\n')) return;
      if (buf.startsWith('+PONG')) done('pong');
      else if (buf.startsWith('-LOADING')) done('loading');
      else done('down');
    });
    sock.on('error', () => done('down'));
    sock.on('close', () => done('down'));
  });
}

/** Send one inline command and wait for the first reply line or close. */
export function sendCommand(
  target: { path: string },
  command: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    let settled = false;
    let buf = '';
    const sock = net.createConnection(target);
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(buf);
    };
    const timer = setTimeout(done, timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${command}\r\n`));
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.includes('\r\n')) done();
    });
    sock.on('error', done);
    sock.on('close', done);
  });
}
