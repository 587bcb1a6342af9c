import { createHmac } from 'node:crypto';

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks signing: `v1,<base64 HMAC-SHA256 of id.timestamp.body>`,
 * keyed with the base64 bytes after `whsec_`. The timestamp is the time of
 * this attempt (receivers reject stale ones); the id is the same on every
 * attempt so that receivers can deduplicate.
 */
export function signWebhook(input: {
  id: string;
  body: string;
  secret: string;
  timestampSeconds: number;
}): WebhookHeaders {
  const key = Buffer.from(input.secret.replace(/^whsec_/, ''), 'base64');
  const timestamp = String(Math.floor(input.timestampSeconds));
  const signature = createHmac('sha256', key)
    .update(`${input.id}.${timestamp}.${input.body}`)
    .digest('base64');
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
