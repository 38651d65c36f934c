import { sql, type Kysely } from 'kysely';

/**
 * Sanctions and what follows them (DOMAIN §5.1, §7, §13.4): each sanction or organisational handling
 * recorded against a cadre, with the influence period computed when it was recorded under the policy
 * version named (so a later policy never moves a recorded period); the promotion and appointment
 * proposals the organisation department records, each checked against those periods; and the link
 * from a follow-up visit matter (matters.type = 'follow_up') to the sanction it follows up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sanctions (
      id uuid primary key,
      cadre_id uuid not null references cadres(id),
      -- The commission that handles the cadre (county or above), for scope.
      jurisdiction_id uuid not null references jurisdictions(id),
      -- The cadre's unit when the sanction was recorded.
      unit_id uuid not null references units(id),
      category text not null check (category in ('party_discipline', 'public_office', 'organisational')),
      sanction_type text not null,
      decided_on date not null,
      effective_on date not null,
      decided_by text not null,
      document_number text,
      summary_enc text,
      policy_id text not null,
      policy_version text not null,
      influence_months integer check (influence_months > 0),
      influence_ends_on date,
      reusable boolean not null,
      source_matter_id uuid references matters(id),
      recorded_by uuid references users(id),
      created_at timestamptz not null,
      check (effective_on >= decided_on),
      check ((influence_months is null) = (influence_ends_on is null)),
      check (influence_ends_on is null or influence_ends_on >= effective_on)
    )`.execute(db);
  await sql`create index sanctions_cadre_idx on sanctions (cadre_id, effective_on)`.execute(db);
  await sql`create index sanctions_jurisdiction_idx on sanctions (jurisdiction_id, effective_on desc)`.execute(
    db,
  );

  await sql`
    create table appointment_proposals (
      id uuid primary key,
      cadre_id uuid not null references cadres(id),
      jurisdiction_id uuid not null references jurisdictions(id),
      kind text not null check (kind in ('promotion', 'important_post', 'rank_promotion')),
      post text not null,
      proposed_on date not null,
      note text,
      recorded_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index appointment_proposals_cadre_idx on appointment_proposals (cadre_id, proposed_on)`.execute(
    db,
  );

  await sql`alter table matters add column sanction_id uuid references sanctions(id)`.execute(db);
  await sql`create index matters_sanction_idx on matters (sanction_id, status) where sanction_id is not null`.execute(
    db,
  );
  // One follow-up of a sanction under way at a time (a finished or cancelled one may be followed by another).
  await sql`
    create unique index matters_follow_up_in_progress_idx on matters (sanction_id)
    where type = 'follow_up' and status in ('planned', 'visited', 'graded', 'reuse_recommended', 'reuse_not_recommended')`.execute(
    db,
  );
}
