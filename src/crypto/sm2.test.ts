import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SM2_USER_ID,
  generateSm2KeyPair,
  sm2MessageDigest,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm2Za,
} from './sm2.ts';

/**
 * GB/T 32918.5-2017 (= GM/T 0003.5-2012) Annex A, signature example on sm2p256v1. The user ID is
 * the default '1234567812345678' (not 'ALICE123@YAHOO.COM', which belongs to the Part 2 example on
 * a different, non-recommended curve). Values cross-checked with OpenSSL's sm2_internal_test.c and
 * other implementations; see docs/decisions/0002-sm2-library.md.
 */
const ANNEX_A = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: new TextEncoder().encode('message digest'),
  za: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
  e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  kG:
    '04' +
    '04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73' +
    'e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};
const ALICE = 'ALICE123@YAHOO.COM';
/** Same key, message and k with ID_A = ALICE: computed by sm-crypto 0.5.8 (jsbn, independent code). */
const ALICE_SIGNATURE =
  'b0e3e7d4ac2178f833ad73fa9d1191e41c76c8bfedb5ad89040ba2e5184bde58cc8d096578f7dd2669ac1ac42f7e722bcfa42b9e0be0b1b5df7ca0b53fdd5750';
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/** Signatures made by sm-crypto@0.5.8 (a second implementation, run once from /tmp) with its own key. */
const SM_CRYPTO_FIXTURES = {
  publicKey:
    '04f9a172cc058e6be7e098c72430093e3a053f5d91eb0b9054d29d5c24c7e2f8263f409a75877386f9ca96abe5b4b8e3feef5b620e9141306565253dd142c557e6',
  signatures: [
    {
      messageHex: '',
      userId: DEFAULT_SM2_USER_ID,
      signature:
        '1df7271dca2c4b4fb3502d3ed1a130266872a3285b72778ace7ae44b837969161f6c90d9e7a57e29b45a285e29f6cabeae18e5356952e001a7991a1745a85d45',
    },
    {
      messageHex: '616263',
      userId: DEFAULT_SM2_USER_ID,
      signature:
        '43a1da4eacff90bedf1f969fd28d9328515a20e61f1dc8a35df1f03750525117d795ff2ea1774471bea796edc585f3f4d45da1a175cd367f38a4beeab064b698',
    },
    {
      messageHex: 'e5aeb9e99499e5858de8b4a3e8aea4e5ae9ae4b9a6204be7baaae3809432303236e3809533e58fb7',
      userId: 'rongcuo@K县纪委',
      signature:
        'ad189ea2b2602bc24d3b391bb40fa215ee5f9604de97f35cd5ea78282ecd9d9988c7e8f56c57a09e8f5ebf015ca1261135aedbc2b998708f013387c03c0c146c',
    },
  ],
};

const hex = (bytes: Uint8Array | string) =>
  typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes, 'hex')) : bytes;

describe('SM2 against the standard example (GB/T 32918.5 Annex A)', () => {
  it('derives the public key from the private key', () => {
    expect(sm2PublicKeyFromPrivate(ANNEX_A.privateKey)).toBe(ANNEX_A.publicKey);
    expect(sm2PublicKeyFromPrivate(ANNEX_A.privateKey.toUpperCase())).toBe(ANNEX_A.publicKey);
  });

  it('computes Z_A and e = SM3(Z_A ‖ M) with the default user ID', () => {
    expect(sm2Za(ANNEX_A.publicKey)).toBe(ANNEX_A.za);
    expect(sm2MessageDigest(ANNEX_A.publicKey, ANNEX_A.message)).toBe(ANNEX_A.e);
  });

  it('signs to exactly the published r and s when the standard k is used', () => {
    // The library takes a precomputed (k, x1 = x(kG)) through pointPool: the same code path sm2Sign uses.
    const kG = sm2.getPublicKeyFromPrivateKey(ANNEX_A.k);
    expect(kG).toBe(ANNEX_A.kG);
    const point = { k: BigInt(`0x${ANNEX_A.k}`), x1: BigInt(`0x${kG.slice(2, 66)}`) };
    const signature = sm2.doSignature(ANNEX_A.message, ANNEX_A.privateKey, {
      hash: true,
      publicKey: ANNEX_A.publicKey,
      userId: DEFAULT_SM2_USER_ID,
      pointPool: [point],
    });
    expect(signature).toBe(ANNEX_A.r + ANNEX_A.s);
    const alice = sm2.doSignature(ANNEX_A.message, ANNEX_A.privateKey, {
      hash: true,
      publicKey: ANNEX_A.publicKey,
      userId: ALICE,
      pointPool: [{ ...point }],
    });
    expect(alice).toBe(ALICE_SIGNATURE);
  });

  it("verifies the standard's signature, and only for its message, key and user ID", () => {
    const signature = ANNEX_A.r + ANNEX_A.s;
    expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, signature)).toBe(true);
    expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, signature.toUpperCase())).toBe(true);
    expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, signature, ALICE)).toBe(false);
    expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, ALICE_SIGNATURE, ALICE)).toBe(true);
    expect(sm2Verify(ANNEX_A.publicKey, new TextEncoder().encode('message digesT'), signature)).toBe(false);
    expect(sm2Verify(generateSm2KeyPair().publicKeyHex, ANNEX_A.message, signature)).toBe(false);
  });

  it('refuses r or s out of [1, n−1] and malformed input instead of throwing', () => {
    const r = BigInt(`0x${ANNEX_A.r}`);
    const s = BigInt(`0x${ANNEX_A.s}`);
    const pad = (value: bigint) => value.toString(16).padStart(64, '0');
    for (const bad of [
      pad(0n) + ANNEX_A.s,
      ANNEX_A.r + pad(0n),
      ANNEX_A.r + pad(N), // s = n
      pad(N - r) + pad(r), // r + s = n, so t = 0
      ANNEX_A.s + ANNEX_A.r,
      ANNEX_A.r + ANNEX_A.s.slice(0, -2),
      `${ANNEX_A.r + ANNEX_A.s}00`,
      'zz'.repeat(64),
      '',
    ]) {
      expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, bad)).toBe(false);
    }
    // s + n would be the same point mod n, but is longer than 64 hex digits and refused.
    expect(sm2Verify(ANNEX_A.publicKey, ANNEX_A.message, ANNEX_A.r + (s + N).toString(16))).toBe(false);
    // A point off the curve, and keys of the wrong shape.
    expect(sm2Verify(`${ANNEX_A.publicKey.slice(0, -2)}14`, ANNEX_A.message, ANNEX_A.r + ANNEX_A.s)).toBe(
      false,
    );
    expect(sm2Verify(ANNEX_A.publicKey.slice(2), ANNEX_A.message, ANNEX_A.r + ANNEX_A.s)).toBe(false);
  });
});

describe('SM2 against a second implementation (sm-crypto 0.5.8)', () => {
  it('verifies signatures the other implementation made', () => {
    for (const { messageHex, userId, signature } of SM_CRYPTO_FIXTURES.signatures) {
      expect(sm2Verify(SM_CRYPTO_FIXTURES.publicKey, hex(messageHex), signature, userId)).toBe(true);
      expect(sm2Verify(SM_CRYPTO_FIXTURES.publicKey, hex(`${messageHex}00`), signature, userId)).toBe(false);
    }
  });
});

describe('sm2Sign / sm2Verify', () => {
  it('round-trips with fresh keys and random k (two signatures of one message differ)', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    expect(privateKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    const data = new TextEncoder().encode('关于张某某容错免责的认定决定书');
    const first = sm2Sign(privateKeyHex, data);
    const second = sm2Sign(privateKeyHex, data, DEFAULT_SM2_USER_ID);
    expect(first).toMatch(/^[0-9a-f]{128}$/);
    expect(first).not.toBe(second);
    expect(sm2Verify(publicKeyHex, data, first)).toBe(true);
    expect(sm2Verify(publicKeyHex, data, second)).toBe(true);
    const signedWithId = sm2Sign(privateKeyHex, data, 'K县纪委监委');
    expect(sm2Verify(publicKeyHex, data, signedWithId, 'K县纪委监委')).toBe(true);
    expect(sm2Verify(publicKeyHex, data, signedWithId)).toBe(false);
  });

  it('refuses private keys outside [1, n−2] and of the wrong shape', () => {
    const pad = (value: bigint) => value.toString(16).padStart(64, '0');
    expect(() => sm2PublicKeyFromPrivate(pad(N - 2n))).not.toThrow();
    for (const bad of [pad(0n), pad(N - 1n), pad(N), 'abc', `${ANNEX_A.privateKey}00`]) {
      expect(() => sm2Sign(bad, new Uint8Array(1))).toThrow(
        expect.objectContaining({ code: 'crypto.key_invalid' }),
      );
    }
  });
});
