/**
 * Experiment behind a design choice of the scale generator (DESIGN §4, STACK §2 (b)): is it faster
 * to hash the audit chain in Node while generating and insert each event once (what generate.ts
 * does), or to let SQL insert the events and compute the chain in a second pass that reads them in
 * sequence order and writes the hashes back with `update … from unnest(…)`?
 *
 *   DATABASE_URL=postgres://…/db-with-generated-data npx tsx bench/experiments-chain.ts [events]
 *
 * It copies the first N generated events into two scratch tables and times both ways on them.
 */
import { sql } from 'kysely';
import { connect } from '../src/db/connect.ts';
import { eventChainInput } from '../src/audit/verify.ts';
import { sm3Hex } from '../src/crypto/sm3.ts';
import { ColumnBatch, bulkInsert, run, unnestSource } from '../src/db/seed/scale/bulk.ts';
import { GENESIS_HASH } from '../src/domain/audit/canonical.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: a database filled by `rongcuo generate`');
const limit = Number(process.argv[2] ?? 200_000);
const handle = await connect({ engine: 'postgres', url });
const db = handle.db;
const CHUNK = 10_000;
type Row = { seq: string; id: string; occurred_at: string; actor_user_id: string | null; actor: string; action: string; entity_type: string; entity_id: string | null; jurisdiction_id: string | null; data: Record<string, unknown> };
const COLUMNS = [['seq', 'bigint'], ['id', 'uuid'], ['occurred_at', 'timestamptz'], ['actor_user_id', 'uuid'], ['actor', 'text'], ['action', 'text'], ['entity_type', 'text'], ['entity_id', 'text'], ['jurisdiction_id', 'uuid'], ['data', 'jsonb'], ['prev_hash', 'text'], ['hash', 'text']] as const;

const source = (await sql<Row>`select seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data from audit_events order by seq limit ${limit}`.execute(db)).rows;
await run(db, 'drop table if exists exp_one_pass, exp_two_pass');
await run(db, 'create table exp_one_pass (like audit_events including all)');
await run(db, 'create table exp_two_pass (like audit_events including all)');
const content = (r: Row) => ({ seq: Number(r.seq), id: r.id, occurredAt: r.occurred_at, actorUserId: r.actor_user_id, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, jurisdictionId: r.jurisdiction_id, data: r.data });

// One pass: hash while building the rows, insert once.
let t = performance.now();
let prev = GENESIS_HASH;
for (let i = 0; i < source.length; i += CHUNK) {
  const batch = new ColumnBatch(COLUMNS);
  for (const r of source.slice(i, i + CHUNK)) {
    const hash = sm3Hex(eventChainInput(prev, content(r)));
    batch.push(r.seq, r.id, r.occurred_at, r.actor_user_id, r.actor, r.action, r.entity_type, r.entity_id, r.jurisdiction_id, JSON.stringify(r.data), prev, hash);
    prev = hash;
  }
  await bulkInsert(db, 'exp_one_pass', batch);
}
const onePass = performance.now() - t;

// Two passes: insert without hashes, then read back in order and update.
t = performance.now();
for (let i = 0; i < source.length; i += CHUNK) {
  const batch = new ColumnBatch(COLUMNS);
  for (const r of source.slice(i, i + CHUNK)) batch.push(r.seq, r.id, r.occurred_at, r.actor_user_id, r.actor, r.action, r.entity_type, r.entity_id, r.jurisdiction_id, JSON.stringify(r.data), '', '');
  await bulkInsert(db, 'exp_two_pass', batch);
}
const insertOnly = performance.now() - t;
prev = GENESIS_HASH;
for (let after = 0; ; ) {
  const rows = (await sql<Row>`select seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data from exp_two_pass where seq > ${after} order by seq limit ${CHUNK}`.execute(db)).rows;
  if (rows.length === 0) break;
  const hashes = new ColumnBatch([['seq', 'bigint'], ['prev_hash', 'text'], ['hash', 'text']]);
  for (const r of rows) {
    const hash = sm3Hex(eventChainInput(prev, content(r)));
    hashes.push(r.seq, prev, hash);
    prev = hash;
  }
  const u = unnestSource(hashes, 'h');
  await run(db, `update exp_two_pass e set prev_hash = h.prev_hash, hash = h.hash from ${u.sql} where e.seq = h.seq`, u.params);
  after = Number(rows[rows.length - 1]!.seq);
}
const twoPass = performance.now() - t;
const same = (await sql<{ n: string }>`select count(*) as n from exp_one_pass a join exp_two_pass b using (seq) where a.hash = b.hash`.execute(db)).rows[0]!.n;
console.log(JSON.stringify({ events: source.length, onePassMs: Math.round(onePass), twoPassMs: Math.round(twoPass), twoPassInsertMs: Math.round(insertOnly), identicalHashes: Number(same) }));
await run(db, 'drop table exp_one_pass, exp_two_pass');
await handle.close();
