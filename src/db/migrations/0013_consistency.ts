import { sql, type Kysely } from 'kysely';

/**
 * 认定尺度统一 (consistency, issue 8 item 5): one compact signature per tolerance matter whose facts
 * are established, written with the facts and completed by the decision, so "the most similar
 * decided matters" is a few index look-ups instead of a scan of the history (docs/decisions/0005).
 *
 * - `gate_key` (G1=y,G2=y,G3=n,…) and `item_key` (S2,S3|X1) are the structured signature as text, so
 *   the same gates, the gates one step away and the same situations/exclusions are btree probes;
 * - `terms` are the facts' terms (the account and the findings, domain/consistency/terms.ts) as
 *   keyed digests — the first 32 bits of HMAC-SM3 under the blind-index key, sorted, four bytes each
 *   — so two accounts are compared (one merge pass in the application) without the plain words,
 *   which stay SM4-encrypted in `matters` and `matter_records`;
 * - `outcome` and `decided_on` are set while a decision is in effect (decided, notified, under review,
 *   closed) and cleared when it is not (reopened); the partial indexes hold decided rows only;
 * - `proposed_by` / `decided_by` feed the supervisor's outcome mix by decision-maker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table decision_signatures (
      matter_id uuid primary key references matters(id),
      jurisdiction_id uuid not null references jurisdictions(id),
      subject_unit_id uuid references units(id),
      policy_id text not null,
      policy_version text not null,
      gate_key text not null,
      item_key text not null,
      situation_ids text[] not null default '{}',
      exclusion_ids text[] not null default '{}',
      terms bytea not null default ''::bytea,
      outcome text check (outcome in ('exempt', 'mitigate', 'refuse')),
      decided_on date,
      proposed_by uuid references users(id),
      decided_by uuid references users(id),
      updated_at timestamptz not null,
      check ((outcome is null) = (decided_on is null))
    )`.execute(db);
  await sql`create index decision_signatures_gate_idx on decision_signatures (gate_key, jurisdiction_id, decided_on desc) where outcome is not null`.execute(
    db,
  );
  await sql`create index decision_signatures_item_idx on decision_signatures (item_key, jurisdiction_id, decided_on desc) where outcome is not null`.execute(
    db,
  );
  await sql`create index decision_signatures_scope_idx on decision_signatures (jurisdiction_id, decided_on desc) where outcome is not null`.execute(
    db,
  );
}
