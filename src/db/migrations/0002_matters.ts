import { sql, type Kysely } from 'kysely';

/**
 * Matters and their procedure records. One `matters` table serves every matter type (tolerance now;
 * correction, name clearing, follow-up visits and pre-registration arrive as new `type` values and
 * procedure tables); type-specific data lives in typed jsonb columns and in the record tables below.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matters (
      id uuid primary key,
      type text not null check (type in ('tolerance', 'correction', 'name_clearing', 'follow_up', 'pre_registration')),
      -- human-readable number, e.g. K容〔2026〕12号
      number text not null unique,
      jurisdiction_id uuid not null references jurisdictions(id),
      status text not null,
      suspended_from text,
      route text,
      subject_cadre_id uuid references cadres(id),
      -- the subject's unit when the matter was opened: recusal and unit-leader rights follow it
      subject_unit_id uuid references units(id),
      applicant_user_id uuid references users(id),
      title text not null,
      -- SM4-encrypted free text (the account of what happened), shown only to those who may read the matter
      summary_enc text,
      accountability_ref text,
      conduct_date date,
      policy_id text,
      policy_version text,
      facts jsonb,
      recommendation jsonb,
      proposal jsonb,
      outcome text check (outcome in ('exempt', 'mitigate', 'refuse')),
      decision jsonb,
      decided_at timestamptz,
      -- the active time limit, denormalised for the inbox (sorted by due date)
      clocks jsonb not null default '{}'::jsonb,
      due_on date,
      received_on date,
      appeal_deadline date,
      appealed boolean not null default false,
      filed_at timestamptz,
      published_at timestamptz,
      linked_matter_id uuid references matters(id),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz
    )`.execute(db);
  await sql`create index matters_inbox_idx on matters (jurisdiction_id, status, due_on)`.execute(db);
  await sql`create index matters_subject_idx on matters (subject_cadre_id)`.execute(db);
  await sql`create index matters_applicant_idx on matters (applicant_user_id)`.execute(db);
  await sql`create index matters_filed_idx on matters (jurisdiction_id, filed_at) where filed_at is not null`.execute(db);

  // Per-jurisdiction, per-year, per-type counters for matter numbers: no gaps from rolled-back transactions.
  await sql`
    create table matter_counters (
      jurisdiction_id uuid not null references jurisdictions(id),
      type text not null,
      year integer not null,
      last integer not null,
      primary key (jurisdiction_id, type, year)
    )`.execute(db);

  // Everything recorded on a matter that is not its status: tasks, interviews, unit opinion, notes,
  // supplements, receipts. `visibility` keeps internal work away from the cadre's view.
  await sql`
    create table matter_records (
      id uuid primary key,
      matter_id uuid not null references matters(id),
      kind text not null,
      visibility text not null check (visibility in ('internal', 'parties')),
      data jsonb not null,
      -- sensitive free text (interview notes, accusation details), SM4 + HMAC-SM3
      text_enc text,
      status text,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index matter_records_matter_idx on matter_records (matter_id, kind)`.execute(db);

  // Uploaded files stored once by content hash (SM3), referenced from evidence records.
  await sql`
    create table files (
      digest text primary key,
      size integer not null,
      mime text not null,
      bytes bytea not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table matter_files (
      id uuid primary key,
      matter_id uuid not null references matters(id),
      digest text not null references files(digest),
      filename text not null,
      description text not null default '',
      visibility text not null check (visibility in ('internal', 'parties')),
      uploaded_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index matter_files_matter_idx on matter_files (matter_id)`.execute(db);

  // 集体研究: a meeting of the deciding body; per member and matter: attendance, recusal, vote, opinion.
  await sql`
    create table meetings (
      id uuid primary key,
      jurisdiction_id uuid not null references jurisdictions(id),
      kind text not null check (kind in ('decision', 'review')),
      title text not null,
      held_on date not null,
      minutes_enc text,
      created_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table meeting_participants (
      meeting_id uuid not null references meetings(id),
      matter_id uuid not null references matters(id),
      user_id uuid not null references users(id),
      present boolean not null,
      recused boolean not null default false,
      recusal_reason text,
      vote text check (vote in ('exempt', 'mitigate', 'refuse')),
      opinion text,
      voted_at timestamptz,
      primary key (meeting_id, matter_id, user_id)
    )`.execute(db);
  await sql`create index meeting_participants_matter_idx on meeting_participants (matter_id)`.execute(db);

  // Issued documents, each with its SM3 digest, SM2 signature and public verification code.
  await sql`
    create table documents (
      id uuid primary key,
      matter_id uuid references matters(id),
      kind text not null,
      number text not null,
      title text not null,
      content jsonb not null,
      digest text not null,
      signature text not null,
      key_id text not null,
      code text not null unique,
      recipient text,
      issued_at timestamptz not null
    )`.execute(db);
  await sql`create index documents_matter_idx on documents (matter_id)`.execute(db);
  await sql`
    create table signing_keys (
      id text primary key,
      public_key text not null,
      private_key_enc text not null,
      active boolean not null,
      created_at timestamptz not null
    )`.execute(db);

  await sql`
    create table calendar_years (
      year integer primary key,
      schedule jsonb not null,
      entered_by uuid references users(id),
      updated_at timestamptz not null
    )`.execute(db);

  // Replays of create/submit requests carrying an Idempotency-Key get the first answer.
  await sql`
    create table idempotency_keys (
      key text not null,
      user_id uuid not null references users(id),
      request_digest text not null,
      response jsonb not null,
      status_code integer not null,
      created_at timestamptz not null,
      primary key (user_id, key)
    )`.execute(db);
}
