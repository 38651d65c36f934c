import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { rebuildMatterStats } from '../../src/db/repos/stats.ts';
import { openBulkSession } from '../../src/db/seed/scale/bulk-session.ts';
import { ColumnBatch, copyText } from '../../src/db/seed/scale/bulk.ts';
import { calendarWithOfficialSchedules } from '../../src/domain/calendar/index.ts';
import { BENCH_PASSWORD, staffUsername } from '../../src/db/seed/scale/accounts.ts';
import { DatabaseNotEmptyError, generateScale, type GenerateResult } from '../../src/db/seed/scale/generate.ts';
import { SCALES, variant } from '../../src/db/seed/scale/spec.ts';
import { decryptIdNumber } from '../../src/usecases/roster/sensitive-fields.ts';
import { backfillOutcomeLedger, OUTCOME_LEDGER_BACKFILL_TASK } from '../../src/usecases/outcome-ledger/backfill.ts';
import { isValidResidentId } from '../../src/domain/identity.ts';
import type { App } from '../../src/server/build-app.ts';
import { createTestApp, createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';

const SPEC = variant(SCALES.national, 'test', { provinces: 1, cities: 2, counties: 3, cadresPerCounty: 400, firstCountyCadres: 600, mattersPerCounty: 120 });

describe.each(ENGINES)('rongcuo generate on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let result: GenerateResult;
  let indexesBefore: string[];
  const indexes = async () =>
    (await sql<{ d: string }>`select indexdef as d from pg_indexes where schemaname = current_schema() order by indexname`.execute(platform.handle.db)).rows.map((r) => r.d);

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    indexesBefore = await indexes();
    result = await generateScale(platform.handle, { spec: SPEC, keyring: platform.deps.keyring, now: new Date('2026-03-02T09:00:00+08:00') });
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('fills every table it promises, in the amounts of the scale', async () => {
    const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(platform.handle.db)).rows[0]!.n);
    expect(result.counties).toBe(3);
    expect(await count('cadres')).toBe(result.cadres);
    expect(await count('matters')).toBe(result.matters);
    expect(await count('audit_events')).toBe(result.auditEvents);
    for (const table of ['matter_records', 'documents', 'meetings', 'meeting_participants', 'matter_counters', 'imports']) expect(await count(table), table).toBeGreaterThan(0);
    expect(Object.keys(result.byStatus).length).toBeGreaterThanOrEqual(8);
    expect(result.auditEvents / result.matters).toBeGreaterThan(5);
  });

  it('leaves a valid SM3 audit chain and every index and constraint as the migrations made them', async () => {
    const verified = await verifyAuditChain(platform.handle.db);
    expect(verified).toMatchObject({ ok: true, events: result.auditEvents });
    expect(await indexes()).toEqual(indexesBefore);
  });

  it('keeps the dashboard counters equal to a recount of the matters as they stand', async () => {
    const counters = async () =>
      (await sql<{ k: string }>`select jurisdiction_id || '|' || day || '|' || metric || '|' || count as k from matter_stats_daily where type = 'tolerance' order by 1`.execute(platform.handle.db)).rows.map((r) => r.k);
    const generated = await counters();
    expect(generated.length).toBeGreaterThan(50);
    await rebuildMatterStats(platform.handle.db, calendarWithOfficialSchedules([]));
    expect(await counters()).toEqual(generated);
  });

  it.runIf(engine === 'postgres')('loads by COPY on PostgreSQL, and what it reads back is what was sent', async () => {
    const session = await openBulkSession(platform.handle);
    try {
      expect(session.copy).toBeDefined();
      await sql`create table copy_probe (a text, b jsonb, c boolean, d timestamptz)`.execute(session.db);
      const batch = new ColumnBatch([['a', 'text'], ['b', 'jsonb'], ['c', 'boolean'], ['d', 'timestamptz']]);
      const tricky = ['容错\t纠错\\N', 'a\rb\nc', '\\', '', '某某\u2028'];
      for (const [i, text] of tricky.entries()) batch.push(text, JSON.stringify({ text, i }), i % 2 === 0, i === 0 ? null : new Date(Date.UTC(2026, 0, i)));
      batch.push(null, null, null, null);
      await session.copy!('copy_probe', ['a', 'b', 'c', 'd'], copyText(batch));
      const rows = (await sql<{ a: string | null; b: { text: string; i: number } | null; c: boolean | null; d: Date | null }>`select * from copy_probe`.execute(session.db)).rows;
      expect(rows.map((r) => r.a)).toEqual([...tricky, null]);
      expect(rows.map((r) => r.b?.text ?? null)).toEqual([...tricky, null]);
      expect(rows[2]!.c).toBe(true);
      expect(rows[1]!.d?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      await sql`drop table if exists copy_probe`.execute(session.db);
      await session.close();
    }
  });

  it('refuses a database that already holds data unless forced', async () => {
    await expect(generateScale(platform.handle, { spec: SPEC, keyring: platform.deps.keyring })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
  });

  it('encrypts the sample county for real: valid resident IDs that decrypt', async () => {
    const rows = await platform.handle.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select(['c.id', 'c.id_number_enc', 'c.id_number_masked'])
      .where('j.code', 'like', '110101%')
      .limit(50)
      .execute();
    expect(rows.length).toBe(50);
    for (const r of rows) {
      const id = decryptIdNumber(platform.deps.keyring, r.id, r.id_number_enc);
      expect(isValidResidentId(id)).toBe(true);
      expect(r.id_number_masked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    }
  });

  it('serves the generated data through the API: the officer signs in, lists the inbox, opens a decided matter', async () => {
    const officer = await signIn(app, staffUsername('110101', 'officer'), BENCH_PASSWORD);
    const inbox = await app.inject({ method: 'GET', url: '/api/matters?pageSize=50', cookies: officer.cookies });
    expect(inbox.statusCode).toBe(200);
    const list = inbox.json<{ total: number; items: { id: string; status: string }[] }>();
    expect(list.total).toBeGreaterThan(50);
    const decided = await platform.handle.db.selectFrom('matters').select('id').where('outcome', 'is not', null).where('number', 'like', '110101%').limit(3).execute();
    for (const { id } of decided) {
      const detail = await app.inject({ method: 'GET', url: `/api/matters/${id}`, cookies: officer.cookies });
      expect(detail.statusCode).toBe(200);
      const body = detail.json<{ matter: { decision: unknown; summary: string }; timeline: unknown[]; documents: unknown[]; meeting: unknown }>();
      expect(body.matter.decision).not.toBeNull();
      expect(body.matter.summary.length).toBeGreaterThan(0);
      expect(body.timeline.length).toBeGreaterThan(5);
      expect(body.documents.length).toBeGreaterThan(0);
      expect(body.meeting).not.toBeNull();
    }
  });

  it('writes the consistency signature of every matter with facts, decided ones with their outcome (认定尺度统一)', async () => {
    const db = platform.handle.db;
    const [c] = (
      await sql<{ facts: string; signed: string; decided: string; with_outcome: string; mismatched: string }>`select
        (select count(*) from matters where facts is not null) as facts,
        (select count(*) from decision_signatures) as signed,
        (select count(*) from matters where facts is not null and outcome is not null
           and status in ('decided', 'notified', 'under_review', 'closed')) as decided,
        (select count(*) from decision_signatures where outcome is not null) as with_outcome,
        (select count(*) from decision_signatures s join matters m on m.id = s.matter_id
           where s.outcome is distinct from (case when m.status in ('decided', 'notified', 'under_review', 'closed') then m.outcome end)) as mismatched`.execute(db)
    ).rows;
    expect(Number(c!.signed)).toBe(Number(c!.facts));
    expect(Number(c!.with_outcome)).toBe(Number(c!.decided));
    expect(Number(c!.mismatched)).toBe(0);
    const officer = await signIn(app, staffUsername('110101', 'officer'), BENCH_PASSWORD);
    const [matter] = await db.selectFrom('matters').select('id').where('status', '=', 'awaiting_decision').where('number', 'like', '110101%').limit(1).execute();
    const res = await app.inject({ method: 'GET', url: `/api/matters/${matter!.id}/similar`, cookies: officer.cookies });
    expect(res.statusCode, res.body).toBe(200);
    const similar = res.json<{ items: { similarity: { structure: number } }[]; practice: { majority: string | null } }>();
    expect(similar.items.length).toBe(8);
    expect(similar.items[0]!.similarity.structure).toBe(100);
  });
  it('leaves open matters that can be acted on: the officer accepts a submitted one through the API', async () => {
    const db = platform.handle.db;
    const [matter] = await db.selectFrom('matters').select(['id', 'number', 'policy_id', 'policy_version']).where('status', '=', 'submitted').orderBy('number').limit(1).execute();
    // The officer of the matter's county (its number begins with the county's code).
    const officer = await signIn(app, staffUsername(matter!.number.slice(0, 6), 'officer'), BENCH_PASSWORD);
    expect(matter!.policy_id).not.toBeNull();
    expect(matter!.policy_version).not.toBeNull();
    const res = await app.inject({ method: 'POST', url: `/api/matters/${matter!.id}/actions/accept`, cookies: officer.cookies, headers: officer.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect((await db.selectFrom('matters').select('status').where('id', '=', matter!.id).executeTakeFirstOrThrow()).status).toBe('verifying');
  });

  it('writes the ledger entries (结果运用台账) the start-up backfill would write from the same matters, numbered in time order', async () => {
    const db = platform.handle.db;
    type Entry = { chain_key: string; basis: string; superseded_basis: string | null; facts: unknown; effects: unknown; rest: string };
    const entries = async () =>
      (
        await sql<Entry>`select e.chain_key, e.facts->>'basis' as basis, p.facts->>'basis' as superseded_basis, e.facts, e.effects,
            concat_ws('|', e.cadre_id, e.jurisdiction_id, e.jurisdiction_path, e.unit_id, e.kind, e.scope, e.effective_from, e.effective_until,
              e.source_matter_id, e.source_document_id, e.document_number, e.policy_id, e.policy_version) as rest
          from outcome_ledger e left join outcome_ledger p on p.id = e.supersedes_id order by e.chain_key, e.seq`.execute(db)
      ).rows;
    const generated = await entries();
    const decided = await db.selectFrom('matters').select((eb) => eb.fn.countAll<string>().as('n')).where('decision', 'is not', null).executeTakeFirstOrThrow();
    expect(generated.filter((e) => e.basis === 'decision').length).toBe(Number(decided.n));
    expect(generated.some((e) => e.basis === 'review_upheld' && e.superseded_basis === 'decision')).toBe(true);
    expect(result.ledgerEntries).toBe(generated.length);
    const events = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'outcome_ledger.recorded').executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(generated.length);
    // Numbered as they were recorded: seq follows recorded_at, and the head points at the last.
    const [order] = (await sql<{ backwards: string; max: string; head: string }>`select
        (select count(*) from (select recorded_at < lag(recorded_at) over (order by seq) as back from outcome_ledger) x where back) as backwards,
        (select max(seq) from outcome_ledger) as max, (select seq from outcome_ledger_head) as head`.execute(db)).rows;
    expect(Number(order!.backwards)).toBe(0);
    expect(order!.head).toBe(order!.max);
    // The start-up backfill has been claimed: a server started on a generated database does not redo it.
    expect(await backfillOutcomeLedger(platform.deps)).toBe(0);

    // What the backfill writes from the same matters (it runs through the decide and review hooks).
    await sql`truncate outcome_ledger cascade`.execute(db);
    await sql`update outcome_ledger_head set seq = 0`.execute(db);
    await db.deleteFrom('app_settings').where('key', '=', OUTCOME_LEDGER_BACKFILL_TASK).execute();
    const written = await backfillOutcomeLedger(platform.deps);
    expect(written).toBe(generated.length);
    expect(await entries()).toEqual(generated);
  });
});
