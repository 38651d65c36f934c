import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { loadDemoMatters } from '../../src/db/seed/demo-matters.ts';
import type { Db } from '../../src/db/connect.ts';
import { setupTwoFactor } from '../../src/usecases/auth/two-factor.ts';
import { createBackup } from '../../src/usecases/backup/backup.ts';
import { applicationTables, isPristine, TRANSIENT_TABLES } from '../../src/usecases/backup/catalog.ts';
import { restoreBackup } from '../../src/usecases/backup/restore.ts';
import { decryptIdNumber } from '../../src/usecases/roster/sensitive-fields.ts';
import { DomainError } from '../../src/domain/errors.ts';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type Engine,
  type TestPlatform,
} from '../support/platform.ts';

const actor = { userId: null, label: 'cli:test' };

/** Rows per table, sign-in state (deliberately not backed up) aside. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of (await applicationTables(db)).filter((t) => !TRANSIENT_TABLES.includes(t))) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

const head = (db: Db) => db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let source: TestPlatform;
  let dir: string;
  let file: string;
  let before: Record<string, number>;
  let headBefore: { seq: string; hash: string };
  beforeAll(async () => {
    source = await createTestPlatform(engine, { seed: true });
    await loadDemoMatters(source.deps);
    const officer = await source.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    await setupTwoFactor(source.deps, { userId: officer.id, username: 'officer' });
    const app = await createTestApp(source);
    await signIn(app, 'orgdept'); // a live session, which the backup must not carry
    await app.close();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-backup-'));
    file = path.join(dir, 'k-county.rcbak');
    before = await rowCounts(source.handle.db);
    headBefore = await head(source.handle.db);
    await createBackup(source.deps, engine, file, actor);
  });
  afterAll(async () => {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a file recording the schema, the audit head and every table, and audits the backup', async () => {
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n')));
    expect(header).toMatchObject({
      format: 'rongcuo-backup',
      engine,
      audit: { seq: Number(headBefore.seq), hash: headBefore.hash },
      keyIds: ['k1'],
    });
    expect(header.migrations).toContain('0004_security');
    expect(header.tables).toEqual(Object.keys(before));
    const trailer = JSON.parse(text.trimEnd().split('\n').at(-1)!);
    expect(trailer.counts).toEqual(before);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const event = await source.handle.db
      .selectFrom('audit_events')
      .select(['seq', 'data'])
      .where('action', '=', 'backup.created')
      .executeTakeFirstOrThrow();
    expect(Number(event.seq)).toBe(Number(headBefore.seq) + 1);
  });

  it('restores into a fresh database: same rows in every table, the same audit head, the chain verified', async () => {
    const target = await createTestPlatform(engine);
    try {
      const summary = await restoreBackup(target.handle.db, target.clock, file, actor);
      expect(summary.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
      const after = await rowCounts(target.handle.db);
      // One event more: the restore itself is audited, after the backup's head.
      expect(after).toEqual({ ...before, audit_events: before.audit_events! + 1 });
      // Nobody is signed in on a restored installation, though someone was at the source.
      const sessions = (db: Db) => db.selectFrom('sessions').select('token_hash').execute();
      expect((await sessions(source.handle.db)).length).toBeGreaterThan(0);
      expect(await sessions(target.handle.db)).toEqual([]);
      const atHead = await target.handle.db
        .selectFrom('audit_events')
        .select('hash')
        .where('seq', '=', headBefore.seq)
        .executeTakeFirstOrThrow();
      expect(atHead.hash).toBe(headBefore.hash);
      const last = await target.handle.db
        .selectFrom('audit_events')
        .select(['action', 'prev_hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ action: 'backup.restored', prev_hash: headBefore.hash });
      expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);

      // Encrypted fields still decrypt (row ids, which their MACs bind, came back unchanged)…
      const cadre = await target.handle.db
        .selectFrom('cadres')
        .select(['id', 'id_number_enc'])
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(decryptIdNumber(target.deps.keyring, cadre.id, cadre.id_number_enc)).toMatch(
        /^[0-9]{17}[0-9X]$/,
      );
      // …binary files are byte-identical…
      const digestOf = (db: Db) =>
        sql<{
          d: string | null;
        }>`select md5(string_agg(encode(bytes, 'hex'), '' order by digest)) as d from files`.execute(db);
      expect((await digestOf(target.handle.db)).rows[0]!.d).toBe(
        (await digestOf(source.handle.db)).rows[0]!.d,
      );
      // …and the restored installation works: sign-in writes sessions and login attempts (serials moved on).
      const app = await createTestApp(target);
      try {
        const s = await signIn(app, 'leader');
        expect((await app.inject({ url: '/api/matters', cookies: s.cookies })).json().total).toBeGreaterThan(
          0,
        );
      } finally {
        await app.close();
      }
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that is not empty, in both languages', async () => {
    const error = await restoreBackup(source.handle.db, source.clock, file, actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'backup.target_not_empty',
      messageZh: expect.stringContaining('不是空库'),
      messageEn: expect.stringContaining('not empty'),
    });
  });

  it('refuses an altered file and leaves the target untouched', async () => {
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    const altered = path.join(dir, 'altered.rcbak');
    fs.writeFileSync(altered, gzipSync(text.replace('"display_name":"王强"', '"display_name":"王强强"')));
    const target = await createTestPlatform(engine);
    try {
      await expect(restoreBackup(target.handle.db, target.clock, altered, actor)).rejects.toMatchObject({
        code: 'backup.invalid_file',
      });
      expect(await isPristine(target.handle.db)).toBe(true);
      const truncated = path.join(dir, 'truncated.rcbak');
      fs.writeFileSync(truncated, gzipSync(text.slice(0, Math.floor(text.length / 2))));
      await expect(restoreBackup(target.handle.db, target.clock, truncated, actor)).rejects.toMatchObject({
        code: 'backup.invalid_file',
      });
      expect(await isPristine(target.handle.db)).toBe(true);
    } finally {
      await target.close();
    }
  });
});

describe.runIf(ENGINES.length === 2)('a backup moves between engines', () => {
  it.each([
    ['pglite', 'postgres'],
    ['postgres', 'pglite'],
  ] as [Engine, Engine][])('from %s to %s', async (from, to) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-backup-x-'));
    const source = await createTestPlatform(from, { seed: true });
    const target = await createTestPlatform(to);
    try {
      const file = path.join(dir, 'x.rcbak');
      const before = await rowCounts(source.handle.db);
      await createBackup(source.deps, from, file, actor);
      await restoreBackup(target.handle.db, target.clock, file, actor);
      expect(await rowCounts(target.handle.db)).toEqual({
        ...before,
        audit_events: before.audit_events! + 1,
      });
      expect((await verifyAuditChain(target.handle.db)).ok).toBe(true);
    } finally {
      await source.close();
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
