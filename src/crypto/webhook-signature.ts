/**
 * Signing webhook deliveries (and verifying acknowledgements) with HMAC-SM3: the signature covers
 * the timestamp and the exact body bytes, `HMAC-SM3(secret, "<timestamp>.<body>")`, so neither can be
 * changed or replayed later without the secret. The secret is the string shown once when the
 * subscription was registered, used as its UTF-8 bytes. See docs/INTEGRATION.md.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3Hex } from './sm3.ts';

/** Request headers of a signed delivery or acknowledgement. */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-rongcuo-timestamp',
  signature: 'x-rongcuo-signature',
  delivery: 'x-rongcuo-delivery',
  event: 'x-rongcuo-event',
} as const;

/** The scheme prefix of the signature header value: `sm3=<64 hex>`. */
export const SIGNATURE_SCHEME = 'sm3';

/** A new subscription secret: 32 random bytes, base64url, with a recognisable prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The header value signing `body` sent at `timestamp` (Unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `${SIGNATURE_SCHEME}=${hmacSm3Hex(secret, `${timestamp}.${body}`)}`;
}

/**
 * Whether `signature` is the HMAC-SM3 of `<timestamp>.<body>` under `secret`, with the timestamp
 * within `toleranceSeconds` of `nowSeconds`. Compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds: number,
): boolean {
  const { timestamp, signature } = header;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, Number(timestamp), body));
  const given = Buffer.from(signature.trim().toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
