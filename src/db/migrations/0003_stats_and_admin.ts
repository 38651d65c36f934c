import { sql, type Kysely } from 'kysely';

/**
 * Dashboard statistics that stay fast at national scale (DESIGN §4): per-jurisdiction, per-day
 * counters of matters by the day they were opened (src/domain/stats/metrics.ts), and an index that
 * lets the interim query read one period's matters without scanning the history.
 * Core PostgreSQL 15 SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matter_stats_daily (
      jurisdiction_id uuid not null references jurisdictions(id),
      -- the cohort: the Beijing date the matters were opened
      day date not null,
      type text not null,
      -- e.g. applied, accepted, outcome.exempt, days.acceptance.sum (src/domain/stats/metrics.ts)
      metric text not null,
      count integer not null,
      primary key (jurisdiction_id, day, type, metric)
    )`.execute(db);
  await sql`create index matters_cohort_idx on matters (jurisdiction_id, created_at)`.execute(db);
}
