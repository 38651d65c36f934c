import { sql, type Kysely } from 'kysely';

/**
 * The county scorecard (实施力度评价, issue 8 item 3).
 *
 * `procedure_stats_daily`: per-jurisdiction, per-day counters of the events the scorecard counts in
 * the procedures beside tolerance (a correction closed or ended, a name cleared, a follow-up visit
 * made, each also "on time" or not — src/domain/stats/procedure-events.ts), written by the step that
 * makes the event happen, in its transaction. Unlike `matter_stats_daily` (by the day a matter was
 * opened), `day` is the day of the event. A scorecard reads one row per jurisdiction, day and metric
 * with activity in its period, whatever the history.
 *
 * `scorecard_weights`: the composite score's weights a city or province commission sets for its
 * comparisons, from an effective date (policy-like data: a later set never changes what an earlier
 * period was scored with). Core PostgreSQL 15 SQL only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table procedure_stats_daily (
      jurisdiction_id uuid not null references jurisdictions(id),
      -- the Beijing date the event happened
      day date not null,
      type text not null,
      -- e.g. correction.closed, name_clearing.cleared_on_time, follow_up.visited
      metric text not null,
      count integer not null,
      primary key (jurisdiction_id, day, type, metric)
    )`.execute(db);
  await sql`
    create table scorecard_weights (
      id uuid primary key,
      jurisdiction_id uuid not null references jurisdictions(id),
      effective_from date not null,
      -- { "applicationsPer1000": 15, … } (src/domain/stats/scorecard-weights.ts); missing keys weigh 0
      weights jsonb not null,
      reason text not null,
      set_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index scorecard_weights_jurisdiction_idx on scorecard_weights (jurisdiction_id, effective_from desc, created_at desc)`.execute(
    db,
  );
}
