/** Read models for the roster pages. Every query takes the caller's scope (jurisdiction path prefixes). */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../connect.ts';
import type { Database, CadreStatus, Gender, PartyMembership } from '../schema.ts';

export type CadreFilters = {
  q?: string | undefined;
  /** Keyed hash of q, when q looks like an ID number (exact match on the blind index). */
  qIdNumberHash?: string | undefined;
  unitId?: string | undefined;
  /** Path of the chosen jurisdiction: it and everything below it. */
  jurisdictionPath?: string | undefined;
  status?: CadreStatus | undefined;
  gender?: Gender | undefined;
  partyMembership?: PartyMembership | undefined;
};

type From = Database & { c: Database['cadres']; u: Database['units']; j: Database['jurisdictions'] };

export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, scope: string[]) {
  if (scope.length === 0) return sql<boolean>`false`;
  return eb.or(scope.map((prefix) => eb(sql.ref(column), 'like', `${escapeLike(prefix)}%`)));
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function filtered(db: Db, scope: string[], f: CadreFilters) {
  let q = db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .where((eb) => inScope(eb, 'j.path', scope)) as unknown as SelectQueryBuilder<From, 'c' | 'u' | 'j', object>;
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.jurisdictionPath) q = q.where('j.path', 'like', `${escapeLike(f.jurisdictionPath)}%`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.gender) q = q.where('c.gender', '=', f.gender);
  if (f.partyMembership) q = q.where('c.party_membership', '=', f.partyMembership);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const hash = f.qIdNumberHash;
    q = q.where((eb) =>
      eb.or([
        eb('c.name', 'like', like),
        eb('c.position', 'like', like),
        eb('u.name', 'like', like),
        ...(hash ? [eb('c.id_number_hash', '=', hash)] : []),
      ]),
    );
  }
  return q;
}

const LIST_COLUMNS = [
  'c.id',
  'c.name',
  'c.gender',
  'c.birth_month',
  'c.position',
  'c.rank',
  'c.party_membership',
  'c.status',
  'c.id_number_masked',
  'c.mobile_masked',
  'c.created_at',
  'c.updated_at',
  'c.version',
  'u.id as unit_id',
  'u.name as unit_name',
  'j.id as jurisdiction_id',
  'j.name as jurisdiction_name',
  'j.path as jurisdiction_path',
] as const;

export type CadreRow = Awaited<ReturnType<typeof listCadres>>['rows'][number];

export async function listCadres(db: Db, scope: string[], f: CadreFilters, page: { page: number; pageSize: number }) {
  const base = filtered(db, scope, f);
  const [rows, count] = await Promise.all([
    base
      .select(LIST_COLUMNS)
      .orderBy('u.code')
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function exportCadres(db: Db, scope: string[], f: CadreFilters, limit: number) {
  return filtered(db, scope, f)
    .select([...LIST_COLUMNS, 'c.id_number_enc', 'c.mobile_enc'])
    .orderBy('u.code')
    .orderBy('c.name')
    .limit(limit)
    .execute();
}

/** One cadre, or undefined when missing OR outside the scope — callers cannot tell the two apart. */
export async function findCadre(db: Db, scope: string[], id: string) {
  return filtered(db, scope, {})
    .select([...LIST_COLUMNS, 'c.id_number_enc', 'c.mobile_enc'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function findJurisdictionPath(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('jurisdictions').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path;
}

export async function listJurisdictions(db: Db, scope: string[]) {
  return db
    .selectFrom('jurisdictions as j')
    .select(['j.id', 'j.code', 'j.name', 'j.level', 'j.parent_id'])
    .where((eb) => inScope(eb, 'j.path', scope))
    .orderBy('j.path')
    .execute();
}

export async function listUnits(db: Db, scope: string[], jurisdictionId?: string) {
  let q = db
    .selectFrom('units as u')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name',
      'u.kind',
      'u.jurisdiction_id',
      'u.parent_id',
      'j.name as jurisdiction_name',
      eb.selectFrom('cadres').select((e) => e.fn.countAll<string>().as('n')).whereRef('cadres.unit_id', '=', 'u.id').as('cadre_count'),
    ])
    .where((eb) => inScope(eb, 'j.path', scope));
  if (jurisdictionId) q = q.where('u.jurisdiction_id', '=', jurisdictionId);
  return q.orderBy('u.code').execute();
}
