import { sql, type Kysely } from 'kysely';

/**
 * Correction and pre-registration live in the existing tables (matters with their clocks and jsonb,
 * matter_records, matter_files, documents). What they add is a way back along `linked_matter_id`:
 * a tolerance matter finds the corrections its decision ordered (reopening needs an escalated one),
 * and a pre-registration the tolerance matters that link to it — without scanning every matter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index matters_linked_idx on matters (linked_matter_id, type, status) where linked_matter_id is not null`.execute(
    db,
  );
}
