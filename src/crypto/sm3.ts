/**
 * SM3 hash (GB/T 32905-2016) and HMAC-SM3, straight from node:crypto (OpenSSL 3 ships both).
 */
import { createHash, createHmac } from 'node:crypto';

/** Bytes or text; text is hashed as its UTF-8 encoding. */
export type BytesLike = string | Uint8Array;

/** SM3 digest as 64 lowercase hex characters. */
export function sm3Hex(data: BytesLike): string {
  return createHash('sm3').update(data).digest('hex');
}

/** SM3 digest as 32 raw bytes. */
export function sm3Bytes(data: BytesLike): Uint8Array {
  return new Uint8Array(createHash('sm3').update(data).digest());
}

/** HMAC-SM3 as 64 lowercase hex characters. */
export function hmacSm3Hex(key: BytesLike, data: BytesLike): string {
  return createHmac('sm3', key).update(data).digest('hex');
}

/** HMAC-SM3 as 32 raw bytes; `parts` are fed in order, as if concatenated. */
export function hmacSm3Bytes(key: BytesLike, ...parts: BytesLike[]): Uint8Array {
  const hmac = createHmac('sm3', key);
  for (const part of parts) hmac.update(part);
  return new Uint8Array(hmac.digest());
}
