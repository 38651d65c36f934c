import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFromFile, readKeyringFile } from '../../src/app/keys.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { generateKeyMaterial, Keyring } from '../../src/crypto/field-cipher.ts';
import { loadDemoFollowUps } from '../../src/db/seed/demo-follow-up.ts';
import { loadDemoMatters } from '../../src/db/seed/demo-matters.ts';
import { setupTwoFactor } from '../../src/usecases/auth/two-factor.ts';
import { createWebhook } from '../../src/usecases/outcome-ledger/webhooks.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { DEMO_JURISDICTION_IDS } from '../../src/db/seed/k-county.ts';
import { ENCRYPTED_COLUMNS, columnLabel } from '../../src/usecases/keys/encrypted-columns.ts';
import { rotateKeys } from '../../src/usecases/keys/rotate-keys.ts';
import { ID_NUMBER_PURPOSE } from '../../src/usecases/roster/sensitive-fields.ts';
import { createTestPlatform, ENGINES, TEST_KEY, type TestPlatform } from '../support/platform.ts';

type Token = { column: string; id: string; token: string };

describe.each(ENGINES)('key rotation on %s', (engine) => {
  let platform: TestPlatform;
  let dir: string;
  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    // Real data in every encrypted column, written by the application's own code paths.
    await loadDemoMatters(platform.deps);
    // Sanction summaries (sanctions.summary_enc) come with the demo follow-ups.
    await loadDemoFollowUps(platform.deps);
    const officer = await platform.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    await setupTwoFactor(platform.deps, { userId: officer.id, username: 'officer' });
    // A webhook subscription's signing secret (webhook_subscriptions.secret_enc).
    const orgdept = await platform.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'orgdept')
      .executeTakeFirstOrThrow();
    await createWebhook(
      platform.deps,
      (await loadPrincipal(platform.handle.db, orgdept.id))!,
      {
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
        url: 'https://rs.example.gov.cn/hook',
        eventKinds: ['sanction'],
      },
      { allowLoopback: false },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-keys-'));
  });
  afterAll(async () => {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function allTokens(): Promise<Token[]> {
    const tokens: Token[] = [];
    for (const c of ENCRYPTED_COLUMNS) {
      const { rows } = await sql<{
        id: string;
        token: string;
      }>`select ${sql.ref(c.key)}::text as id, ${sql.ref(c.column)} as token from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(
        platform.handle.db,
      );
      tokens.push(...rows.map((r) => ({ column: columnLabel(c), ...r })));
    }
    return tokens;
  }
  const contextOf = (t: Token) => ENCRYPTED_COLUMNS.find((c) => columnLabel(c) === t.column)!.context(t.id);

  it('re-encrypts every field under the new key, with the same plaintext, and is idempotent', async () => {
    const before = await allTokens();
    // Every encrypted column has data, and everything starts under k1.
    expect(new Set(before.map((t) => t.column))).toEqual(new Set(ENCRYPTED_COLUMNS.map(columnLabel)));
    expect(before.every((t) => t.token.startsWith('v1.k1.'))).toBe(true);
    const plaintext = new Map(
      before.map((t) => [`${t.column}/${t.id}`, platform.deps.keyring.decrypt(t.token, contextOf(t))]),
    );

    // The operator's keyring file: k2 added and active, the blind index pinned to k1.
    const file = path.join(dir, 'keyring.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ active: 'k2', blindIndex: 'k1', keys: { k1: TEST_KEY, k2: generateKeyMaterial() } }),
    );
    const rotated = keyringFromFile(readKeyringFile(file));
    const deps = { ...platform.deps, keyring: rotated };
    const progress: number[] = [];
    const report = await rotateKeys(
      deps,
      { userId: null, label: 'cli:test' },
      { batchSize: 7, onProgress: (done) => progress.push(done) },
    );
    expect(report.reencrypted).toBe(before.length);
    expect(report.remaining).toBe(0);
    expect(progress.at(-1)).toBe(before.length);
    expect(progress.length).toBeGreaterThan(ENCRYPTED_COLUMNS.length); // batches, not one pass

    const after = await allTokens();
    expect(after).toHaveLength(before.length);
    for (const t of after) {
      expect(t.token, t.column).toMatch(/^v1\.k2\./);
      expect(rotated.decrypt(t.token, contextOf(t))).toBe(plaintext.get(`${t.column}/${t.id}`));
    }

    // Blind indexes did not move: an ID number still finds its cadre.
    const cadre = after.find((t) => t.column === 'cadres.id_number_enc')!;
    const stored = await platform.handle.db
      .selectFrom('cadres')
      .select('id_number_hash')
      .where('id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(rotated.blindIndex(plaintext.get(`${cadre.column}/${cadre.id}`)!, ID_NUMBER_PURPOSE)).toBe(
      stored.id_number_hash,
    );

    const again = await rotateKeys(deps, { userId: null, label: 'cli:test' });
    expect(again.reencrypted).toBe(0);
    expect((await allTokens()).map((t) => t.token)).toEqual(after.map((t) => t.token));
  });

  it('leaves nothing that needs k1 to decrypt: a keyring with k2 alone reads everything', async () => {
    const file = readKeyringFile(path.join(dir, 'keyring.json'));
    const k2Only = new Keyring([{ id: 'k2', material: file.keys.k2! }], 'k2');
    for (const t of await allTokens())
      expect(() => k2Only.decrypt(t.token, contextOf(t)), t.column).not.toThrow();
  });

  it('audits each run with its counts, in an intact chain', async () => {
    const events = await platform.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'keys.rotated')
      .orderBy('seq')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]!.data).toMatchObject({
      activeKeyId: 'k2',
      remaining: 0,
      columns: { 'cadres.id_number_enc': { reencrypted: expect.any(Number) } },
    });
    expect(events[1]!.data).toMatchObject({ reencrypted: 0 });
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
