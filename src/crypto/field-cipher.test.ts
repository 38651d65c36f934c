import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { Keyring, generateKeyMaterial, parseKeyMaterial } from './field-cipher.ts';

const KEY_A = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const KEY_B = 'f0e0d0c0b0a090807060504030201000ffeeddccbbaa99887766554433221100';

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('SM4 as node:crypto provides it', () => {
  it('encrypts the GB/T 32907-2016 Annex A example 1 block (ECB, no padding)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('Keyring field encryption', () => {
  const keyring = new Keyring([{ id: 'k1', material: KEY_A }], 'k1');

  it('round-trips text, including Chinese and the empty string', () => {
    for (const text of ['330102199001011234', '举报内容：某某在项目中违规决策。', '', 'x'.repeat(1000)]) {
      expect(keyring.decrypt(keyring.encrypt(text))).toBe(text);
    }
  });

  it('produces the compact v1 format, with a fresh IV every time', () => {
    const first = keyring.encrypt('13812345678');
    const second = keyring.encrypt('13812345678');
    expect(first).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('rejects a change to any single character of the token with a typed error', () => {
    const token = keyring.encrypt('330102199001011234');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === '.') continue;
      const replacement = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const changed = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(['crypto.ciphertext_invalid', 'crypto.key_unknown']).toContain(
        errorCode(() => keyring.decrypt(changed)),
      );
    }
  });

  it('rejects truncated, extended, re-ordered and malformed tokens', () => {
    const token = keyring.encrypt('secret');
    const [v, id, iv, ct, mac] = token.split('.') as [string, string, string, string, string];
    for (const bad of [
      token.slice(0, -1),
      `${token}A`,
      [v, id, iv, ct].join('.'),
      [v, id, ct, iv, mac].join('.'),
      ['v2', id, iv, ct, mac].join('.'),
      [v, id, iv, `${ct}${ct}`, mac].join('.'),
      '',
      'not a token',
    ]) {
      expect(errorCode(() => keyring.decrypt(bad))).toBe('crypto.ciphertext_invalid');
    }
  });

  it('binds the token to its context: a token moved to another row or column fails', () => {
    const token = keyring.encrypt('330102199001011234', 'cadre.id_number:1');
    expect(keyring.decrypt(token, 'cadre.id_number:1')).toBe('330102199001011234');
    expect(errorCode(() => keyring.decrypt(token, 'cadre.id_number:2'))).toBe('crypto.ciphertext_invalid');
    expect(errorCode(() => keyring.decrypt(token))).toBe('crypto.ciphertext_invalid');
  });

  it('refuses a token whose key id is not in the keyring', () => {
    const other = new Keyring([{ id: 'k9', material: KEY_B }], 'k9');
    expect(errorCode(() => keyring.decrypt(other.encrypt('x')))).toBe('crypto.key_unknown');
  });

  it('refuses a token encrypted under another key that reuses the same id', () => {
    const impostor = new Keyring([{ id: 'k1', material: KEY_B }], 'k1');
    expect(errorCode(() => keyring.decrypt(impostor.encrypt('x')))).toBe('crypto.ciphertext_invalid');
  });

  it('rotates: old tokens still decrypt after a new key becomes active', () => {
    const oldToken = keyring.encrypt('13812345678');
    const rotated = new Keyring(
      [
        { id: 'k1', material: KEY_A },
        { id: 'k2', material: KEY_B },
      ],
      'k2',
      'k1',
    );
    const newToken = rotated.encrypt('13812345678');
    expect(newToken.startsWith('v1.k2.')).toBe(true);
    expect(rotated.decrypt(oldToken)).toBe('13812345678');
    expect(rotated.needsReencryption(oldToken)).toBe(true);
    expect(rotated.needsReencryption(newToken)).toBe(false);
    expect(errorCode(() => keyring.decrypt(newToken))).toBe('crypto.key_unknown');
    // The blind index is pinned to k1, so look-ups keep working across the rotation.
    expect(rotated.blindIndex('330102199001011234')).toBe(keyring.blindIndex('330102199001011234'));
  });
});

describe('blind index', () => {
  const keyring = new Keyring([{ id: 'k1', material: KEY_A }], 'k1');

  it('is deterministic, 64 hex characters, and different per value, purpose and key', () => {
    const index = keyring.blindIndex('330102199001011234', 'id_number');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(keyring.blindIndex('330102199001011234', 'id_number')).toBe(index);
    expect(keyring.blindIndex('330102199001011235', 'id_number')).not.toBe(index);
    expect(keyring.blindIndex('330102199001011234', 'mobile')).not.toBe(index);
    const otherKey = new Keyring([{ id: 'k1', material: KEY_B }], 'k1');
    expect(otherKey.blindIndex('330102199001011234', 'id_number')).not.toBe(index);
  });

  it('does not confuse the boundary between purpose and value', () => {
    expect(keyring.blindIndex('bc', 'a')).not.toBe(keyring.blindIndex('c', 'ab'));
  });
});

describe('key material and keyring configuration', () => {
  it('accepts 64 hex characters, base64 and base64url, and raw bytes', () => {
    const bytes = Buffer.from(KEY_A, 'hex');
    for (const form of [
      KEY_A,
      bytes.toString('base64'),
      bytes.toString('base64url'),
      new Uint8Array(bytes),
    ]) {
      expect(Buffer.from(parseKeyMaterial(form)).equals(bytes)).toBe(true);
    }
    expect(parseKeyMaterial(generateKeyMaterial())).toHaveLength(32);
  });

  it('refuses short keys, bad ids, duplicates and a missing active key', () => {
    expect(errorCode(() => parseKeyMaterial('00'.repeat(16)))).toBe('crypto.key_invalid');
    expect(errorCode(() => parseKeyMaterial(new Uint8Array(31)))).toBe('crypto.key_invalid');
    expect(errorCode(() => new Keyring([{ id: 'a.b', material: KEY_A }], 'a.b'))).toBe('crypto.key_invalid');
    const twice = [
      { id: 'k1', material: KEY_A },
      { id: 'k1', material: KEY_B },
    ];
    expect(errorCode(() => new Keyring(twice, 'k1'))).toBe('crypto.key_invalid');
    expect(errorCode(() => new Keyring([{ id: 'k1', material: KEY_A }], 'k2'))).toBe('crypto.key_invalid');
    expect(errorCode(() => new Keyring([{ id: 'k1', material: KEY_A }], 'k1', 'k0'))).toBe(
      'crypto.key_invalid',
    );
  });
});
