import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

const SECRET = 'whsec_K-County-test-secret';
const BODY = '{"deliveryId":"5b7c9e2a-0000-4000-8000-000000000001","event":"outcome.recorded"}';

describe('webhook signature (HMAC-SM3 over "<timestamp>.<body>")', () => {
  it('matches vectors computed independently with the OpenSSL command line', () => {
    // printf '%s' '1767225600.<body>' | openssl dgst -sm3 -hmac 'whsec_K-County-test-secret'
    expect(signWebhookBody(SECRET, 1767225600, BODY)).toBe(
      'sm3=ec024b1e50b2afce4502ce52862430b50310674a453eca4acb9b028a8816a45f',
    );
    // Chinese text is signed as its UTF-8 bytes.
    expect(signWebhookBody(SECRET, 1767225600, '容错')).toBe(
      'sm3=f03e6500ebe59ebd1e303fdfc3872b0588a8091e34912e3bb1c9f8d58ed2d9ed',
    );
  });

  it('verifies its own signature within the tolerance, and nothing else', () => {
    const sig = signWebhookBody(SECRET, 1767225600, BODY);
    const ok = (over: Partial<{ ts: string; sig: string; body: string; now: number; secret: string }>) =>
      verifyWebhookSignature(
        over.secret ?? SECRET,
        { timestamp: over.ts ?? '1767225600', signature: over.sig ?? sig },
        over.body ?? BODY,
        over.now ?? 1767225600 + 299,
        300,
      );
    expect(ok({})).toBe(true);
    expect(ok({ sig: sig.toUpperCase().replace('SM3=', 'sm3=') })).toBe(true);
    expect(ok({ now: 1767225600 + 301 })).toBe(false);
    expect(ok({ now: 1767225600 - 301 })).toBe(false);
    expect(ok({ body: `${BODY} ` })).toBe(false);
    expect(ok({ ts: '1767225601' })).toBe(false);
    expect(ok({ secret: `${SECRET}x` })).toBe(false);
    expect(ok({ sig: 'sm3=' })).toBe(false);
    expect(ok({ ts: 'abc' })).toBe(false);
    expect(
      verifyWebhookSignature(SECRET, { timestamp: undefined, signature: sig }, BODY, 1767225600, 300),
    ).toBe(false);
  });

  it('makes a fresh, long, URL-safe secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
