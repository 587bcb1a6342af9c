import net from 'node:net';

/**
 * Ask the kernel for a free loopback port. Another process could take it
 * before the caller binds it; the start then fails loudly rather than
 * flakily passing.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
