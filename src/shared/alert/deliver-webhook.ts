/**
 * The alert stage's side of the wire: one signed Standard Webhooks POST
 * (`webhook-signature.ts`) and its outcome, classified for the retry
 * schedule. What is sent, and when, is decided by the alert worker.
 */
import { request } from 'undici';
import { signWebhook } from './webhook-signature.js';

export interface DeliveryAttempt {
  ok: boolean;
  /** HTTP status, or null when no response came. */
  status: number | null;
  /** A short reason for a failure. */
  error: string | null;
  /** The endpoint said 410 Gone: stop sending to it. */
  gone: boolean;
}

/**
 * POST one signed webhook. Webhook endpoints are the operator's own, so they
 * may be local; they are not subject to the private-address guard.
 */
export async function deliverWebhook(input: {
  url: string;
  secret: string;
  webhookId: string;
  body: string;
  userAgent: string;
  timeoutMs: number;
  now?: Date;
}): Promise<DeliveryAttempt> {
  const headers = signWebhook({
    id: input.webhookId,
    body: input.body,
    secret: input.secret,
    timestampSeconds: (input.now ?? new Date()).getTime() / 1000,
  });
  try {
    const res = await request(input.url, {
      method: 'POST',
      body: input.body,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': input.userAgent,
      },
      headersTimeout: input.timeoutMs,
      bodyTimeout: input.timeoutMs,
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    // Drain so the connection is reused; the answer's content is not used.
    await res.body.dump({ limit: 64 * 1024 });
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return {
      ok,
      status: res.statusCode,
      error: ok ? null : `endpoint answered ${res.statusCode}`,
      gone: res.statusCode === 410,
    };
  } catch (err) {
    const e = err as {
      code?: string;
      name?: string;
      message?: string;
      cause?: { code?: string };
    };
    const code = e.code ?? e.cause?.code ?? e.name ?? 'error';
    return {
      ok: false,
      status: null,
      error: `${code}: ${e.message ?? 'request failed'}`,
      gone: false,
    };
  }
}
