import { sql, type Kysely } from 'kysely';

/**
 * Foundation: jurisdictions, units, cadres, accounts, sessions, audit chain, imports.
 * Core PostgreSQL 15 SQL only (PGlite is PG 18, production may be PG 15 or a domestic derivative).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jurisdictions (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      level text not null check (level in ('province', 'city', 'county', 'township')),
      parent_id uuid references jurisdictions(id),
      -- materialised path of ids ("/<province>/<city>/<county>/"): scope checks are a prefix match
      path text not null unique,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index jurisdictions_path_idx on jurisdictions (path text_pattern_ops)`.execute(db);

  await sql`
    create table units (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_id uuid not null references jurisdictions(id),
      parent_id uuid references units(id),
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('party', 'government', 'people_congress', 'cppcc', 'judicial',
        'mass_org', 'institution', 'enterprise', 'township', 'village', 'other')),
      created_at timestamptz not null default now(),
      unique (jurisdiction_id, name)
    )`.execute(db);

  await sql`
    create table cadres (
      id uuid primary key default gen_random_uuid(),
      jurisdiction_id uuid not null references jurisdictions(id),
      unit_id uuid not null references units(id),
      name text not null,
      gender text not null check (gender in ('male', 'female')),
      birth_month text not null check (birth_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      position text not null,
      rank text not null,
      party_membership text not null check (party_membership in ('member', 'probationary', 'none')),
      status text not null check (status in ('in_office', 'retired', 'transferred_out', 'deceased')),
      -- 身份证号 / 手机号: SM4 + HMAC-SM3 ciphertext, a keyed hash for exact look-up, and the masked form for lists
      id_number_enc text not null,
      id_number_hash text not null unique,
      id_number_masked text not null,
      mobile_enc text,
      mobile_masked text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index cadres_jurisdiction_name_idx on cadres (jurisdiction_id, name)`.execute(db);
  await sql`create index cadres_unit_idx on cadres (unit_id)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9_.-]{2,40}$'),
      display_name text not null,
      password_hash text not null,
      cadre_id uuid references cadres(id),
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      totp_secret_enc text,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      role text not null check (role in ('cadre', 'unit_leader', 'case_officer', 'committee_member',
        'commission_leader', 'org_dept', 'supervisor', 'admin')),
      jurisdiction_id uuid not null references jurisdictions(id),
      -- a unit leader acts for one unit
      unit_id uuid references units(id),
      created_at timestamptz not null default now(),
      unique (user_id, role, jurisdiction_id)
    )`.execute(db);

  await sql`
    create table sessions (
      -- SM3 of the cookie token: a leaked table does not yield usable cookies
      token_hash text primary key,
      user_id uuid not null references users(id),
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text not null,
      user_agent text not null default ''
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table login_attempts (
      id bigserial primary key,
      username text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index login_attempts_ip_idx on login_attempts (ip, at)`.execute(db);
  await sql`create index login_attempts_username_idx on login_attempts (username, at)`.execute(db);

  await sql`
    create table audit_events (
      seq bigint primary key,
      id uuid not null unique,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      actor text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      jurisdiction_id uuid,
      data jsonb not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_events_entity_idx on audit_events (entity_type, entity_id, seq)`.execute(db);
  // One row holding the chain head: appending locks it, so events get gap-free sequence numbers in commit order.
  await sql`
    create table audit_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash text not null
    )`.execute(db);
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  await sql`
    create table imports (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('cadres')),
      jurisdiction_id uuid not null references jurisdictions(id),
      filename text not null,
      file_digest text not null,
      mode text not null check (mode in ('all_or_nothing', 'valid_rows')),
      total_rows integer not null,
      created_count integer not null,
      updated_count integer not null,
      unchanged_count integer not null,
      error_count integer not null,
      errors jsonb not null,
      actor_user_id uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);

  await sql`
    create table app_settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
