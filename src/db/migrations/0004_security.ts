import { sql, type Kysely } from 'kysely';

/**
 * Second factor (TOTP) and its recovery codes, and the short-lived challenge between the password
 * step and the second step of a sign-in. Core PostgreSQL 15 SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // users.totp_secret_enc (0001) holds the SM4-encrypted secret; it is pending until confirmed.
  await sql`alter table users add column totp_enabled_at timestamptz`.execute(db);
  // The last TOTP time step accepted: a code is never accepted twice (replay within its window).
  await sql`alter table users add column totp_last_step bigint`.execute(db);

  await sql`
    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      -- HMAC-SM3(salt, code): one random salt per code, the code itself is shown once and never stored
      salt text not null,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index recovery_codes_user_idx on recovery_codes (user_id)`.execute(db);

  await sql`
    create table login_challenges (
      -- SM3 of the challenge handed to the client after a correct password
      token_hash text primary key,
      user_id uuid not null references users(id),
      ip text not null,
      attempts integer not null default 0,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index login_challenges_user_idx on login_challenges (user_id)`.execute(db);
}
