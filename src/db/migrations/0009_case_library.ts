import { sql, type Kysely } from 'kysely';

/**
 * 典型案例库: a decided tolerance matter de-identified into a typical case (DESIGN §3.11). One row per
 * matter; the texts are the de-identified ones the case officer edits, never the matter's own (those
 * stay encrypted in `matters`). Published rows are what the public page shows.
 *
 * Chinese full-text search with core PostgreSQL only (the same on PGlite and PostgreSQL, and on the
 * PostgreSQL-derived databases a county may have to use): the application segments the text with
 * Intl.Segmenter and stores two `simple` tsvectors — the segmenter's words (for ranking) and every
 * Chinese character alone (so a query is a substring match, 垫 <-> 资, whatever the segmenter made
 * of the sentence). Title tokens weigh A, the rest B.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_library_entries (
      id uuid primary key,
      matter_id uuid not null unique references matters(id),
      jurisdiction_id uuid not null references jurisdictions(id),
      status text not null check (status in ('draft', 'proposed', 'returned', 'published', 'withdrawn')),
      -- given at the first publication, e.g. K典〔2026〕1号; kept through a withdrawal
      number text unique,
      title text not null,
      facts text not null,
      handling text not null,
      significance text not null default '',
      outcome text not null check (outcome in ('exempt', 'mitigate', 'refuse')),
      situation_ids text[] not null default '{}',
      exclusion_ids text[] not null default '{}',
      -- labels of the situations and exclusions under the policy version the matter was decided by
      labels jsonb not null,
      decided_year integer not null,
      -- YYYY-MM: a published case is dated to the month only
      decided_month text not null,
      search_words tsvector not null,
      search_chars tsvector not null,
      return_reason text,
      created_by uuid references users(id),
      proposed_at timestamptz,
      published_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index case_library_chars_idx on case_library_entries using gin (search_chars)`.execute(db);
  await sql`create index case_library_scope_idx on case_library_entries (jurisdiction_id, status)`.execute(
    db,
  );
  await sql`create index case_library_published_idx on case_library_entries (published_at desc) where status = 'published'`.execute(
    db,
  );
}
