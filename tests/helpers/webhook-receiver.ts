import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { closeServer } from './http-fixture.js';

export interface ReceivedWebhook {
  id: string;
  type: string;
  key: string;
  body: Record<string, unknown> & {
    data: { key: string; claim: Record<string, unknown> };
  };
  verified: boolean;
  receivedAt: number;
}

/**
 * A local webhook endpoint that checks every delivery with the official
 * `standardwebhooks` verifier and records it. `respondWith` decides the
 * status of each request (default 204).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  requests = 0;
  /** The status for the n-th request (1-based) carrying `webhookId`. */
  respondWith: (n: number, webhookId: string) => number | Promise<number> =
    () => 204;
  private server: Server | null = null;
  private readonly verifier: Webhook;

  constructor(readonly secret: string) {
    this.verifier = new Webhook(secret);
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hook`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        this.requests += 1;
        const status = await this.respondWith(
          this.requests,
          String(req.headers['webhook-id'] ?? ''),
        );
        if (status >= 200 && status < 300) {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
          );
          let verified = false;
          try {
            this.verifier.verify(raw, headers);
            verified = true;
          } catch {
            verified = false;
          }
          const body = JSON.parse(raw) as ReceivedWebhook['body'];
          this.received.push({
            id: headers['webhook-id']!,
            type: String(body.type),
            key: body.data.key,
            body,
            verified,
            receivedAt: Date.now(),
          });
        }
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(port, '127.0.0.1', resolve),
    );
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
    this.server = null;
  }

  distinctIds(): Set<string> {
    return new Set(this.received.map((r) => r.id));
  }
}

/** A fresh `whsec_` secret. */
export function makeSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
