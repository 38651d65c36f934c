import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendAudit, appendAuditMany, SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const { db } = platform.handle;
    const now = platform.clock.now();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) {
        await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'unit.created', entityType: 'unit', entityId: `u${i}`, data: { name: `单位${i}`, nested: { b: 2, a: [1, '二'] } } }, now);
      }
      await appendAuditMany(trx, Array.from({ length: 20 }, (_, i) => ({ actor: SYSTEM_ACTOR, action: 'cadre.created' as const, entityType: 'cadre', entityId: `c${i}`, data: { i } })), now);
    });
  });
  afterAll(() => platform.close());

  it('verifies an intact chain, with gap-free sequence numbers', async () => {
    const result = await verifyAuditChain(platform.handle.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, events: 25, headSeq: 25 });
  });

  it.runIf(engine === 'postgres')(
    'finds the same first problem when verifying in parallel threads',
    async () => {
      const { db, url } = platform.handle;
      // 25 events in 2 ranges (1–13, 14–25): damage inside a range, at a range's first event, and at the tail.
      const parallel = () => verifyAuditChain(db, { parallel: { databaseUrl: url!, workers: 2, minEventsPerWorker: 1 } });
      expect(await parallel()).toEqual({ ok: true, events: 25, headSeq: 25, headHash: expect.any(String) });
      const original = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
      const damages = [
        `update audit_events set actor = 'x' where seq = 5`,
        `update audit_events set prev_hash = repeat('e', 64) where seq = 14`,
        `delete from audit_events where seq = 14`,
        `delete from audit_events where seq = 25`,
      ];
      for (const damage of damages) {
        await sql.raw(damage).execute(db);
        try {
          const sequential = await verifyAuditChain(db);
          expect(sequential.ok, damage).toBe(false);
          expect(await parallel(), damage).toEqual(sequential);
        } finally {
          await db.deleteFrom('audit_events').execute();
          await db.insertInto('audit_events').values(original.map((row) => ({ ...row, data: JSON.stringify(row.data) }))).execute();
        }
      }
    },
    // Each verification starts its threads, which load the code (through tsx) before reading anything.
    180_000,
  );

  it('an event appended in a rolled-back transaction leaves no trace', async () => {
    const { db } = platform.handle;
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'unit.created', entityType: 'unit', entityId: 'ghost' }, platform.clock.now());
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 25 });
  });

  it('pinpoints an event whose content was edited directly in SQL', async () => {
    const { db } = platform.handle;
    await sql`update audit_events set data = jsonb_set(data, '{name}', '"篡改"') where seq = 3`.execute(db);
    const result = await verifyAuditChain(db, { batchSize: 4 });
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    await sql`update audit_events set data = jsonb_set(data, '{name}', '"单位2"') where seq = 3`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('catches a re-hashed event through the broken link to its successor', async () => {
    const { db } = platform.handle;
    const original = await db.selectFrom('audit_events').select('hash').where('seq', '=', '10').executeTakeFirstOrThrow();
    await sql`update audit_events set hash = ${'f'.repeat(64)} where seq = 10`.execute(db);
    const result = await verifyAuditChain(db);
    expect(result.problem?.seq).toBe(10);
    await sql`update audit_events set hash = ${original.hash} where seq = 10`.execute(db);
  });

  it('catches a deleted event and a truncated tail', async () => {
    const { db } = platform.handle;
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', '12').executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = 12`.execute(db);
    expect((await verifyAuditChain(db)).problem).toMatchObject({ seq: 13, reason: 'sequence_gap' });
    await db.insertInto('audit_events').values({ ...row, data: JSON.stringify(row.data) }).execute();
    await sql`delete from audit_events where seq = 25`.execute(db);
    expect((await verifyAuditChain(db)).problem).toMatchObject({ reason: 'head_mismatch' });
  });
});

describe.each(ENGINES)('audit chain texts on %s', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
  });
  afterAll(() => platform.close());

  // verify rebuilds the hashed text partly in SQL (to_json, to_char) and partly in JavaScript (data):
  // every kind of string, key and number must come out byte for byte as appendAudit hashed it.
  it('verifies events with every kind of text, key and number', async () => {
    const strings = ['"quoted" \\ back/slash', 'line\nfeed\ttab\r\b\f', '\u0001\u001f\u007f', '\u2028\u2029', '容错纠错 😀', '', 'é'];
    const numbers = [0, -0, 1, -17, 0.1, 1.5e-7, 1e21, 2 ** 60, 123.456, Number.MAX_SAFE_INTEGER];
    const { db } = platform.handle;
    await db.transaction().execute(async (trx) => {
      for (const [i, s] of strings.entries()) {
        await appendAuditMany(
          trx,
          [
            { actor: { userId: null, label: s }, action: 'unit.created', entityType: 'unit', entityId: s, data: { [s]: s, '10': 1, '9': [s, { b: 1, a: null }], nested: { z: true, a: numbers } } },
            { actor: SYSTEM_ACTOR, action: 'cadre.created', entityType: 'cadre', entityId: null, jurisdictionId: null, data: { n: numbers[i], list: [], empty: {}, deep: [[{ y: [1, { x: s }] }]] } },
          ],
          new Date(Date.UTC(2026, 0, 1, 0, 0, i, 7)),
        );
      }
    });
    expect(await verifyAuditChain(db, { batchSize: 3 })).toMatchObject({ ok: true, events: 2 * strings.length });
  });
});
