/**
 * Proves the audit chain: every event's hash recomputed from its stored content and its
 * predecessor's hash, sequence numbers gap-free, and the head pointing at the last event.
 * Reads in keyset-paginated batches so memory stays flat at ten million events, and fetches the next
 * batch while hashing the current one, so the database and the hashing work at the same time; on
 * PostgreSQL a long chain is cut into ranges verified in parallel threads (`VerifyOptions.parallel`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Db, DbHandle } from '../db/connect.ts';
import { canonicalEventJson, canonicalJson, GENESIS_HASH, type AuditEventContent } from '../domain/audit/canonical.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import type { VerifyWorkerData, VerifyWorkerMessage } from './verify-worker.ts';

export type VerifyProblem = { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch'; detail: string };
export type VerifyResult = { ok: boolean; events: number; headSeq: number; headHash: string; problem?: VerifyProblem };

export { canonicalEventJson } from '../domain/audit/canonical.ts';

/** The text an event's SM3 hash covers (same as `chainInput` in domain/audit/canonical.ts). */
export function eventChainInput(prevHash: string, e: AuditEventContent): string {
  return `${prevHash}\n${canonicalEventJson(e)}`;
}

type Row = {
  seq: string;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  jurisdiction_id: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
};

/** The next batch of events after `afterSeq` (up to `lastSeq` when given), the instant already in the ISO form the hash covers. */
async function fetchBatch(db: Db, afterSeq: number, limit: number, lastSeq: number | null): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
      actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data, prev_hash, hash
    from audit_events where seq > ${afterSeq} ${lastSeq === null ? sql`` : sql`and seq <= ${lastSeq}`} order by seq limit ${limit}`.execute(db);
  return rows;
}

/** `eventChainInput` of a stored row, written straight from its columns (audit-chain.test.ts checks it on every kind of text). */
function rowChainInput(prevHash: string, row: Row, seq: number): string {
  const s = JSON.stringify;
  return `${prevHash}\n{"action":${s(row.action)},"actor":${s(row.actor)},"actorUserId":${s(row.actor_user_id)},"data":${canonicalJson(row.data)},"entityId":${s(row.entity_id)},"entityType":${s(row.entity_type)},"id":${s(row.id)},"jurisdictionId":${s(row.jurisdiction_id)},"occurredAt":${s(row.occurred_at)},"seq":${seq}}`;
}

/** What a run over consecutive events found: where it started and ended, and its first problem. */
export type RangeResult = {
  /** Sequence number and `prev_hash` of the first event read (null when none was read). */
  firstRowSeq: number | null;
  firstPrevHash: string | null;
  lastSeq: number;
  lastHash: string | null;
  problem?: VerifyProblem;
};

/**
 * Verifies the events from `firstSeq` on (to `lastSeq`, or the end): sequence numbers, links within
 * the range and every hash. The link into the range (its first `prev_hash`) is the caller's to check.
 */
export async function verifyRange(
  db: Db,
  range: { firstSeq: number; lastSeq: number | null; batchSize: number },
  onProgress?: (lastSeq: number) => void,
): Promise<RangeResult> {
  const { firstSeq, lastSeq: upTo, batchSize } = range;
  let expectedSeq = firstSeq;
  let prevHash: string | null = null;
  let first: { seq: number; prevHash: string } | null = null;
  let lastSeq = firstSeq - 1;
  let pending = fetchBatch(db, firstSeq - 1, batchSize, upTo);
  for (;;) {
    const rows = await pending;
    // Ask for the next batch before hashing this one.
    if (rows.length === batchSize) pending = fetchBatch(db, Number(rows[rows.length - 1]!.seq), batchSize, upTo);
    for (const row of rows) {
      const seq = Number(row.seq);
      first ??= { seq, prevHash: row.prev_hash };
      let problem: [VerifyProblem['reason'], string] | null = null;
      if (seq !== expectedSeq) problem = ['sequence_gap', `expected event ${expectedSeq}, found ${seq}`];
      else if (prevHash !== null && row.prev_hash !== prevHash) problem = ['broken_link', `prev_hash does not match the hash of event ${seq - 1}`];
      else if (sm3Hex(rowChainInput(row.prev_hash, row, seq)) !== row.hash) problem = ['hash_mismatch', `the content of event ${seq} does not match its hash`];
      if (problem) {
        if (rows.length === batchSize) await pending.catch(() => undefined);
        return { firstRowSeq: first.seq, firstPrevHash: first.prevHash, lastSeq, lastHash: prevHash, problem: { seq, reason: problem[0], detail: problem[1] } };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
    onProgress?.(lastSeq);
    if (rows.length < batchSize) break;
  }
  return { firstRowSeq: first?.seq ?? null, firstPrevHash: first?.prevHash ?? null, lastSeq, lastHash: prevHash };
}

export type VerifyOptions = {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * PostgreSQL only: verify a long chain in worker threads (default: one per CPU), each reading one
   * range of it over its own connection — hashing is per event, so the work divides; only the links
   * where the ranges meet are checked here. PGlite is one in-process database: always one thread.
   */
  parallel?: { databaseUrl: string; workers?: number; minEventsPerWorker?: number };
};

/** How `rongcuo audit verify` verifies a database: in parallel threads on PostgreSQL, in one on PGlite. */
export function auditVerifyOptions(handle: Pick<DbHandle, 'url'>): VerifyOptions {
  return handle.url ? { parallel: { databaseUrl: handle.url } } : {};
}

/** Below this many events per thread, starting threads costs more than it saves (default). */
const MIN_EVENTS_PER_WORKER = 250_000;

export async function verifyAuditChain(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 10_000;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const headSeq = Number(head.seq);
  const workers = opts.parallel ? Math.min(opts.parallel.workers ?? availableParallelism(), Math.floor(headSeq / (opts.parallel.minEventsPerWorker ?? MIN_EVENTS_PER_WORKER))) : 1;
  if (workers < 2) {
    const run = await verifyRange(db, { firstSeq: 1, lastSeq: null, batchSize }, (done) => opts.onProgress?.(done, headSeq));
    return conclude([run], head.hash, headSeq);
  }
  // Consecutive ranges, the last one open-ended (events beyond the head are read, and reported).
  const size = Math.ceil(headSeq / workers);
  const done = new Array<number>(workers).fill(0);
  const runs = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const firstSeq = i * size + 1;
      return runVerifyWorker({ databaseUrl: opts.parallel!.databaseUrl, firstSeq, lastSeq: i === workers - 1 ? null : (i + 1) * size, batchSize }, (lastSeq) => {
        done[i] = lastSeq - firstSeq + 1;
        opts.onProgress?.(Math.min(done.reduce((a, b) => a + b, 0), headSeq), headSeq);
      });
    }),
  );
  return conclude(runs, head.hash, headSeq);
}

/** Runs verify-worker.ts in a thread (through tsx's loader, as the rest of the code runs). */
function runVerifyWorker(data: VerifyWorkerData, onProgress: (lastSeq: number) => void): Promise<RangeResult> {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const script = new URL('./verify-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: data });
  return new Promise<RangeResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: VerifyWorkerMessage) => {
      if ('progress' in message) onProgress(message.progress);
      else if ('result' in message) {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(`audit verify worker: ${message.error}`));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`audit verify worker exited with code ${code} before answering`));
    });
  });
}

/**
 * The chain's verdict from consecutive ranges (in order, together covering every event from 1):
 * the first problem by sequence number — inside a range, at the link between two, or at the head.
 */
function conclude(runs: RangeResult[], headHash: string, headSeq: number): VerifyResult {
  const fail = (seq: number, reason: VerifyProblem['reason'], detail: string): VerifyResult => ({ ok: false, events: seq - 1, headSeq, headHash, problem: { seq, reason, detail } });
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  for (const run of runs) {
    // Where a range begins, its first event must follow the last one verified, and link to it.
    if (run.firstRowSeq !== null && run.firstPrevHash !== null) {
      if (run.firstRowSeq !== lastSeq + 1) return fail(run.firstRowSeq, 'sequence_gap', `expected event ${lastSeq + 1}, found ${run.firstRowSeq}`);
      if (run.firstPrevHash !== prevHash) return fail(run.firstRowSeq, 'broken_link', `prev_hash does not match the hash of event ${run.firstRowSeq - 1}`);
    }
    if (run.problem) return fail(run.problem.seq, run.problem.reason, run.problem.detail);
    if (run.lastHash !== null) {
      prevHash = run.lastHash;
      lastSeq = run.lastSeq;
    }
  }
  if (lastSeq !== headSeq || prevHash !== headHash) {
    return {
      ok: false,
      events: lastSeq,
      headSeq,
      headHash,
      problem: { seq: Math.min(lastSeq + 1, headSeq), reason: 'head_mismatch', detail: `the chain ends at event ${lastSeq} but the head records event ${headSeq}` },
    };
  }
  return { ok: true, events: lastSeq, headSeq, headHash };
}
