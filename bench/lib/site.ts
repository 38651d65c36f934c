/**
 * A benchmark database ("site"): its own PostgreSQL database on the BENCH_DATABASE_URL server
 * (created here, dropped afterwards) or a PGlite directory, filled by the scale generator, plus the
 * fixtures the measurements need — sessions of the county's officer and its city's supervisor (with
 * their second factor marked enrolled, as production requires), submitted matters to accept, the
 * baseline's scratch table, and the ids the requests rotate through.
 */
import { isDeepStrictEqual } from 'node:util';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { keyringFromFile } from '../../src/app/keys.ts';
import { systemClock } from '../../src/clock.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { sm3Hex } from '../../src/crypto/sm3.ts';
import { activeSigner } from '../../src/usecases/documents/issue-document.ts';
import { BENCH_DATA_KEY, staffUsername } from '../../src/db/seed/scale/accounts.ts';
import { generateScale, type GenerateResult } from '../../src/db/seed/scale/generate.ts';
import type { ScaleSpec } from '../../src/db/seed/scale/spec.ts';
import { log } from './report.ts';

export type Engine = 'postgres' | 'pglite';
export type Session = { userId: string; cookie: string; csrf: string };

export type Fixtures = {
  county: { id: string; code: string; path: string };
  officer: Session;
  supervisor: Session;
  orgdeptUserId: string;
  detailIds: string[];
  cadreIds: string[];
  /** Matters of the county with recorded facts (the similar-matters requests rotate through them). */
  determinationIds: string[];
};

export type Site = {
  engine: Engine;
  label: string;
  /** Environment for processes that open this database (serve.ts, the CLI). */
  env: Record<string, string>;
  generated: GenerateResult;
  fixtures: Fixtures;
  open(): Promise<DbHandle>;
  drop(): Promise<void>;
};

/**
 * Adds `count` matters waiting for acceptance in the bench county (one per transition request) and
 * returns their ids. Called only after the read measurements, so the inbox measured is the county's own.
 */
export async function addSubmittedMatters(site: Site, count: number): Promise<string[]> {
  const handle = await site.open();
  try {
    const { db } = handle;
    const county = site.fixtures.county;
    // Matters waiting for acceptance, one per `accept` request of the transition benchmark.
    const applicant = await db
      .selectFrom('users as u')
      .innerJoin('cadres as c', 'c.id', 'u.cadre_id')
      .select(['u.id', 'u.cadre_id', 'c.unit_id'])
      .where('u.username', 'like', `${county.code}.c%`)
      .orderBy('u.username')
      .limit(1)
      .executeTakeFirstOrThrow();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const clocks = JSON.stringify({ acceptance: { rule: { unit: 'working_days', amount: 10 }, startedOn: today, pauses: [], extension: null } });
    const submitted = await sql<{ id: string }>`
      insert into matters (id, type, number, jurisdiction_id, status, route, subject_cadre_id, subject_unit_id, applicant_user_id, title,
        policy_id, policy_version, clocks, due_on, created_at, updated_at)
      select gen_random_uuid(), 'tolerance', ${county.code} || '容〔' || ${today.slice(0, 4)} || '〕' || (900000 + g) || '号', ${county.id}, 'submitted',
        'own_application', ${applicant.cadre_id}, ${applicant.unit_id}, ${applicant.id}, '关于基准测试事项' || g || '的容错申请',
        'default', '2019-06-01', ${clocks}::jsonb, ${today}::date + 14, now(), now()
      from generate_series(1, ${count}) g
      returning id`.execute(db);
    await sql`analyze matters`.execute(db);
    return submitted.rows.map((r) => r.id);
  } finally {
    await handle.close();
  }
}

export const benchKeyring = () => keyringFromFile({ active: 'k1', blindIndex: 'k1', keys: { k1: BENCH_DATA_KEY } });

/** Creates the database, generates the scale and the fixtures, and leaves it closed. */
export async function createSite(engine: Engine, label: string, spec: ScaleSpec, opts: { adminUrl?: string }): Promise<Site> {
  const env: Record<string, string> = { DATA_KEY: BENCH_DATA_KEY };
  let drop: () => Promise<void>;
  let kept: GenerateResult | undefined;
  if (engine === 'postgres') {
    const admin = new URL(opts.adminUrl!);
    // BENCH_KEEP=1: the database keeps a fixed name and survives the run, and a later run with the
    // same scale measures it again instead of generating it anew (hours of machine time saved at
    // national scale when only the measurements change).
    const keep = process.env.BENCH_KEEP === '1';
    const name = keep ? `rongcuo_bench_${label.replace(/\W/g, '_')}_kept` : `rongcuo_bench_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
    const url = new URL(admin.toString());
    url.pathname = `/${name}`;
    if (keep) kept = await keptGeneration(admin.toString(), name, spec);
    if (!kept) {
      if (keep) await adminQuery(admin.toString(), `drop database if exists ${name} with (force)`);
      await adminQuery(admin.toString(), `create database ${name}`);
    }
    env.DATABASE_URL = url.toString();
    drop = keep ? async () => undefined : () => adminQuery(admin.toString(), `drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rongcuo-bench-${label}-`));
    env.DATA_DIR = dir;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const open = () => (env.DATABASE_URL ? connect({ engine: 'postgres', url: env.DATABASE_URL }) : connect({ engine: 'pglite', dataDir: env.DATA_DIR! }));
  const handle = await open();
  try {
    await migrateToLatest(handle.db);
    let lastPhase = '';
    const started = performance.now();
    const generated =
      kept ??
      (await generateScale(handle, {
        spec,
        keyring: benchKeyring(),
        onProgress: (phase, done, total) => {
          if (phase !== lastPhase || done === total) log(`  ${label}: ${phase} ${done}/${total} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
          lastPhase = phase;
        },
      }));
    if (process.env.BENCH_KEEP === '1' && engine === 'postgres' && !kept) {
      await sql`create table bench_generation (spec jsonb not null, result jsonb not null)`.execute(handle.db);
      await sql`insert into bench_generation values (${JSON.stringify(spec)}, ${JSON.stringify(generated)})`.execute(handle.db);
    }
    log(`  ${label}: ${kept ? 'kept from an earlier run' : 'generated'} ${generated.matters} matters, ${generated.auditEvents} audit events, ${generated.cadres} cadres; seconds ${JSON.stringify(generated.seconds)}`);
    const fixtures = await makeFixtures(handle);
    return { engine, label, env, generated, fixtures, open, drop };
  } catch (e) {
    await handle.close().catch(() => undefined);
    await drop();
    throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** What an earlier BENCH_KEEP run generated in `name` at the same scale, if it finished. */
async function keptGeneration(adminUrl: string, name: string, spec: ScaleSpec): Promise<GenerateResult | undefined> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  try {
    const { rows } = await client.query<{ spec: ScaleSpec; result: GenerateResult }>(`select spec, result from bench_generation`).catch(() => ({ rows: [] as { spec: ScaleSpec; result: GenerateResult }[] }));
    // Compared as values: jsonb gives the keys back in its own order, not the order they were written in.
    return rows[0] && isDeepStrictEqual(rows[0].spec, spec) ? rows[0].result : undefined;
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function session(handle: DbHandle, username: string): Promise<Session> {
  const user = await handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = new Date();
  await handle.db
    .insertInto('sessions')
    .values({ token_hash: sm3Hex(token), user_id: user.id, csrf_token: csrf, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 12 * 3_600_000), ip: '127.0.0.1', user_agent: 'bench' })
    .execute();
  // Production requires the second factor of commission and supervisor accounts; mark it enrolled.
  await handle.db.updateTable('users').set({ totp_enabled_at: now }).where('id', '=', user.id).execute();
  return { userId: user.id, cookie: `rc_session=${token}`, csrf };
}

async function makeFixtures(handle: DbHandle): Promise<Fixtures> {
  const { db } = handle;
  const county = await db.selectFrom('jurisdictions').select(['id', 'code', 'path', 'parent_id']).where('level', '=', 'county').orderBy('code').limit(1).executeTakeFirstOrThrow();
  const city = await db.selectFrom('jurisdictions').select(['code']).where('id', '=', county.parent_id!).executeTakeFirstOrThrow();
  const officer = await session(handle, staffUsername(county.code, 'officer'));
  const supervisor = await session(handle, staffUsername(city.code, 'supervisor'));
  const orgdept = await db.selectFrom('users').select('id').where('username', '=', staffUsername(county.code, 'orgdept')).executeTakeFirstOrThrow();
  await sql`create table if not exists bench_inserts (id bigserial primary key, payload text not null, at timestamptz not null)`.execute(db);
  await activeSigner(db, { keyring: benchKeyring(), clock: systemClock });

  const detail = await db.selectFrom('matters').select('id').where('jurisdiction_id', '=', county.id).where('status', '!=', 'draft').orderBy('id').limit(200).execute();
  const cadres = await db.selectFrom('cadres').select('id').orderBy('id').limit(1000).execute();
  const determinations = await db.selectFrom('matters').select('id').where('jurisdiction_id', '=', county.id).where('facts', 'is not', null).orderBy('id').limit(100).execute();
  await sql`analyze matters`.execute(db);
  return {
    county: { id: county.id, code: county.code, path: county.path },
    officer,
    supervisor,
    orgdeptUserId: orgdept.id,
    detailIds: detail.map((r) => r.id),
    cadreIds: cadres.map((r) => r.id),
    determinationIds: determinations.map((r) => r.id),
  };
}
