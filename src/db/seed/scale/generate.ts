/**
 * `rongcuo generate --scale …`: fills a database with a synthetic country at county, province or
 * national scale — jurisdictions, units, cadres, accounts, ten years of tolerance matters in every
 * state with their records, documents, meetings and a valid SM3 audit chain — with set-based SQL
 * and bulk inserts, in minutes rather than hours. See docs/SCALING.md for what is and is not real.
 */
import type { Keyring } from '../../../crypto/field-cipher.ts';
import { calendarWithOfficialSchedules, toBeijingDate } from '../../../domain/calendar/index.ts';
import { hashPassword } from '../../../usecases/auth/passwords.ts';
import { effectivePolicy } from '../../../usecases/policy-context.ts';
import { sm3Hex } from '../../../crypto/sm3.ts';
import type { Db, DbHandle } from '../../connect.ts';
import { openBulkSession, type CopyInto } from './bulk-session.ts';
import { createRng } from '../prng.ts';
import { AccountWriter, BENCH_PASSWORD, staffUsername, type Account } from './accounts.ts';
import { AuditChainWriter } from './audit-stream.ts';
import { ColumnBatch, IdSource, InsertPipeline, bulkInsert, enableCopy, query, run } from './bulk.ts';
import { encryptSample, insertCadres, sensitivePools } from './cadres.ts';
import { buildWorld, type World } from './geography.ts';
import { officeTime } from './lifecycle.ts';
import { appealDeadline } from '../../../domain/tolerance/decision.ts';
import type { LocalDate } from '../../../domain/calendar/local-date.ts';
import { MatterBatches, Recommendations, insertMatterBatches } from './matter-batches.ts';
import { buildMatter, type BuilderDeps, type CountyRuntime } from './matter-builder.ts';
import { personName } from './names.ts';
import type { ScaleSpec } from './spec.ts';
import { recommendationTemplates } from './templates.ts';
import { loadSubjects } from './subjects.ts';
import { relaxForBulkLoad } from './bulk-load.ts';
import { MatterStatsCells } from '../../repos/stats.ts';
import { claimOneTimeTask } from '../../repos/one-time-tasks.ts';
import { SIGNATURE_BACKFILL_TASK } from '../../../usecases/consistency/backfill.ts';
import { OUTCOME_LEDGER_BACKFILL_TASK } from '../../../usecases/outcome-ledger/backfill.ts';
import { LedgerWriter } from './ledger.ts';

export type GeneratePhase = 'geography' | 'cadres' | 'matters' | 'finalize';

export type GenerateOptions = {
  spec: ScaleSpec;
  keyring: Keyring;
  seed?: number;
  /** End of the generated history (default: now, to the minute). */
  now?: Date;
  /** Run on a database that already holds data (the generated rows are added next to it). */
  force?: boolean;
  onProgress?: (phase: GeneratePhase, done: number, total: number) => void;
};

export type GenerateResult = {
  seed: number;
  now: string;
  counties: number;
  jurisdictions: number;
  units: number;
  cadres: number;
  accounts: number;
  matters: number;
  auditEvents: number;
  /** 结果运用台账 entries (decisions in force and review answers). */
  ledgerEntries: number;
  byStatus: Record<string, number>;
  seconds: Record<GeneratePhase, number>;
  /** The first county (real sensitive fields) and accounts to sign in with (password BENCH_PASSWORD). */
  sample: { county: string; officer: string; supervisor: string };
};

/** The database already holds data and `force` was not given. */
export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('数据库中已有数据，未生成测试数据（如确需追加，请使用 --force）/ the database already holds data; nothing generated (use --force to add to it)');
  }
}

const MATTER_CHUNK = 2000;
/** Tables filled in bulk: their secondary indexes and foreign keys are rebuilt once at the end. */
const BULK_TABLES = ['cadres', 'users', 'role_assignments', 'imports', 'matters', 'matter_counters', 'matter_records', 'documents', 'meetings', 'meeting_participants', 'outcome_ledger', 'audit_events'];
const YEAR_MS = 365.25 * 86_400_000;
const RECENT_SHARE = 0.08;
const RECENT_MS = 75 * 86_400_000;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await query<{ used: boolean }>(db, 'select exists(select 1 from jurisdictions) or exists(select 1 from users) or exists(select 1 from audit_events) as used');
  return !row!.used;
}

export async function generateScale(handle: DbHandle, opts: GenerateOptions): Promise<GenerateResult> {
  const session = await openBulkSession(handle);
  try {
    return await generateOn(session.db, session.copy, opts);
  } finally {
    await session.close();
  }
}

async function generateOn(db: Db, copy: CopyInto | undefined, opts: GenerateOptions): Promise<GenerateResult> {
  if (!opts.force && !(await isDatabaseEmpty(db))) throw new DatabaseNotEmptyError();
  const seed = opts.seed ?? 2026;
  const now = new Date(Math.floor((opts.now ?? new Date()).getTime() / 60_000) * 60_000);
  const progress = opts.onProgress ?? (() => undefined);
  const seconds = { geography: 0, cadres: 0, matters: 0, finalize: 0 } as Record<GeneratePhase, number>;
  const timed = async <T>(phase: GeneratePhase, f: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await f();
    } finally {
      seconds[phase] = Math.round(seconds[phase] * 1000 + performance.now() - start) / 1000;
    }
  };
  const world = buildWorld(opts.spec, seed);
  const historyStart = now.getTime() - opts.spec.years * YEAR_MS;

  // One transaction: indexes and foreign keys are dropped while loading and rebuilt at the end, and
  // a failure (or a kill) leaves the database as it was.
  const { matters, events, accounts, ledgerEntries } = await db.transaction().execute(async (trx) => {
    if (copy) enableCopy(trx, copy);
    const restore = await relaxForBulkLoad(trx, BULK_TABLES);
    await timed('geography', () => insertGeography(trx, world, progress));
    await timed('cadres', async () => {
      const pools = sensitivePools(opts.keyring, seed);
      const work = world.counties.flatMap((c) => c.units.map((unit) => ({ unit, region: c.jurisdiction.code })));
      let done = 0;
      for (let i = 0; i < work.length; ) {
        const batch: typeof work = [];
        for (let size = 0; i < work.length && size < 50_000; i++) {
          batch.push(work[i]!);
          size += work[i]!.unit.size;
        }
        done += await insertCadres(trx, seed, batch, pools, new Date(historyStart));
        progress('cadres', done, world.totalCadres);
      }
      await encryptSample(trx, opts.keyring, seed, world.counties[0]!);
      // The posts were only for SQL: let the ~400,000 units' arrays go before the long matters phase.
      for (const county of world.counties) for (const unit of county.units) unit.posts = unit.postRanks = unit.staffTitles = unit.ladder = [];
    });
    const generated = await timed('matters', () => generateMatters(trx, opts, world, seed, now, historyStart, progress));
    await timed('finalize', async () => {
      progress('finalize', 0, 3);
      await restore();
      progress('finalize', 1, 3);
    });
    return generated;
  });
  await timed('finalize', async () => {
    progress('finalize', 2, 3);
    await run(db, 'analyze');
    progress('finalize', 3, 3);
  });
  const byStatus = Object.fromEntries(
    (await query<{ status: string; n: string }>(db, 'select status, count(*) as n from matters group by status order by status')).map((r) => [r.status, Number(r.n)]),
  );
  return {
    seed,
    now: now.toISOString(),
    counties: world.counties.length,
    jurisdictions: world.jurisdictions.length,
    units: world.totalUnits,
    cadres: world.totalCadres,
    accounts,
    matters,
    auditEvents: events,
    ledgerEntries,
    byStatus,
    seconds,
    sample: {
      county: `${world.counties[0]!.jurisdiction.name} (${world.counties[0]!.jurisdiction.code})`,
      officer: staffUsername(world.counties[0]!.jurisdiction.code, 'officer'),
      supervisor: staffUsername(world.counties[0]!.city.code, 'supervisor'),
    },
  };
}

async function insertGeography(db: Db, world: World, progress: NonNullable<GenerateOptions['onProgress']>): Promise<void> {
  const jurisdictions = new ColumnBatch([['id', 'uuid'], ['code', 'text'], ['name', 'text'], ['level', 'text'], ['parent_id', 'uuid'], ['path', 'text']]);
  for (const level of ['province', 'city', 'county', 'township'] as const) {
    for (const j of world.jurisdictions) if (j.level === level) jurisdictions.push(j.id, j.code, j.name, j.level, j.parent_id, j.path);
  }
  await bulkInsert(db, 'jurisdictions', jurisdictions);
  const units = new ColumnBatch([['id', 'uuid'], ['jurisdiction_id', 'uuid'], ['parent_id', 'uuid'], ['code', 'text'], ['name', 'text'], ['kind', 'text']]);
  for (const [i, county] of world.counties.entries()) {
    for (const u of county.units) units.push(u.id, u.jurisdictionId, u.parentId, u.code, u.name, u.kind);
    if (units.length >= 50_000 || i === world.counties.length - 1) {
      await bulkInsert(db, 'units', units);
      units.clear();
      progress('geography', i + 1, world.counties.length);
    }
  }
}

async function generateMatters(db: Db, opts: GenerateOptions, world: World, seed: number, now: Date, historyStart: number, progress: NonNullable<GenerateOptions['onProgress']>) {
  const policy = effectivePolicy([world.counties[0]!.jurisdiction.code], toBeijingDate(now));
  const calendar = calendarWithOfficialSchedules([]);
  const rng = createRng(seed, 'scale:matters');
  const ids = new IdSource(createRng(seed, 'scale:ids').next);
  const pipeline = new InsertPipeline(Number(process.env.SCALE_PIPELINE ?? 2));
  const [head] = await query<{ seq: string; hash: string }>(db, 'select seq, hash from audit_head where id = 1');
  const audit = new AuditChainWriter(db, pipeline, { seq: Number(head!.seq), hash: head!.hash }, () => ids.id());
  const [ledgerHead] = await query<{ seq: string }>(db, 'select seq from outcome_ledger_head where id = 1');
  const ledger = new LedgerWriter(db, pipeline, Number(ledgerHead!.seq));
  const accounts = new AccountWriter(seed, await hashPassword(BENCH_PASSWORD), (e) => audit.push(e));
  const imports = new ColumnBatch([['id', 'uuid'], ['kind', 'text'], ['jurisdiction_id', 'uuid'], ['filename', 'text'], ['file_digest', 'text'], ['mode', 'text'], ['total_rows', 'int'], ['created_count', 'int'], ['updated_count', 'int'], ['unchanged_count', 'int'], ['error_count', 'int'], ['errors', 'jsonb'], ['created_at', 'timestamptz']]);

  // The history begins: staff accounts, supervisors, and each county's roster import.
  const runtimes: CountyRuntime[] = [];
  const subjects = await loadSubjects(db, world, opts.spec);
  for (const j of world.jurisdictions) {
    if (j.level !== 'city' && j.level !== 'province') continue;
    accounts.add(staffUsername(j.code, 'supervisor'), `${j.name}纪委监委`, historyStart, [{ role: 'supervisor', jurisdictionId: j.id, jurisdictionCode: j.code }]);
  }
  for (const county of world.counties) {
    const at = historyStart + county.index * 1000;
    const staff = accounts.addCountyStaff({ id: county.jurisdiction.id, code: county.jurisdiction.code }, at);
    const importId = ids.id();
    const digest = sm3Hex(`${seed}:${county.jurisdiction.code}:roster`);
    imports.push(importId, 'cadres', county.jurisdiction.id, '干部名册.xlsx', digest, 'all_or_nothing', county.cadres, county.cadres, 0, 0, 0, '[]', new Date(at));
    audit.push({ at, actorUserId: null, actor: 'system', action: 'roster.imported', entityType: 'import', entityId: importId, jurisdictionId: county.jurisdiction.id, data: { filename: '干部名册.xlsx', digest, mode: 'all_or_nothing', created: county.cadres, updated: 0, unchanged: 0, skipped: 0 } });
    runtimes.push({
      plan: county,
      staff,
      subjects: subjects.get(county.index) ?? [],
      unitsById: new Map(county.units.map((u) => [u.id, u])),
      cadreUsers: new Map(),
      unitLeaders: new Map(),
      matterNumbers: new Map(),
      documentNumbers: new Map(),
    });
  }
  const setup = accounts.take();
  await bulkInsert(db, 'users', setup.users);
  await bulkInsert(db, 'role_assignments', setup.roles);
  await bulkInsert(db, 'imports', imports);

  // Every matter's opening instant, in time order across the whole country.
  const total = world.totalMatters;
  const openedAt = new Float64Array(total);
  const countyOf = new Int32Array(total);
  let k = 0;
  const span = now.getTime() - historyStart - 30 * 86_400_000;
  for (const county of world.counties) {
    for (let i = 0; i < county.matters; i++, k++) {
      // A few percent were opened in the last ten weeks: the caseload in hand today, in every open state.
      const opened = rng.chance(RECENT_SHARE) ? now.getTime() - rng.next() * RECENT_MS : historyStart + 30 * 86_400_000 + rng.next() * span;
      openedAt[k] = officeTime(rng, opened, 0);
      countyOf[k] = county.index;
    }
  }
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => openedAt[a]! - openedAt[b]!);

  const deps: BuilderDeps = {
    seed,
    now: now.getTime(),
    policy,
    calendar,
    keyring: opts.keyring,
    ids,
    appealDeadline: memo((day) => appealDeadline(policy, 'party_accountability', day, calendar)),
    minutesPool: Array.from({ length: 64 }, (_, i) => opts.keyring.encrypt(`常委会会议纪要（样本 ${i + 1}）：听取承办部门汇报，经充分讨论，按照少数服从多数原则表决通过。`, 'scale.pattern')),
    audit: (e) => audit.push(e),
    newAccount: (county, kind, key, at) => newAccount(accounts, county, kind, key, at, seed),
    stats: new MatterStatsCells(calendar),
    ledger,
  };
  const recommendations = new Recommendations(recommendationTemplates(policy));
  const batches = new MatterBatches();
  let matterJob: Promise<void> = Promise.resolve();
  const submit = async () => {
    const taken = batches.take();
    const rows = accounts.take();
    const previous = matterJob;
    // One after another: a batch may name an account created in the batch before.
    let job: Promise<void> = previous;
    await pipeline.push(() => (job = previous.then(() => insertMatterBatches(db, taken, rows, recommendations))));
    matterJob = job;
  };
  let events = 0;
  for (let n = 0; n < total; n++) {
    const i = order[n]!;
    const at = openedAt[i]!;
    await audit.releaseBefore(at - 2 * 3_600_000);
    await ledger.flushIfFull();
    events += buildMatter(deps, runtimes[countyOf[i]!]!, batches, n, at);
    if (batches.matters.length >= MATTER_CHUNK) {
      await submit();
      progress('matters', n + 1, total);
    }
  }
  await submit();
  await audit.finish();
  await ledger.finish();
  await matterJob;
  progress('matters', total, total);
  await insertCounters(db, runtimes);
  await writeStats(db, deps.stats);
  // Every signature and ledger entry was written above: the start-up backfills have nothing to add.
  await claimOneTimeTask(db, SIGNATURE_BACKFILL_TASK, now);
  await claimOneTimeTask(db, OUTCOME_LEDGER_BACKFILL_TASK, now);
  const [count] = await query<{ n: string }>(db, 'select count(*) as n from users');
  return { matters: total, events: audit.written, accounts: Number(count!.n), matterEvents: events, ledgerEntries: ledger.written };
}

function newAccount(accounts: AccountWriter, county: CountyRuntime, kind: 'cadre' | 'unit_leader', key: string, at: number, seed: number): Account {
  const code = county.plan.jurisdiction.code;
  const jurisdiction = { jurisdictionId: county.plan.jurisdiction.id, jurisdictionCode: code };
  if (kind === 'cadre') {
    const existing = county.cadreUsers.get(key);
    if (existing) return existing;
    const subject = county.subjects.find((s) => s.id === key)!;
    const account = accounts.add(`${code}.c${county.cadreUsers.size + 1}`, subject.name, at, [{ role: 'cadre', ...jurisdiction }], key);
    county.cadreUsers.set(key, account);
    return account;
  }
  const existing = county.unitLeaders.get(key);
  if (existing) return existing;
  const rng = createRng(seed, `unit-leader:${key}`);
  const account = accounts.add(`${code}.u${county.unitLeaders.size + 1}`, personName(rng, rng.chance(0.7) ? 'male' : 'female'), at, [{ role: 'unit_leader', ...jurisdiction, unitId: key }]);
  county.unitLeaders.set(key, account);
  return account;
}

async function insertCounters(db: Db, runtimes: CountyRuntime[]): Promise<void> {
  const counters = new ColumnBatch([['jurisdiction_id', 'uuid'], ['type', 'text'], ['year', 'int'], ['last', 'int']]);
  for (const r of runtimes) {
    for (const [year, last] of r.matterNumbers) counters.push(r.plan.jurisdiction.id, 'tolerance', year, last);
    for (const [year, last] of r.documentNumbers) counters.push(r.plan.jurisdiction.id, 'document', year, last);
  }
  await bulkInsert(db, 'matter_counters', counters);
}

/**
 * The dashboard counters (millions of cells at national scale): copied into a work table, then
 * added to the table in one statement — as `MatterStatsCells.write` adds them, on top of what a
 * database generated into with --force already counts, but without a statement per thousand cells.
 */
async function writeStats(db: Db, stats: MatterStatsCells): Promise<void> {
  await run(db, 'create temp table scale_stats (like matter_stats_daily) on commit drop');
  const cells = new ColumnBatch([['jurisdiction_id', 'uuid'], ['day', 'date'], ['type', 'text'], ['metric', 'text'], ['count', 'int']]);
  for (const r of stats.rows()) {
    cells.push(r.jurisdiction_id, r.day, r.type, r.metric, r.count);
    if (cells.length >= 100_000) {
      await bulkInsert(db, 'scale_stats', cells);
      cells.clear();
    }
  }
  await bulkInsert(db, 'scale_stats', cells);
  await run(
    db,
    `insert into matter_stats_daily (jurisdiction_id, day, type, metric, count)
     select jurisdiction_id, day, type, metric, count from scale_stats
     on conflict (jurisdiction_id, day, type, metric) do update set count = matter_stats_daily.count + excluded.count`,
  );
}

function memo<T>(f: (day: LocalDate) => T): (day: LocalDate) => T {
  const cache = new Map<string, T>();
  return (day) => {
    let value = cache.get(day);
    if (value === undefined) cache.set(day, (value = f(day)));
    return value;
  };
}
