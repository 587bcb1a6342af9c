import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { signWebhook } from '../../src/shared/alert/webhook-signature.js';

const SECRET = `whsec_${Buffer.from('troopwatch-test-secret-0123456789').toString('base64')}`;

describe('signWebhook', () => {
  it('produces headers the official standardwebhooks verifier accepts', () => {
    const body = JSON.stringify({
      type: 'claim.new',
      data: {
        key: 'KP|presence|soldiers|12000',
        text: 'rund 12.000 Soldaten – „Zitat“',
      },
    });
    const headers = signWebhook({
      id: 'msg_abc',
      body,
      secret: SECRET,
      timestampSeconds: Date.now() / 1000,
    });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(SECRET).verify(body, { ...headers })).toMatchObject({
      type: 'claim.new',
    });
  });

  it('is rejected with another secret, a changed body or a stale timestamp', () => {
    const body = '{"type":"claim.new"}';
    const fresh = signWebhook({
      id: 'msg_1',
      body,
      secret: SECRET,
      timestampSeconds: Date.now() / 1000,
    });
    const other = `whsec_${Buffer.from('another-secret-another-secret-xx').toString('base64')}`;
    expect(() => new Webhook(other).verify(body, { ...fresh })).toThrow();
    expect(() =>
      new Webhook(SECRET).verify('{"type":"claim.old"}', { ...fresh }),
    ).toThrow();
    const stale = signWebhook({
      id: 'msg_1',
      body,
      secret: SECRET,
      timestampSeconds: Date.now() / 1000 - 3600,
    });
    expect(() => new Webhook(SECRET).verify(body, { ...stale })).toThrow();
  });
});
