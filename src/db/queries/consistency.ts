/**
 * Read models of the consistency checks (认定尺度统一): the candidates for "similar decided matters",
 * the details of the few shown, and the outcome mix by unit and decision-maker.
 *
 * Cost does not grow with the history: candidates come from a handful of probes of
 * decision_signatures, each an index range in the viewer's scope cut to a fixed number of the most
 * recent rows (the same structure; the same gates; gates one step away; the same situations and
 * exclusions; the most recent of all), so a request reads at most a few hundred compact rows however
 * many matters were ever decided (docs/decisions/0005). Each candidate comes with its term set
 * (four bytes a term), which the application intersects with the matter's in one merge pass.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connect.ts';
import type { OutcomeValue } from '../schema.ts';
import { escapeLike } from './roster.ts';

/** How many of the most recent rows each probe reads. */
export const PROBE_LIMITS = {
  exact: 300,
  gates: 100,
  neighbours: 100,
  items: 100,
  recent: 100,
  cases: 100,
} as const;

/** The jurisdictions under any of `paths`, as a condition on `column` (an init plan, matched by id). */
export function underPaths(column: string, paths: readonly string[]): RawBuilder<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  const likes = sql.join(
    paths.map((p) => sql`path like ${`${escapeLike(p)}%`}`),
    sql` or `,
  );
  return sql<SqlBool>`${sql.ref(column)} = any(array(select id from jurisdictions where ${likes}))`;
}

export type SignatureProbe = {
  gateKey: string;
  itemKey: string;
  neighbourKeys: readonly string[];
  /** The matter asking: never its own neighbour. */
  excludeMatterId: string;
};

export type CandidateRow = {
  matter_id: string;
  jurisdiction_id: string;
  gate_key: string;
  situation_ids: string[];
  exclusion_ids: string[];
  outcome: OutcomeValue;
  decided_on: string;
  /** The stored term set (domain/consistency/terms.ts): compared in the application, one merge pass. */
  terms: Uint8Array;
  case_id: string | null;
};

/** Decided matters in scope found by the probes, with their structure and shared terms. */
export async function scopeCandidates(
  db: Db,
  probe: SignatureProbe,
  scopePaths: readonly string[],
): Promise<CandidateRow[]> {
  if (scopePaths.length === 0) return [];
  const scope = underPaths('jurisdiction_id', scopePaths);
  const decided = sql`outcome is not null and ${scope}`;
  const pick = (condition: RawBuilder<unknown>, limit: number) =>
    sql`(select matter_id from decision_signatures where ${decided} and ${condition} order by decided_on desc limit ${limit})`;
  const neighbours = probe.neighbourKeys.length > 0 ? [...probe.neighbourKeys] : [''];
  const { rows } = await sql<CandidateRow>`
    select s.matter_id, s.jurisdiction_id, s.gate_key, s.situation_ids, s.exclusion_ids, s.outcome,
           s.decided_on::text as decided_on, s.terms, null::uuid as case_id
    from decision_signatures s
    -- An array of ids, not a join: the rows are read by primary key whatever the planner thinks of the union.
    where s.matter_id = any(array(
      ${pick(sql`gate_key = ${probe.gateKey} and item_key = ${probe.itemKey}`, PROBE_LIMITS.exact)}
      union ${pick(sql`gate_key = ${probe.gateKey}`, PROBE_LIMITS.gates)}
      union ${pick(sql`gate_key = any(${neighbours}::text[])`, PROBE_LIMITS.neighbours)}
      union ${pick(sql`item_key = ${probe.itemKey}`, PROBE_LIMITS.items)}
      union ${pick(sql`true`, PROBE_LIMITS.recent)}
    )) and s.matter_id <> ${probe.excludeMatterId} and s.outcome is not null`.execute(db);
  return rows;
}

/**
 * Published typical cases (any jurisdiction) whose decision stands and whose structure meets one of
 * the probes, most recently published first.
 */
export async function caseCandidates(db: Db, probe: SignatureProbe): Promise<CandidateRow[]> {
  const neighbours = probe.neighbourKeys.length > 0 ? [...probe.neighbourKeys] : [''];
  const { rows } = await sql<CandidateRow>`
    select s.matter_id, s.jurisdiction_id, s.gate_key, s.situation_ids, s.exclusion_ids, s.outcome,
           s.decided_on::text as decided_on, s.terms, e.id as case_id
    from case_library_entries e
    join decision_signatures s on s.matter_id = e.matter_id
    join matters m on m.id = e.matter_id
    where e.status = 'published' and s.outcome = e.outcome and m.status in ('decided', 'notified', 'closed')
      and (s.gate_key = ${probe.gateKey} or s.item_key = ${probe.itemKey} or s.gate_key = any(${neighbours}::text[]))
      and e.matter_id <> ${probe.excludeMatterId}
    order by e.published_at desc
    limit ${PROBE_LIMITS.cases}`.execute(db);
  return rows;
}

export type NeighbourDetail = {
  id: string;
  number: string;
  title: string;
  status: string;
  filed: boolean;
  subject_cadre_id: string | null;
  subject_unit_id: string | null;
  applicant_user_id: string | null;
  subject_name: string | null;
  unit_name: string | null;
  jurisdiction_name: string;
  jurisdiction_path: string;
  jurisdiction_level: 'province' | 'city' | 'county' | 'township';
  declared_conflict: boolean;
  case_id: string | null;
  case_number: string | null;
  case_title: string | null;
};

/** What the list shows of the chosen neighbours, and what their access check needs. */
export async function neighbourDetails(
  db: Db,
  ids: readonly string[],
  viewerUserId: string,
): Promise<NeighbourDetail[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .leftJoin('cadres as c', 'c.id', 'm.subject_cadre_id')
    .leftJoin('units as u', 'u.id', 'm.subject_unit_id')
    .leftJoin('case_library_entries as e', (join) =>
      join.onRef('e.matter_id', '=', 'm.id').on('e.status', '=', 'published'),
    )
    .select([
      'm.id',
      'm.number',
      'm.title',
      'm.status',
      sql<boolean>`m.filed_at is not null`.as('filed'),
      'm.subject_cadre_id',
      'm.subject_unit_id',
      'm.applicant_user_id',
      'c.name as subject_name',
      'u.name as unit_name',
      'j.name as jurisdiction_name',
      'j.path as jurisdiction_path',
      'j.level as jurisdiction_level',
      sql<boolean>`exists (select 1 from matter_records r where r.matter_id = m.id and r.kind = 'conflict_declared' and r.created_by = ${viewerUserId})`.as(
        'declared_conflict',
      ),
      'e.id as case_id',
      'e.number as case_number',
      'e.title as case_title',
    ])
    .where('m.id', 'in', [...ids])
    .execute();
}

/** Names and levels of jurisdictions by id (the ancestors named in paths). */
export async function jurisdictionNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; level: string }>();
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, level: r.level }]));
}

/** The stored signature of one matter (its structure and terms), if facts were recorded. */
export async function signatureRow(db: Db, matterId: string) {
  return db
    .selectFrom('decision_signatures')
    .selectAll()
    .where('matter_id', '=', matterId)
    .executeTakeFirst();
}

export type MixDimension = 'unit' | 'proposer' | 'decider';

export type MixCountRow = { key: string | null; name: string | null; outcome: OutcomeValue; n: number };

/**
 * Decided matters under `rootPath` decided within the period, counted by outcome and by the chosen
 * dimension (the cadre's unit, the officer who proposed, the leader who issued the decision). Read
 * through decision_signatures_scope_idx (jurisdiction, decided_on): the cost grows with the matters
 * decided in the period and scope, not with the history before it.
 */
export async function outcomeMixCounts(
  db: Db,
  rootPath: string,
  period: { from: string; to: string },
  dimension: MixDimension,
): Promise<MixCountRow[]> {
  const column = { unit: 's.subject_unit_id', proposer: 's.proposed_by', decider: 's.decided_by' }[dimension];
  const name =
    dimension === 'unit'
      ? sql<string | null>`(select name from units where id = g.key)`
      : sql<string | null>`(select display_name from users where id = g.key)`;
  const { rows } = await sql<MixCountRow>`
    select g.key, ${name} as name, g.outcome, g.n
    from (
      select ${sql.ref(column)} as key, s.outcome, count(*)::int as n
      from decision_signatures s
      where s.outcome is not null and ${underPaths('s.jurisdiction_id', [rootPath])}
        and s.decided_on between ${period.from}::date and ${period.to}::date
      group by 1, 2
    ) g
    order by name nulls last, g.key`.execute(db);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
