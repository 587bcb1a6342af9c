import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  at: number;
}

/**
 * A local HTTP server with fixed routes (path → status, type, body), that
 * records each request with its time.
 */
export class FixtureServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<
    string,
    { status: number; type: string; body: string; location?: string }
  >();
  private server: Server | null = null;

  route(
    path: string,
    body: string,
    type = 'text/html; charset=utf-8',
    status = 200,
  ): this {
    this.routes.set(path, { status, type, body });
    return this;
  }

  /** Answers `path` with a redirect to `location`. */
  redirect(path: string, location: string, status = 302): this {
    this.routes.set(path, { status, type: 'text/plain', body: '', location });
    return this;
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** For TROOPWATCH_ALLOW_PRIVATE_HOSTS. */
  get hostPort(): string {
    return this.origin.replace('http://', '');
  }

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      this.requests.push({ path, at: Date.now() });
      // Routes match the path; query strings (tracking parameters) do not matter.
      const route =
        this.routes.get(path) ?? this.routes.get(path.split('?')[0]!);
      res.statusCode = route?.status ?? 404;
      res.setHeader('content-type', route?.type ?? 'text/plain');
      if (route?.location) res.setHeader('location', route.location);
      res.end(route?.body ?? 'not found');
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
    this.server = null;
  }
}

/** Closes a test server, its open connections included. */
export async function closeServer(server: Server | null): Promise<void> {
  if (server === null) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A minimal RSS 2.0 feed of the given items. */
export function rssFeed(
  items: Array<{ title: string; link: string; guid?: string }>,
): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid ?? i.link}</guid>` +
        '<pubDate>Mon, 04 Nov 2024 10:00:00 GMT</pubDate></item>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title><link>http://example.org/</link><description>t</description>${entries}</channel></rss>`;
}

/** A small news page that Readability can read. */
export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Home | World</nav><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>© Example News</footer></body></html>`;
}
