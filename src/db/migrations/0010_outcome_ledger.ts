import { sql, type Kysely } from 'kysely';

/**
 * 结果运用台账 (DESIGN §3.9, DOMAIN §5.1, §9): one row per outcome per cadre — a tolerance decision, a
 * correction ordered / closed / ended, a name clearing, a sanction, a reuse decision — with its
 * effects computed when recorded (src/domain/outcome-ledger), its dates, its source and the policy
 * version. Rows are never changed: a later decision is a new row naming the one it supersedes
 * (`supersedes_id`, at most once each), and a trigger refuses UPDATE and DELETE outright (restore
 * truncates, which row triggers do not see).
 *
 * `seq` is the cursor of the pull API: numbered under the single head row's lock at the end of the
 * writing transaction (db/late-writes.ts), so numbers follow commit order without gaps and a system
 * that has read up to N never later finds an N-1 it missed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outcome_ledger_head (
      id smallint primary key check (id = 1),
      seq bigint not null
    )`.execute(db);
  await sql`insert into outcome_ledger_head (id, seq) values (1, 0)`.execute(db);

  await sql`
    create table outcome_ledger (
      id uuid primary key,
      seq bigint not null unique,
      cadre_id uuid not null references cadres(id),
      -- The commission that decided (county or above), and the cadre's jurisdiction path when recorded:
      -- the organisation department reads the entries of the cadres in its jurisdictions.
      jurisdiction_id uuid not null references jurisdictions(id),
      jurisdiction_path text not null,
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('tolerance_decision', 'correction_ordered', 'correction_closed',
        'correction_terminated', 'name_cleared', 'sanction', 'reuse_decision')),
      -- Entries of one chain supersede one another (a tolerance matter, a correction, a sanction's reuse).
      chain_key text not null,
      supersedes_id uuid references outcome_ledger(id),
      facts jsonb not null,
      effects jsonb not null,
      scope text not null,
      effective_from date not null,
      effective_until date,
      source_matter_id uuid references matters(id),
      sanction_id uuid references sanctions(id),
      source_document_id uuid references documents(id),
      document_number text,
      policy_id text not null,
      policy_version text not null,
      recorded_by uuid references users(id),
      recorded_at timestamptz not null,
      check (effective_until is null or effective_until >= effective_from),
      check (supersedes_id is null or supersedes_id <> id)
    )`.execute(db);
  await sql`create unique index outcome_ledger_supersedes_idx on outcome_ledger (supersedes_id) where supersedes_id is not null`.execute(
    db,
  );
  await sql`create index outcome_ledger_cadre_idx on outcome_ledger (cadre_id, seq)`.execute(db);
  await sql`create index outcome_ledger_chain_idx on outcome_ledger (chain_key, seq)`.execute(db);
  // Scope prefix (jurisdiction path LIKE 'p%') with the newest first, and the pull API's cursor order.
  await sql`create index outcome_ledger_path_idx on outcome_ledger (jurisdiction_path text_pattern_ops, seq)`.execute(
    db,
  );
  await sql`create index outcome_ledger_matter_idx on outcome_ledger (source_matter_id) where source_matter_id is not null`.execute(
    db,
  );

  await sql`
    create function outcome_ledger_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'outcome_ledger is append-only: % refused', tg_op using errcode = '55000';
    end
    $$`.execute(db);
  await sql`
    create trigger outcome_ledger_append_only before update or delete on outcome_ledger
    for each row execute function outcome_ledger_append_only()`.execute(db);
}
