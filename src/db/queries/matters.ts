/**
 * Read models of matters: the inbox (every matter the user may see, soonest deadline first) and the
 * records of one matter. Visibility mirrors domain/matters/access.ts as SQL so lists stay indexed.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connect.ts';
import type { Database } from '../schema.ts';
import type { Principal } from '../../domain/access.ts';
import { escapeLike } from './roster.ts';

type MatterScope = ExpressionBuilder<Database & { m: Database['matters']; j: Database['jurisdictions'] }, 'm' | 'j'>;

const DECIDED = ['decided', 'notified', 'under_review', 'closed'];

/** Matters the principal may see at all (any view), as one boolean expression. */
export function visibleMatters(eb: MatterScope, user: Principal): Expression<SqlBool> {
  const under = (roles: string[]) =>
    user.grants.filter((g) => roles.includes(g.role)).map((g) => eb('j.path', 'like', `${escapeLike(g.jurisdictionPath)}%`));
  const commission = under(['case_officer', 'committee_member', 'commission_leader']);
  const supervisor = under(['supervisor']);
  const orgDept = under(['org_dept']);
  const unitIds = user.grants.filter((g) => g.role === 'unit_leader' && g.unitId).map((g) => g.unitId!);
  const any: Expression<SqlBool>[] = [];
  // Drafts are the applicant's own until filed.
  if (commission.length) any.push(eb.and([eb.or(commission), eb('m.status', '!=', 'draft')]));
  if (supervisor.length) any.push(eb.and([eb.or(supervisor), eb.or([eb('m.filed_at', 'is not', null), eb('m.status', '=', 'awaiting_approval')])]));
  if (orgDept.length) any.push(eb.and([eb.or(orgDept), eb('m.status', 'in', DECIDED)]));
  if (user.grants.some((g) => g.role === 'cadre')) {
    if (user.cadreId) any.push(eb('m.subject_cadre_id', '=', user.cadreId));
    any.push(eb('m.applicant_user_id', '=', user.userId));
  }
  if (unitIds.length) any.push(eb('m.subject_unit_id', 'in', unitIds));
  return any.length ? eb.or(any) : sql<SqlBool>`false`;
}

export type InboxFilters = { status?: string | undefined; route?: string | undefined; jurisdictionId?: string | undefined; q?: string | undefined; overdueBefore?: string | undefined };

export async function listMatters(db: Db, user: Principal, f: InboxFilters, page: { page: number; pageSize: number }) {
  let q = db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .leftJoin('cadres as c', 'c.id', 'm.subject_cadre_id')
    .leftJoin('units as u', 'u.id', 'm.subject_unit_id')
    .where((eb) => visibleMatters(eb as unknown as MatterScope, user));
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.route) q = q.where('m.route', '=', f.route);
  if (f.jurisdictionId) q = q.where('m.jurisdiction_id', '=', f.jurisdictionId);
  if (f.overdueBefore) q = q.where('m.due_on', '<', f.overdueBefore);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like), eb('c.name', 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    q
      .select([
        'm.id', 'm.number', 'm.type', 'm.title', 'm.status', 'm.route', 'm.outcome', 'm.clocks', 'm.due_on', 'm.created_at', 'm.updated_at',
        'm.jurisdiction_id', 'j.name as jurisdiction_name', 'c.id as subject_id', 'c.name as subject_name', 'u.name as unit_name',
      ])
      .orderBy(sql`m.due_on asc nulls last`)
      .orderBy('m.updated_at', 'desc')
      .orderBy('m.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type MatterListRow = Awaited<ReturnType<typeof listMatters>>['rows'][number];

export async function matterExtras(db: Db, matterId: string) {
  const [subject, jurisdiction, records, files, documents, participants, timeline] = await Promise.all([
    db
      .selectFrom('matters as m')
      .leftJoin('cadres as c', 'c.id', 'm.subject_cadre_id')
      .leftJoin('units as u', 'u.id', 'm.subject_unit_id')
      .select(['c.id', 'c.name', 'u.name as unit_name'])
      .where('m.id', '=', matterId)
      .executeTakeFirst(),
    db.selectFrom('matters as m').innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id').select(['j.id', 'j.name']).where('m.id', '=', matterId).executeTakeFirstOrThrow(),
    db
      .selectFrom('matter_records as r')
      .leftJoin('users as us', 'us.id', 'r.created_by')
      .select(['r.id', 'r.kind', 'r.visibility', 'r.data', 'r.text_enc', 'r.status', 'r.created_at', 'us.display_name as created_by_name'])
      .where('r.matter_id', '=', matterId)
      .orderBy('r.created_at')
      .execute(),
    db
      .selectFrom('matter_files as f')
      .innerJoin('files as b', 'b.digest', 'f.digest')
      .select(['f.id', 'f.filename', 'f.visibility', 'f.digest', 'f.created_at', 'b.size', 'b.mime'])
      .where('f.matter_id', '=', matterId)
      .orderBy('f.created_at')
      .execute(),
    db.selectFrom('documents').select(['id', 'kind', 'number', 'title', 'code', 'recipient', 'issued_at']).where('matter_id', '=', matterId).orderBy('issued_at').execute(),
    db
      .selectFrom('meeting_participants as p')
      .innerJoin('meetings as mt', 'mt.id', 'p.meeting_id')
      .innerJoin('users as us', 'us.id', 'p.user_id')
      .select(['mt.id as meeting_id', 'mt.kind', 'mt.title', 'mt.held_on', 'mt.created_at', 'p.user_id', 'us.display_name', 'p.present', 'p.recused', 'p.vote', 'p.opinion'])
      .where('p.matter_id', '=', matterId)
      .orderBy('mt.created_at')
      .orderBy('us.username')
      .execute(),
    db
      .selectFrom('audit_events')
      .select(['seq', 'occurred_at', 'actor', 'action', 'data'])
      .where('entity_type', '=', 'matter')
      .where('entity_id', '=', matterId)
      .orderBy('seq')
      .execute(),
  ]);
  return { subject, jurisdiction, records, files, documents, participants, timeline };
}
