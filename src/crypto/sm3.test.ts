import { describe, expect, it } from 'vitest';
import { hmacSm3Bytes, hmacSm3Hex, sm3Bytes, sm3Hex } from './sm3.ts';

describe('SM3 (GB/T 32905-2016 Annex A)', () => {
  it('hashes example 1, "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes example 2, "abcd" × 16 (64 bytes, two blocks after padding)', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('hashes text as UTF-8, the same as its bytes', () => {
    const text = '容错纠错';
    expect(sm3Hex(text)).toBe(sm3Hex(new TextEncoder().encode(text)));
    expect(Buffer.from(sm3Bytes(text)).toString('hex')).toBe(sm3Hex(text));
  });
});

describe('HMAC-SM3', () => {
  it('matches the RFC 2104 construction computed by hand with SM3', () => {
    const key = Buffer.from('key-for-hmac-sm3');
    const message = 'The quick brown fox jumps over the lazy dog';
    const block = Buffer.alloc(64);
    key.copy(block);
    const inner = Buffer.from(sm3Bytes(Buffer.concat([block.map((b) => b ^ 0x36), Buffer.from(message)])));
    const expected = sm3Hex(Buffer.concat([block.map((b) => b ^ 0x5c), inner]));
    expect(hmacSm3Hex(key, message)).toBe(expected);
  });

  it('feeds several parts as one concatenated message', () => {
    expect(Buffer.from(hmacSm3Bytes('k', 'ab', new Uint8Array([0x63]))).toString('hex')).toBe(
      hmacSm3Hex('k', 'abc'),
    );
  });
});
